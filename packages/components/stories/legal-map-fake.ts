/**
 * Storybook only: answers the legal map's three public reads (institutions.catalog,
 * institutions.list, platform.org.boundaries) from memory, in front of the diary's fake server
 * (./fake-server.ts), so the map's stories run offline. DEMO data: per county of Chifeng its
 * public legal-service centre at the county's label point and a few judicial offices around it,
 * positions marked approximate; one has a VR tour.
 */
import { defaultInstitutionServices, defaultInstitutionTypes } from '@sifa/plugin-institutions';
import type { LngLat, RegionCollection } from '@sifa/core';
import type { Institution, InstitutionCatalog } from '@sifa/plugin-institutions';
import { configureSifa, getSifaConfig } from '../src/config/config.js';
import counties from '../src/legal-map/fixtures/chifeng-counties.json' with { type: 'json' };

const regions = counties as unknown as RegionCollection;
const catalog: InstitutionCatalog = {
  types: defaultInstitutionTypes.map((t) => ({ ...t, title: { ...t.title } })),
  services: defaultInstitutionServices.map((s) => ({ ...s, title: { ...s.title } })),
};
const workdays = [
  { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '12:00' },
  { days: [1, 2, 3, 4, 5], opens: '14:30', closes: '17:30' },
];

function demoInstitutions(): Institution[] {
  const list: Institution[] = [];
  let n = 0;
  const add = (countyCode: string, type: string, zh: string, at: LngLat, services: string[]) => {
    n++;
    list.push({
      id: `demo-${n}`,
      type,
      name: { zh: `${zh}（演示）`, en: `${zh} (demo)` },
      address: { zh: `赤峰市${zh}（演示地址）` },
      phone: `0476-1${String(n).padStart(6, '0')}`,
      hours: workdays,
      hoursNote: { zh: '法定节假日休息', en: 'Closed on public holidays' },
      services,
      position: at,
      positionApproximate: true,
      photos: [],
      tourId: n === 1 ? 'demo-tour' : null,
      orgCode: countyCode,
      countyCode,
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
  };
  for (const f of regions.features) {
    const [lng, lat] = f.properties.label;
    const name = f.properties.name.zh;
    add(f.properties.code, 'legal-service-centre', `${name}公共法律服务中心`, [lng, lat], ['consultation', 'legal-aid', 'mediation', 'notarisation']);
    add(f.properties.code, 'legal-aid-centre', `${name}法律援助中心`, [lng + 0.01, lat - 0.008], ['legal-aid', 'consultation']);
    for (let i = 0; i < 6; i++) {
      const angle = (i / 6) * 2 * Math.PI;
      add(f.properties.code, 'judicial-office', `${name}第${i + 1}司法所`, [lng + 0.18 * Math.cos(angle), lat + 0.12 * Math.sin(angle)], ['mediation', 'consultation', 'legal-aid']);
    }
  }
  return list;
}

const institutions = demoInstitutions();
const answers: Record<string, (input: unknown) => unknown> = {
  'institutions.catalog': () => catalog,
  'institutions.list': (input) => {
    const { types, q } = (input ?? {}) as { types?: string[]; q?: string };
    return institutions.filter((i) => (!types?.length || types.includes(i.type)) && (!q || i.name.zh.includes(q) || i.address.zh.includes(q)));
  },
  'platform.org.boundaries': () => regions,
};

/** Puts the map's answers in front of whatever fetch the page configuration has (the diary's fake server). */
export function useLegalMapFake(): void {
  const behind = getSifaConfig()?.fetch ?? fetch;
  if ((behind as { legalMap?: boolean }).legalMap) return;
  const front = (async (resource: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(resource instanceof Request ? resource.url : resource));
    const paths = url.pathname.replace(/^.*\/trpc\//, '').split(',');
    if (!paths.every((p) => p in answers)) return behind(resource, init);
    const inputs = JSON.parse(url.searchParams.get('input') ?? 'null') as unknown;
    const batch = url.searchParams.get('batch') === '1';
    const results = paths.map((p, i) => ({ result: { data: answers[p]!(batch ? (inputs as Record<number, unknown> | null)?.[i] : inputs) } }));
    return new Response(JSON.stringify(batch ? results : results[0]), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch & { legalMap?: boolean };
  front.legalMap = true;
  configureSifa({ fetch: front });
}
