/**
 * Runs axe-core on one element, shadow DOM included (axe 4.14 walks open shadow roots when
 * given the host). A widget is not a page, so the rules about a whole page (one main landmark,
 * an h1, all content inside landmarks) are left to the host page and switched off here.
 */
import axe from 'axe-core';

const pageLevelRules = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass', 'document-title', 'html-has-lang'];

/** `rules`: only these rules (e.g. ['color-contrast'] for a theme whose markup was checked in another). */
export async function axeViolations(element: Element, options: { rules?: string[] } = {}): Promise<axe.Result[]> {
  const results = await axe.run(element, {
    runOnly: options.rules ? { type: 'rule', values: options.rules } : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: Object.fromEntries(pageLevelRules.map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
  });
  return results.violations;
}

/** One line per failing node, for a readable assertion message. */
export function describeViolations(violations: axe.Result[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${n.target.join(' > ')} — ${n.failureSummary ?? v.help}`));
}
