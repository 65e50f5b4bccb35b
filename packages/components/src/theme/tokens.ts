/**
 * Design tokens as CSS custom properties (`--sifa-*`), the only styling surface besides
 * `::part`. Hosts override any token on the element or an ancestor; themes set them all.
 * Documented in packages/components/README.md (generated list: `tokenNames`).
 */
import { css, unsafeCSS } from 'lit';
import type { SifaTheme } from '../config/config.js';

const light = {
  '--sifa-color-primary': '#8a1c1c',
  '--sifa-color-on-primary': '#ffffff',
  '--sifa-color-surface': '#ffffff',
  '--sifa-color-surface-alt': '#f5f3ef',
  '--sifa-color-text': '#1f1f1f',
  '--sifa-color-text-muted': '#5c5c5c',
  '--sifa-color-border': '#c9c4bb',
  '--sifa-color-focus': '#1a5fb4',
  '--sifa-color-success': '#1e7a34',
  '--sifa-color-warning': '#8a5a00',
  '--sifa-color-danger': '#b3261e',
  '--sifa-font-family': '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  // Latin text first in a Latin font: the Chinese fonts draw Latin punctuation full-width (the
  // apostrophe of "quarter’s" a wide gap). English renders in it, then the Chinese stack for data.
  '--sifa-font-family-latin': '"Noto Sans", "Segoe UI", "Helvetica Neue", Arial',
  // (Noto Sans Mongolian has no Latin letters or punctuation: a Latin font before the Chinese one.)
  '--sifa-font-family-mongolian': '"Noto Sans Mongolian", "Mongolian Baiti", "Menksoft Qagan", "MongolianScript", "Noto Sans", "Segoe UI", Arial, "Noto Sans CJK SC", sans-serif',
  '--sifa-font-size': '14px',
  '--sifa-font-size-small': '12px',
  '--sifa-font-size-large': '18px',
  '--sifa-line-height': '1.6',
  '--sifa-radius': '6px',
  '--sifa-space': '8px',
  '--sifa-target-size': '32px',
  '--sifa-focus-ring': '3px solid var(--sifa-color-focus)',
  '--sifa-shadow': '0 1px 3px rgba(0, 0, 0, 0.12)',
} as const;

export type TokenName = keyof typeof light;
export const tokenNames = Object.keys(light) as TokenName[];

const overrides: Record<Exclude<SifaTheme, 'light'>, Partial<Record<TokenName, string>>> = {
  dark: {
    '--sifa-color-primary': '#f2b8b5',
    '--sifa-color-on-primary': '#3b0a08',
    '--sifa-color-surface': '#1c1b1a',
    '--sifa-color-surface-alt': '#2a2826',
    '--sifa-color-text': '#ece8e3',
    '--sifa-color-text-muted': '#bdb7af',
    '--sifa-color-border': '#5a5550',
    '--sifa-color-focus': '#99c1f1',
    '--sifa-color-success': '#8fd19e',
    '--sifa-color-warning': '#f5c66b',
    '--sifa-color-danger': '#ffb4ab',
    '--sifa-shadow': '0 1px 3px rgba(0, 0, 0, 0.6)',
  },
  'high-contrast': {
    '--sifa-color-primary': '#000000',
    '--sifa-color-on-primary': '#ffffff',
    '--sifa-color-surface': '#ffffff',
    '--sifa-color-surface-alt': '#ffffff',
    '--sifa-color-text': '#000000',
    '--sifa-color-text-muted': '#000000',
    '--sifa-color-border': '#000000',
    '--sifa-color-focus': '#0000ee',
    '--sifa-color-success': '#005a00',
    '--sifa-color-warning': '#5c3b00',
    '--sifa-color-danger': '#a00000',
    '--sifa-focus-ring': '4px solid #0000ee',
  },
  // 适老化: extra-large type and large targets (2021 elderly-friendly rules for government sites).
  elderly: {
    '--sifa-font-size': '20px',
    '--sifa-font-size-small': '18px',
    '--sifa-font-size-large': '26px',
    '--sifa-line-height': '1.8',
    '--sifa-target-size': '48px',
    '--sifa-space': '12px',
    '--sifa-color-text-muted': '#333333',
  },
};

const declarations = (tokens: Partial<Record<TokenName, string>>) =>
  Object.entries(tokens)
    .map(([name, value]) => `${name}: ${value};`)
    .join('\n');

/** Host styles: light tokens by default, each theme's overrides by the `theme` attribute. */
export const themeStyles = css`
  :host {
    ${unsafeCSS(declarations(light))}
    color: var(--sifa-color-text);
    font-family: var(--sifa-font-family);
    font-size: var(--sifa-font-size);
    line-height: var(--sifa-line-height);
  }
  ${unsafeCSS(
    Object.entries(overrides)
      .map(([theme, tokens]) => `:host([theme='${theme}']) {\n${declarations(tokens)}\n}`)
      .join('\n'),
  )}
  :host([data-sifa-locale='en']) {
    font-family: var(--sifa-font-family-latin), var(--sifa-font-family);
  }
  :host([data-sifa-locale='mn-Mong']) {
    font-family: var(--sifa-font-family-mongolian);
  }
`;

/** Value of a token in a theme, for tests and documentation. */
export function tokenValue(theme: SifaTheme, name: TokenName): string {
  return (theme === 'light' ? undefined : overrides[theme][name]) ?? light[name];
}
