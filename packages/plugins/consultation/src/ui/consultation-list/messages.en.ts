/** English messages of <sifa-consultation-list>, loaded when the widget is shown in English (messages.ts). */
import type { ConsultationListMessageCatalog } from './messages.js';

export const en: ConsultationListMessageCatalog = {
  title: 'Legal consultation',
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
