/**
 * How chifeng-counties.geojson was made from the published file (kept so it can be made again):
 *   node simplify-boundaries.mjs <published.geojson> chifeng-counties.geojson [tolerance = 0.001]
 * 1. every vertex rounded to 3 decimals (~100 m), repeated vertices dropped;
 * 2. each ring cut into arcs where the set of counties sharing a vertex changes (junctions), and
 *    each arc simplified with Douglas–Peucker (tolerance in degrees) in a direction-independent
 *    way (the arc is walked from its lexicographically smaller end), so both counties along a
 *    shared border get the same vertices and the border stays one line.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, tolArg] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: node simplify-boundaries.mjs <in.geojson> <out.geojson> [tolerance]');
const tol = Number(tolArg ?? 0.001);
const collection = JSON.parse(readFileSync(input, 'utf8'));
const round = (x) => Math.round(x * 1000) / 1000;
const key = (p) => `${p[0]},${p[1]}`;

const rings = [];
for (const f of collection.features) {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const polygon of polygons) {
    for (let i = 0; i < polygon.length; i++) {
      const out = [];
      for (const p of polygon[i]) {
        const q = [round(p[0]), round(p[1])];
        const last = out[out.length - 1];
        if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
      }
      polygon[i] = out;
      rings.push({ code: f.properties.code, polygon, i });
    }
  }
}

const owners = new Map();
for (const { code, polygon, i } of rings) {
  for (const p of polygon[i]) {
    if (!owners.has(key(p))) owners.set(key(p), new Set());
    owners.get(key(p)).add(code);
  }
}
const ownersOf = (p) => [...owners.get(key(p))].sort().join('|');

function douglasPeucker(points) {
  if (points.length <= 2) return points;
  const a = points[0];
  const b = points[points.length - 1];
  let best = -1;
  let at = -1;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    const dist = Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
    if (dist > best || (dist === best && key(p) < key(points[at]))) {
      best = dist;
      at = i;
    }
  }
  if (best <= tol) return [a, b];
  return [...douglasPeucker(points.slice(0, at + 1)).slice(0, -1), ...douglasPeucker(points.slice(at))];
}

function simplifyArc(arc) {
  const first = key(arc[0]);
  const last = key(arc[arc.length - 1]);
  const reverse = first > last || (first === last && key(arc[1]) > key(arc[arc.length - 2]));
  const simplified = douglasPeucker(reverse ? [...arc].reverse() : arc);
  return reverse ? simplified.reverse() : simplified;
}

for (const { polygon, i } of rings) {
  const ring = polygon[i].slice(0, -1);
  const n = ring.length;
  const fixed = [];
  for (let j = 0; j < n; j++) {
    const own = ownersOf(ring[j]);
    if (own !== ownersOf(ring[(j - 1 + n) % n]) || own !== ownersOf(ring[(j + 1) % n])) fixed.push(j);
  }
  if (fixed.length === 0) {
    // A ring nobody shares: fix its smallest vertex and the one farthest from it.
    let m = 0;
    for (let j = 1; j < n; j++) if (key(ring[j]) < key(ring[m])) m = j;
    let far = m;
    let farthest = -1;
    for (let j = 0; j < n; j++) {
      const dist = Math.hypot(ring[j][0] - ring[m][0], ring[j][1] - ring[m][1]);
      if (dist > farthest) [farthest, far] = [dist, j];
    }
    fixed.push(...[m, far].sort((x, y) => x - y));
  }
  const out = [];
  for (let f = 0; f < fixed.length; f++) {
    const end = fixed[(f + 1) % fixed.length];
    const arc = [];
    for (let j = fixed[f]; ; j = (j + 1) % n) {
      arc.push(ring[j]);
      if ((j === end && arc.length > 1) || arc.length > n + 1) break;
    }
    out.push(...simplifyArc(arc).slice(0, -1));
  }
  out.push(out[0]);
  if (out.length < 4) throw new Error('a ring collapsed: lower the tolerance');
  polygon[i] = out;
}
for (const f of collection.features) f.properties.center = f.properties.center.map((x) => Math.round(x * 1e4) / 1e4);
writeFileSync(output, JSON.stringify(collection));
