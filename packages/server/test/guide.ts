/**
 * The walk-through of docs/plugins.md as edits a test can apply to a plugin made by
 * `sifa plugin new dispute`, so the guide's code is compiled and tested, not just read.
 *
 * A ```ts block whose first line is `// <path>` is a whole new file (`// <path> (continued)`
 * appends to it); a ```diff block whose first line is `--- <path>` is a change: its ` ` and `-`
 * lines are the text before, its ` ` and `+` lines the text after, and the text before must occur
 * exactly once in the file. Paths are relative to the repository root.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GuideEdit {
  path: string;
  kind: 'file' | 'append' | 'diff';
  /** New content (file, append), or the text before and after (diff). */
  text: string;
  before?: string;
}

/** The edits of the guide, in the order it shows them. */
export function guideEdits(markdown: string): GuideEdit[] {
  const edits: GuideEdit[] = [];
  for (const block of markdown.matchAll(/^```(ts|diff)\n([\s\S]*?)^```$/gm)) {
    const [first = '', ...rest] = block[2]!.replace(/\n$/, '').split('\n');
    if (block[1] === 'ts') {
      const file = /^\/\/ (\S+\/\S+\.ts)( \(continued\))?$/.exec(first);
      if (file) edits.push({ path: file[1]!, kind: file[2] ? 'append' : 'file', text: `${rest.join('\n')}\n` });
      continue;
    }
    const target = /^--- (\S+)$/.exec(first);
    if (!target) continue;
    const before: string[] = [];
    const after: string[] = [];
    for (const line of rest) {
      const mark = line[0] ?? ' ';
      const text = line.slice(1);
      if (mark === ' ' || mark === '-') before.push(text);
      if (mark === ' ' || mark === '+') after.push(text);
      if (mark !== ' ' && mark !== '-' && mark !== '+') throw new Error(`docs/plugins.md: a diff line of ${target[1]} starts with neither " ", "-" nor "+": ${line}`);
    }
    edits.push({ path: target[1]!, kind: 'diff', before: before.join('\n'), text: after.join('\n') });
  }
  return edits;
}

/** Applies the guide's edits below `root`; throws naming the edit that does not apply. */
export function applyGuide(root: string, markdown: string): GuideEdit[] {
  const edits = guideEdits(markdown);
  for (const [i, edit] of edits.entries()) {
    const file = join(root, edit.path);
    if (edit.kind === 'file') {
      if (existsSync(file)) throw new Error(`Guide edit ${i + 1}: ${edit.path} exists already; a new file was meant.`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, edit.text);
    } else if (edit.kind === 'append') {
      if (!existsSync(file)) throw new Error(`Guide edit ${i + 1}: ${edit.path} (continued) before the file was started.`);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n${edit.text}`);
    } else {
      const text = readFileSync(file, 'utf8');
      const count = text.split(edit.before!).length - 1;
      if (count !== 1) throw new Error(`Guide edit ${i + 1} (${edit.path}): the text before occurs ${count} times, not once:\n${edit.before}`);
      writeFileSync(file, text.replace(edit.before!, () => edit.text));
    }
  }
  return edits;
}
