/** English messages of <sifa-correction-list>, loaded when the widget is shown in English (messages.ts). */
import type { CorrectionListMessageCatalog } from './messages.js';

export const en: CorrectionListMessageCatalog = {
  title: 'Community correction',
  refresh: 'Refresh',
  loading: 'Loading…',
  loadFailed: 'Could not load the records: {reason}',
  unreachable: 'The server cannot be reached; try again later.',
  empty: 'No records yet.',
  caption: 'Latest records ({count})',
  day: 'Day',
  record: 'Record',
  people: 'People served',
  peopleValue: '{count}',
};
