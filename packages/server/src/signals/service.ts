/**
 * Cross-plugin signals inside a scoped transaction: deadlines of every installed source and
 * indicators (computed values such as scores), answered by whichever plugin contributes them.
 */
import { SifaError, type ScopedServices, type SignalsService } from '@sifa/core';
import type { Composition } from '../plugins/compose.js';

export function createSignalsService(composition: Pick<Composition, 'deadlineSources' | 'indicators'>, scoped: () => ScopedServices): SignalsService {
  return {
    async deadlines({ from, to, sources }) {
      const wanted = sources ? new Set(sources) : null;
      if (wanted) {
        for (const code of wanted) {
          if (!composition.deadlineSources.some((s) => s.code === code)) {
            throw new SifaError('NOT_FOUND', {
              message: { zh: `没有插件提供期限来源 ${code}。`, en: `No installed plugin provides the deadline source ${code}.` },
              details: { source: code },
            });
          }
        }
      }
      const out = [];
      for (const source of composition.deadlineSources) {
        if (wanted && !wanted.has(source.code)) continue;
        for (const d of await source.list(scoped(), { from, to })) out.push({ ...d, source: source.code });
      }
      out.sort((a, b) => (a.due === b.due ? a.id.localeCompare(b.id) : a.due < b.due ? -1 : 1));
      return out;
    },
    async indicator(code, input) {
      const indicator = composition.indicators.get(code);
      if (!indicator) {
        throw new SifaError('NOT_FOUND', {
          message: { zh: `没有插件提供指标 ${code}。`, en: `No installed plugin provides the indicator ${code}.` },
          details: { indicator: code },
        });
      }
      return indicator.compute(scoped(), input);
    },
    catalog() {
      return {
        deadlineSources: composition.deadlineSources.map((s) => ({ code: s.code, title: s.title })),
        indicators: [...composition.indicators.values()].map((i) => ({ code: i.code, title: i.title, unit: i.unit })),
      };
    },
  };
}
