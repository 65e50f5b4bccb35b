/**
 * A title's lines (GB/T 9704 §7.3.3: 回行时要做到词意完整，排列对称，长短适宜): a title too long for
 * one line breaks only where its template marked a break (`titleBreak`, U+200B), in as few lines as
 * fit, as even as possible; a part too long for a line on its own breaks between its words
 * (`Intl.Segmenter`). Left to itself a word processor breaks Chinese anywhere (工作日志缺 / 报).
 */
import { titleBreak } from '@sifa/core';

/** Display width in characters: CJK counts 1, Latin letters and digits ½. */
function widthOf(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return width;
}

/** The title as printed and listed: without its break marks. */
export function plainTitle(title: string): string {
  return title.split(titleBreak).join('');
}

const words = (text: string): string[] => [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(text)].map((s) => s.segment);

/** The pieces a title may break between. */
function piecesOf(title: string, maxWidth: number): string[] {
  const marked = title.split(titleBreak).filter((p) => p.length > 0);
  return marked.flatMap((part) => (widthOf(part) <= maxWidth ? [part] : words(part)));
}

/**
 * The lines of a title at most `maxWidth` characters wide: one line when it fits, else the fewest
 * lines that fit with breaks only between pieces, choosing the split whose longest line is
 * shortest (then the one with the longer lines first: a 梯形 rather than a ragged end).
 */
export function titleLines(title: string, maxWidth: number): string[] {
  const plain = plainTitle(title);
  if (widthOf(plain) <= maxWidth) return [plain];
  const pieces = piecesOf(title, maxWidth);
  const n = pieces.length;
  const widths = pieces.map(widthOf);
  const span = (from: number, to: number) => widths.slice(from, to).reduce((a, b) => a + b, 0);
  // best[k][i]: the best split of pieces[i..] into k lines, as [longest line, line ends].
  for (let lines = 2; lines <= n; lines++) {
    const memo = new Map<string, { longest: number; ends: number[] } | null>();
    const best = (k: number, from: number): { longest: number; ends: number[] } | null => {
      const key = `${k}:${from}`;
      if (memo.has(key)) return memo.get(key)!;
      let result: { longest: number; ends: number[] } | null = null;
      if (k === 1) {
        const w = span(from, n);
        result = w <= maxWidth ? { longest: w, ends: [n] } : null;
      } else {
        for (let to = from + 1; to <= n - (k - 1); to++) {
          const w = span(from, to);
          if (w > maxWidth) break;
          const rest = best(k - 1, to);
          if (!rest) continue;
          const longest = Math.max(w, rest.longest);
          // Ties: the longer first line wins (the loop runs to longer first lines).
          if (!result || longest < result.longest || (longest === result.longest && w >= span(from, result.ends[0]!))) result = { longest, ends: [to, ...rest.ends] };
        }
      }
      memo.set(key, result);
      return result;
    };
    const split = best(lines, 0);
    if (split) {
      let from = 0;
      return split.ends.map((to) => {
        const line = pieces.slice(from, to).join('');
        from = to;
        return line;
      });
    }
  }
  // A single word wider than a line: nothing to choose, the word processor wraps it.
  return [plain];
}
