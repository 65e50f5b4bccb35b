import { createApp } from 'vue';
import App from './App.vue';
import { configureFromHost } from './host-config.js';

const config = await configureFromHost();
createApp(App, { signedIn: config.tokenUrl !== undefined }).mount('#app');
