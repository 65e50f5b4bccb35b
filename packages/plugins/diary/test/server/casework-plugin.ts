/**
 * Another plugin, as a third party would write one, that contributes a diary item recorded into
 * its own metric: the diary must list it and record its facts. Only the manifest matters here.
 */
import { definePlugin, defineServerPlugin } from '@sifa/core';

export const caseworkPlugin = defineServerPlugin(
  definePlugin({
    id: 'casework',
    version: '1.0.0',
    core: '^0.1.0',
    title: { zh: '案件测试', en: 'Casework (test)' },
    contributes: {
      metrics: [{ code: 'casework.people-served', title: { zh: '服务人数', en: 'People served' }, unit: { zh: '人', en: 'people' } }],
      diaryItems: [
        {
          code: 'casework.visit',
          title: { zh: '走访', en: 'Visit' },
          part: 'daily',
          fields: { people: { kind: 'count', title: { zh: '人数', en: 'People' }, metric: 'casework.people-served' } },
        },
      ],
    },
  }),
  {},
);
