/**
 * Keyboard movement in a listbox (WAI-ARIA listbox pattern): where a key moves the active option
 * of a list of `length` options from index `at`. In Mongolian's vertical layout the list runs
 * left to right, so the horizontal arrows move along it. Returns the new index, 'choose' for
 * Enter and Space, or null for keys the list leaves alone.
 */
export function listKeyMove(key: string, at: number, length: number, vertical = false): number | 'choose' | null {
  const forward = vertical ? ['ArrowRight'] : ['ArrowDown', 'ArrowRight'];
  const back = vertical ? ['ArrowLeft'] : ['ArrowUp', 'ArrowLeft'];
  if (forward.includes(key)) return Math.min(length - 1, at + 1);
  if (back.includes(key)) return Math.max(0, at - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return length - 1;
  if (key === 'Enter' || key === ' ') return 'choose';
  return null;
}
