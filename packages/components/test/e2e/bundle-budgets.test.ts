/**
 * The first-load budget check (scripts/bundle-budgets.mjs, run by `npm test` after the build)
 * measures what rollup's own chunk graph says a page fetches before each element first renders:
 * the loader, its static imports, the element's chunk and its static imports (never a lazy
 * chunk), read back from the written files. And it fails, with a table, on a widget over its
 * budget or one without a budget.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkBudgets, formatTable, measureFirstLoads, readBudgets, staticImportsOf } from '../../../../scripts/bundle-budgets.mjs';

const bundle = inject('embedBundle');

describe('what the check measures', () => {
  it('is, for the loader and every element, the files rollup says are fetched before first render', () => {
    const chunks = new Map(bundle.chunks.map((c) => [c.fileName, c]));
    const closure = (start: string[]) => {
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        for (const dep of chunks.get(file)?.imports ?? []) visit(dep);
      };
      start.forEach(visit);
      return [...seen].sort();
    };
    const entries = bundle.chunks.filter((c) => c.isEntry).map((c) => c.fileName);
    const measured = new Map(measureFirstLoads(bundle.dir).map((m) => [m.name, m]));
    expect(measured.get('loader')?.files.sort()).toEqual(closure(entries));
    for (const element of bundle.elements) {
      const own = bundle.chunks.find((c) => c.facadeModuleId === element.define)!;
      const expected = closure([...entries, own.fileName]);
      expect(measured.get(element.tag)?.files.sort(), element.tag).toEqual(expected);
      // Lazy chunks (the diary's form, the dashboard's charts) are not part of it.
      for (const lazy of own.dynamicImports) if (!expected.includes(lazy)) expect(measured.get(element.tag)?.files).not.toContain(lazy);
    }
    expect(measured.get('sifa-diary')!.bytes).toBeGreaterThan(measured.get('loader')!.bytes);
  });

  it("reads a chunk's static imports, not its dynamic ones", () => {
    const embed = readFileSync(join(bundle.dir, 'embed.js'), 'utf8');
    expect(staticImportsOf(embed)).toEqual(bundle.chunks.find((c) => c.fileName === 'embed.js')!.imports.map((f) => `./${f}`));
    expect(staticImportsOf('import{a as b}from"./x.js";import"./y.js";import*as z from"./z.js";const w=()=>import("./lazy.js");')).toEqual(['./x.js', './y.js', './z.js']);
  });
});

describe('the budgets', () => {
  it('fails a widget over its budget and one without a budget, naming them in a table', () => {
    const { rows, failures, stale } = checkBudgets(
      [
        { name: 'loader', bytes: 1600 },
        { name: 'sifa-diary', bytes: 25_642 },
        { name: 'sifa-new', bytes: 9000 },
      ],
      { loader: 1792, 'sifa-diary': 25_600, 'sifa-gone': 100 },
    );
    expect(failures).toEqual(['sifa-diary: 25642 B, 42 B over its budget of 25600 B', 'sifa-new: no budget in bundle-budgets.json (add one: its size now is 9000 B)']);
    expect(stale).toEqual(['sifa-gone']);
    const table = formatTable(rows).split('\n');
    expect(table[0]).toMatch(/^widget\s+first load \(B gz\)\s+budget \(B\)\s+over by \(B\)$/);
    expect(table.find((l) => l.startsWith('sifa-diary'))).toMatch(/25642\s+25600\s+42\s+OVER$/);
    expect(table.find((l) => l.startsWith('sifa-new'))).toMatch(/NO BUDGET$/);
    expect(table.find((l) => l.startsWith('loader'))).toMatch(/192 B left$/);
    expect(checkBudgets([{ name: 'loader', bytes: 1792 }], { loader: 1792 }).failures).toEqual([]);
  });

  it('the repository has a budget for the loader and every element it builds', () => {
    const budgets = readBudgets();
    const real = bundle.elements.filter((e) => !e.define.includes('/test/e2e/fixtures/'));
    for (const name of ['loader', ...real.map((e) => e.tag)]) expect(budgets[name], name).toBeGreaterThan(0);
  });
});
