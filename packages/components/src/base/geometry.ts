/** Plane geometry the map-like widgets share (the legal map's labels, the dashboard's county map). */

/** West, south, east, north: the bounding box of lon/lat rings. */
export type Bounds = [minX: number, minY: number, maxX: number, maxY: number];

/** The bounding box of every point of `rings` (Infinity/−Infinity when there is none). */
export function boundsOf(rings: Iterable<readonly (readonly [number, number])[]>): Bounds {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return [minX, minY, maxX, maxY];
}
