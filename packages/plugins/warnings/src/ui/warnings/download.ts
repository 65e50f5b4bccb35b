/**
 * A file name for a downloaded document (the file itself comes through `client.download`, with the
 * caller's token) from its number and title, without characters file systems refuse.
 */
export function documentFileName(number: string, title: string): string {
  return `${number} ${title}`.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 120) + '.docx';
}
