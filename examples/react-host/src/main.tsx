import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { configureFromHost } from './host-config.js';

const config = await configureFromHost();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App signedIn={config.tokenUrl !== undefined} />
  </StrictMode>,
);
