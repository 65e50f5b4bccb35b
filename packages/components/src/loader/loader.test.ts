/// <reference types="vite/client" />
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchElements, type ElementWatcher } from './loader.js';
import { preload } from './preload.js';
import { offeredElements } from './installed.js';
import { unknownTagMessage, warnUnknownTag } from './unknown-tag.js';
import { eventually } from '../test-utils/test-server.js';
import pkg from '../../package.json' with { type: 'json' };

let watcher: ElementWatcher | null = null;
afterEach(() => {
  watcher?.stop();
  watcher = null;
  document.body.replaceChildren();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeLoaders(...tags: string[]) {
  const calls: string[] = [];
  const loaders = Object.fromEntries(tags.map((tag) => [tag, () => (calls.push(tag), Promise.resolve())]));
  return { loaders, calls };
}

describe('watchElements (the script-tag loader)', () => {
  it('loads the modules of the tags on the page, once each, and no others', async () => {
    document.body.innerHTML = '<sifa-a></sifa-a><div><sifa-a></sifa-a><p><sifa-b></sifa-b></p></div>';
    const { loaders, calls } = fakeLoaders('sifa-a', 'sifa-b', 'sifa-heavy');
    watcher = watchElements(loaders);
    expect(calls.sort()).toEqual(['sifa-a', 'sifa-b']);
    expect([...watcher.requested].sort()).toEqual(['sifa-a', 'sifa-b']);
  });

  it('loads tags added later, also deep inside an added subtree', async () => {
    const { loaders, calls } = fakeLoaders('sifa-a', 'sifa-b', 'sifa-c');
    watcher = watchElements(loaders);
    expect(calls).toEqual([]);
    document.body.append(document.createElement('sifa-a'));
    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<div><div><sifa-b></sifa-b></div></div>';
    document.body.append(wrapper);
    await tick();
    expect(calls).toEqual(['sifa-a', 'sifa-b']);
    document.body.append(document.createElement('sifa-a'));
    await tick();
    expect(calls).toEqual(['sifa-a', 'sifa-b']);
  });

  it('reports a module that fails to load without breaking the others', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const calls: string[] = [];
    watcher = watchElements({
      'sifa-broken': () => Promise.reject(new Error('offline')),
      'sifa-ok': () => (calls.push('sifa-ok'), Promise.resolve()),
    });
    document.body.innerHTML = '<sifa-broken></sifa-broken><sifa-ok></sifa-ok>';
    await tick();
    await tick();
    expect(calls).toEqual(['sifa-ok']);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('<sifa-broken>'), expect.any(Error));
    error.mockRestore();
  });

  it('load() defines a tag on request, and refuses unknown tags', async () => {
    const { loaders, calls } = fakeLoaders('sifa-a');
    watcher = watchElements(loaders);
    await watcher.load('sifa-a');
    await watcher.load('sifa-a');
    expect(calls).toEqual(['sifa-a']);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(watcher.load('sifa-nope')).rejects.toThrow('not a Sifa element');
    error.mockRestore();
  });

  it('preloads an element’s chunks once', async () => {
    const base = new URL('/assets/embed.js', location.href).href;
    const load = vi.fn(() => Promise.resolve('ok'));
    await preload(base, ['./chunks/a.js', './chunks/b.js'], load);
    await preload(base, ['./chunks/a.js'], load);
    const links = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href);
    expect(links.filter((h) => h.endsWith('/assets/chunks/a.js'))).toHaveLength(1);
    expect(links.some((h) => h.endsWith('/assets/chunks/b.js'))).toBe(true);
    expect(load).toHaveBeenCalledTimes(2);
    for (const l of document.head.querySelectorAll('link[rel="modulepreload"]')) l.remove();
  });
});

describe('the elements a server offers (installed plugins)', () => {
  const url = 'https://sifa.example.gov.cn/embed.js';

  it('offers every element when not served by a Sifa server (the marker stays)', () => {
    const { loaders } = fakeLoaders('sifa-diary', 'sifa-plan-board');
    expect(Object.keys(offeredElements(loaders, url))).toEqual(['sifa-diary', 'sifa-plan-board']);
    expect(offeredElements(loaders, url, '')).toEqual(loaders);
  });

  it('replaces the code of an element whose plugin is missing by one warning that names the plugin', async () => {
    const { loaders, calls } = fakeLoaders('sifa-diary', 'sifa-plan-board');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      document.body.innerHTML = '<sifa-diary></sifa-diary><sifa-plan-board></sifa-plan-board><sifa-plan-board></sifa-plan-board>';
      watcher = watchElements(offeredElements(loaders, url, 'sifa-plan-board:plans,sifa-score-card:assessment'));
      await eventually(() => warn.mock.calls.length === 1);
      document.body.append(document.createElement('sifa-score-card'));
      await eventually(() => warn.mock.calls.length === 2);
      expect(calls).toEqual(['sifa-diary']);
      expect(warn.mock.calls).toEqual([
        ['[sifa] <sifa-plan-board> needs the plugin "plans", which the Sifa server at https://sifa.example.gov.cn does not have installed: add it to the server\'s configuration (plugins), or remove the element from the page.'],
        [unknownTagMessage('sifa-score-card', 'assessment', 'https://sifa.example.gov.cn')],
      ]);
      warnUnknownTag('sifa-plan-board', 'plans', url);
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('the element folders', () => {
  // The same rule as the build (build/elements.mjs): a folder with a define.ts is an element.
  const defines = import.meta.glob('../*/define.ts');
  const folders = Object.keys(defines).map((path) => path.split('/')[1]!);

  it('each defines sifa-<folder> when its define module is imported', async () => {
    for (const [path, load] of Object.entries(defines)) {
      await load();
      const tag = `sifa-${path.split('/')[1]}`;
      expect(customElements.get(tag), tag).toBeDefined();
    }
  });

  it('package.json exports one subpath per element (run sync-exports when this fails)', () => {
    // (Besides the elements: the root, the test kit, the host frameworks' types, the loader and the manifest.)
    const frameworks = ['./react', './vue'];
    const exported = Object.keys(pkg.exports)
      .filter((k) => k !== '.' && k !== './testing' && !frameworks.includes(k) && !k.includes('.', 2))
      .map((k) => k.slice(2))
      .sort();
    expect(exported).toEqual([...folders].sort());
    for (const name of frameworks) {
      expect((pkg.exports as unknown as Record<string, Record<string, string>>)[name]).toEqual({
        types: `./dist/frameworks/${name.slice(2)}.d.ts`,
        default: `./dist/frameworks/${name.slice(2)}.js`,
      });
    }
    for (const name of folders) {
      expect((pkg.exports as unknown as Record<string, Record<string, string>>)[`./${name}`]).toEqual({
        'sifa-source': `./src/${name}/define.ts`,
        types: `./dist/${name}/define.d.ts`,
        default: `./dist/${name}/define.js`,
      });
    }
  });
});
