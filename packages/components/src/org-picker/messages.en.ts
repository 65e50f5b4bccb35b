/** English messages of <sifa-org-picker>, loaded when the element is shown in English (messages.ts). */
import type { OrgPickerMessageCatalog } from './messages.js';

export const en: OrgPickerMessageCatalog = {
  label: 'Organisation',
  placeholder: 'Type a name or code to search',
  options: 'Organisations to choose from',
  loading: 'Loading organisations…',
  loadFailed: 'Could not load the organisations: {reason}',
  unreachable: 'the server cannot be reached',
  noMatch: 'No organisation’s name or code matches “{text}”.',
  matches: '{count} organisations to choose from; arrow keys to browse, Enter to choose.',
  more: '{count} more: type more to narrow the list.',
  pickFromList: 'Choose an organisation from the list (type part of its name, then pick it with the arrow keys or the mouse).',
  selected: 'Chosen: {name}',
};
