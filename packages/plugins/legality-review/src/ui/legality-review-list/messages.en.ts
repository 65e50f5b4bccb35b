/** English messages of <sifa-legality-review-list>, loaded when the widget is shown in English (messages.ts). */
import type { LegalityReviewListMessageCatalog } from './messages.js';

export const en: LegalityReviewListMessageCatalog = {
  title: 'Legality review',
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
