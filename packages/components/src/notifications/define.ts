/** Registers <sifa-notifications> (side effect): import this file, or load the script-tag bundle. */
import type { NotificationView } from '@sifa/core';
import { SifaNotifications } from './sifa-notifications.js';

export { SifaNotifications };

if (!customElements.get('sifa-notifications')) customElements.define('sifa-notifications', SifaNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-notifications': SifaNotifications;
  }
  interface HTMLElementEventMap {
    'sifa-notification': CustomEvent<NotificationView>;
  }
}
