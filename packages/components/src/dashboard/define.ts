/** Registers <sifa-dashboard> (side effect): import this file, or load the script-tag bundle. */
import { SifaDashboard, type DashboardExportDetail, type DashboardNavigateDetail, type DashboardOpenRecordDetail } from './sifa-dashboard.js';

export { SifaDashboard };
export type { DashboardNavigateDetail, DashboardExportDetail, DashboardOpenRecordDetail };
export type { DashboardState } from './state.js';

if (!customElements.get('sifa-dashboard')) customElements.define('sifa-dashboard', SifaDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'sifa-dashboard': SifaDashboard;
  }
  interface HTMLElementEventMap {
    'sifa-dashboard-navigate': CustomEvent<DashboardNavigateDetail>;
    'sifa-dashboard-export': CustomEvent<DashboardExportDetail>;
    'sifa-dashboard-open-record': CustomEvent<DashboardOpenRecordDetail>;
  }
}
