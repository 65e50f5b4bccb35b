/**
 * Competition ranking (1, 2, 2, 4): the one rule the server's rankings, their exports and the
 * dashboard's re-ranking by another figure share, so a rank never differs between them.
 */

/** Ranks `rows` by `value`, highest first, ties by `codeOf` (an org code); rows without a value last, all sharing the rank after the valued ones. */
export function competitionRanking<T extends { value: number | null }>(rows: readonly T[], codeOf: (row: T) => string): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? codeOf(a).localeCompare(codeOf(b)) : a.value === null ? 1 : -1;
    return b.value - a.value || codeOf(a).localeCompare(codeOf(b));
  });
  const valued = sorted.filter((r) => r.value !== null).length;
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.value === null) return { ...r, rank: valued + 1 };
    if (i === 0 || sorted[i - 1]!.value !== r.value) rank = i + 1;
    return { ...r, rank };
  });
}
