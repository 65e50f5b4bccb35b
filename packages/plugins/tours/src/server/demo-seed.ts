/**
 * SYNTHETIC demo tours for `sifa start --seed`: three judicial offices of 红山区 and one
 * law-education site, their panoramas rendered (demo-panoramas.ts), uploaded through the same
 * validation as an editor's upload, saved as drafts and published; one office has two versions
 * so the archive has history. Everything is labelled as synthetic demo content. Idempotent:
 * tours have ids derived from their demo key, and an existing tour is left as it is.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LocalizedText, PluginSeedContext, SeedExports } from '@sifa/core';
import { tourDraftSchema, type TourDraftInput } from '../schemas.js';
import { renderRoomPanorama, type RoomSpec } from './demo-panoramas.js';
import { processPanorama, storeImage, type ImageLimits } from './images.js';
import { tours } from './schema.js';
import { createTour, publish, saveDraft, type WriteContext } from './service.js';

export interface DemoSeedOptions {
  width: number;
  cacheDir: string | null | undefined;
  limits: ImageLimits;
  baseUrl: string;
}

const demoNote = '（合成演示内容，非实景照片）';
const demoNoteEn = ' (synthetic demo content, not a photograph)';
const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** A stable UUID for a demo key, so seeding twice finds the tour it made. */
export function demoTourId(key: string): string {
  const h = createHash('sha256').update(`tours.demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const warm = '#f1e6d0';
const cool = '#e3ecf1';

function hallRoom(office: string, withLegalAidDoor: boolean): RoomSpec {
  return {
    front: {
      color: warm,
      items: [
        { kind: 'sign', text: `${office}司法所`, sub: '公共法律服务工作站', x: 180, y: 110, w: 640, h: 170 },
        { kind: 'desk', x: 260, w: 480, label: '接待窗口' },
        { kind: 'plant', x: 110 },
        { kind: 'plant', x: 890 },
      ],
    },
    right: {
      color: cool,
      items: [
        { kind: 'window', x: 90, y: 230, w: 260, h: 280 },
        { kind: 'poster', title: '法律援助', lines: ['经济困难可申请', '免费法律咨询', '12348 热线'], x: 400, y: 200, w: 260, h: 320 },
        ...(withLegalAidDoor ? [{ kind: 'door' as const, x: 720, w: 200, label: '法律援助' }] : [{ kind: 'chairs' as const, x: 700, count: 2 }]),
      ],
    },
    back: {
      color: warm,
      items: [
        { kind: 'door', x: 390, label: '人民调解室' },
        { kind: 'screen', x: 80, y: 220, w: 250, h: 150, text: '12348' },
        { kind: 'poster', title: '服务承诺', lines: ['一次告知', '限时办结', '群众满意'], x: 680, y: 200, w: 240, h: 300 },
      ],
    },
    left: {
      color: cool,
      items: [
        { kind: 'sign', text: '公共法律服务', x: 150, y: 140, w: 700, h: 120, fill: '#1f4e8c', color: '#ffffff' },
        { kind: 'chairs', x: 230, count: 5 },
      ],
    },
    floor: { color: '#cdbb9f', pattern: 'tiles', rug: '#8c2f2f' },
    ceiling: { color: '#f4f1ea' },
  };
}

function mediationRoom(office: string): RoomSpec {
  return {
    front: {
      color: '#efe3cc',
      items: [
        { kind: 'sign', text: '人民调解室', sub: `${office}人民调解委员会`, x: 230, y: 120, w: 540, h: 160 },
        { kind: 'desk', x: 250, w: 500, label: '调解席' },
        { kind: 'chairs', x: 340, count: 3 },
      ],
    },
    right: {
      color: '#e8efe6',
      items: [
        { kind: 'poster', title: '调解须知', lines: ['自愿平等', '不收费用', '依法调解', '保守秘密'], x: 120, y: 180, w: 300, h: 360 },
        { kind: 'window', x: 520, y: 230, w: 330, h: 280 },
      ],
    },
    back: { color: '#efe3cc', items: [{ kind: 'door', x: 390, label: '接待大厅' }, { kind: 'plant', x: 150 }, { kind: 'plant', x: 850 }] },
    left: {
      color: '#e8efe6',
      items: [
        { kind: 'poster', title: '人民调解法', lines: ['第三条', '遵循自愿、平等原则', '不违背法律法规', '尊重当事人权利'], x: 140, y: 170, w: 340, h: 380 },
        { kind: 'chairs', x: 560, count: 3, fill: '#8a5a2f' },
      ],
    },
    floor: { color: '#b48a5a', pattern: 'wood' },
    ceiling: { color: '#f6f3ec' },
  };
}

function legalAidRoom(office: string): RoomSpec {
  return {
    front: {
      color: '#e9edf5',
      items: [
        { kind: 'sign', text: '法律援助工作站', sub: `${office}司法所`, x: 180, y: 120, w: 640, h: 160, fill: '#1f4e8c', color: '#ffffff' },
        { kind: 'desk', x: 300, w: 400, label: '值班律师' },
      ],
    },
    right: { color: '#f2ede2', items: [{ kind: 'poster', title: '申请条件', lines: ['经济困难', '身份证明', '案件材料'], x: 350, y: 190, w: 300, h: 330 }] },
    back: { color: '#e9edf5', items: [{ kind: 'door', x: 390, label: '接待大厅' }, { kind: 'screen', x: 700, y: 220, w: 230, h: 140, text: '12348' }] },
    left: { color: '#f2ede2', items: [{ kind: 'window', x: 300, y: 230, w: 400, h: 280 }, { kind: 'plant', x: 160 }] },
    floor: { color: '#c3c7cc', pattern: 'tiles' },
    ceiling: { color: '#f4f4f4' },
  };
}

function squareScene(): RoomSpec {
  return {
    front: {
      color: '#cfe3f3',
      items: [
        { kind: 'sign', text: '红山区法治文化广场', sub: '法治宣传教育基地', x: 150, y: 360, w: 700, h: 170, fill: '#b3261e' },
        { kind: 'plant', x: 120 },
        { kind: 'plant', x: 880 },
      ],
    },
    right: { color: '#cfe3f3', items: [{ kind: 'poster', title: '宪法宣传栏', lines: ['宪法是国家根本法', '学宪法 讲宪法', '12·4 国家宪法日'], x: 300, y: 360, w: 400, h: 380 }] },
    back: { color: '#cfe3f3', items: [{ kind: 'door', x: 380, w: 240, label: '宪法长廊' }, { kind: 'plant', x: 200 }, { kind: 'plant', x: 800 }] },
    left: { color: '#cfe3f3', items: [{ kind: 'screen', x: 200, y: 380, w: 600, h: 220, text: '法治宣传 · 以案释法' }] },
    floor: { color: '#9d9a92', pattern: 'paving' },
    ceiling: { color: '#7fb2e0', sky: true },
  };
}

function corridorScene(): RoomSpec {
  const panel = (title: string, lines: string[], x: number) => ({ kind: 'poster' as const, title, lines, x, y: 200, w: 260, h: 340 });
  return {
    front: { color: '#e8ddc8', items: [{ kind: 'sign', text: '宪法长廊', sub: '法治宣传教育基地', x: 250, y: 120, w: 500, h: 150 }, { kind: 'door', x: 400, w: 200, label: '出口' }] },
    right: { color: '#ece4d4', items: [panel('民法典', ['婚姻家庭', '物权合同'], 80), panel('未成年人保护', ['家庭保护', '学校保护'], 370), panel('反电信诈骗', ['不轻信', '不转账'], 660)] },
    back: { color: '#e8ddc8', items: [{ kind: 'door', x: 390, label: '法治广场' }] },
    left: { color: '#ece4d4', items: [panel('宪法', ['国家根本法'], 80), panel('人民调解法', ['自愿平等'], 370), panel('法律援助法', ['应援尽援'], 660)] },
    floor: { color: '#a88a66', pattern: 'wood' },
    ceiling: { color: '#f3efe6' },
  };
}

interface DemoScene {
  id: string;
  title: LocalizedText;
  room: RoomSpec;
  hotspots: TourDraftInput['scenes'][number]['hotspots'];
}

interface DemoTour {
  key: string;
  orgCode: string;
  kind: 'office' | 'education-site';
  /** Each entry is published in turn (the last is the current version). */
  versions: { title: LocalizedText; scenes: DemoScene[]; note: LocalizedText | null; daysAgo: number }[];
}

const info = (id: string, yaw: number, pitch: number, title: LocalizedText, description: LocalizedText) => ({ id, kind: 'info' as const, yaw, pitch, title, description });
const go = (id: string, yaw: number, targetSceneId: string, title: LocalizedText) => ({ id, kind: 'scene' as const, yaw, pitch: -8, targetSceneId, title });
const link12348 = { id: 'link-12348', kind: 'link' as const, yaw: -160, pitch: 0, title: t('中国法律服务网 12348', '12348 China legal services'), description: t('在线法律咨询与服务', 'Legal advice and services online'), url: 'https://www.12348.gov.cn/' };

function officeScenes(office: string, officeEn: string, withLegalAid: boolean): DemoScene[] {
  const scenes: DemoScene[] = [
    {
      id: 'hall',
      title: t(`接待大厅${demoNote}`, `Reception hall${demoNoteEn}`),
      room: hallRoom(office, withLegalAid),
      hotspots: [
        go('to-mediation', 180, 'mediation', t('进入人民调解室', 'To the mediation room')),
        ...(withLegalAid ? [go('to-legal-aid', 90, 'legal-aid', t('进入法律援助工作站', 'To the legal aid station'))] : []),
        info('reception', 0, -10, t('接待窗口', 'Reception desk'), t(`${office}司法所接待窗口：法律咨询、调解申请、法律援助申请。${demoNote}`, `Reception of the ${officeEn} judicial office: legal advice, mediation and legal aid applications.${demoNoteEn}`)),
        link12348,
      ],
    },
    {
      id: 'mediation',
      title: t(`人民调解室${demoNote}`, `People's mediation room${demoNoteEn}`),
      room: mediationRoom(office),
      hotspots: [
        go('to-hall', 180, 'hall', t('返回接待大厅', 'Back to the reception hall')),
        info('rules', 60, 5, t('调解须知', 'Mediation rules'), t('人民调解遵循自愿、平等原则，不收取任何费用。', 'People\'s mediation is voluntary and free of charge.')),
      ],
    },
  ];
  if (withLegalAid) {
    scenes.push({
      id: 'legal-aid',
      title: t(`法律援助工作站${demoNote}`, `Legal aid station${demoNoteEn}`),
      room: legalAidRoom(office),
      hotspots: [
        go('to-hall', 180, 'hall', t('返回接待大厅', 'Back to the reception hall')),
        info('apply', 90, 0, t('申请条件', 'Who may apply'), t('经济困难的公民可申请法律援助，请携带身份证明和案件材料。', 'People with financial difficulties may apply for legal aid; bring proof of identity and the case papers.')),
      ],
    });
  }
  return scenes;
}

export const demoTours: DemoTour[] = [
  {
    key: 'xitun',
    orgCode: '150402001',
    kind: 'office',
    versions: [
      { title: t(`西屯街道司法所${demoNote}`, `Xitun judicial office${demoNoteEn}`), scenes: officeScenes('西屯街道', 'Xitun', false), note: t('首次发布（合成演示）', 'First publication (synthetic demo)'), daysAgo: 120 },
      {
        title: t(`西屯街道司法所${demoNote}`, `Xitun judicial office${demoNoteEn}`),
        scenes: officeScenes('西屯街道', 'Xitun', true),
        note: t('新增法律援助工作站（合成演示）', 'Legal aid station added (synthetic demo)'),
        daysAgo: 7,
      },
    ],
  },
  {
    key: 'sanzhongjie',
    orgCode: '150402002',
    kind: 'office',
    versions: [{ title: t(`三中街街道司法所${demoNote}`, `Sanzhongjie judicial office${demoNoteEn}`), scenes: officeScenes('三中街街道', 'Sanzhongjie', false), note: null, daysAgo: 30 }],
  },
  {
    key: 'yongju',
    orgCode: '150402003',
    kind: 'office',
    versions: [{ title: t(`永巨街道司法所${demoNote}`, `Yongju judicial office${demoNoteEn}`), scenes: officeScenes('永巨街道', 'Yongju', true), note: null, daysAgo: 14 }],
  },
  {
    key: 'hongshan-square',
    orgCode: '150402',
    kind: 'education-site',
    versions: [
      {
        title: t(`红山区法治文化广场${demoNote}`, `Hongshan rule-of-law square${demoNoteEn}`),
        note: null,
        daysAgo: 3,
        scenes: [
          {
            id: 'square',
            title: t(`法治文化广场${demoNote}`, `Rule-of-law square${demoNoteEn}`),
            room: squareScene(),
            hotspots: [
              go('to-corridor', 180, 'corridor', t('进入宪法长廊', 'To the constitution corridor')),
              info('board', 90, 0, t('宪法宣传栏', 'Constitution board'), t(`每年 12 月 4 日为国家宪法日。${demoNote}`, `4 December is National Constitution Day.${demoNoteEn}`)),
              { id: 'map', kind: 'widget', yaw: -90, pitch: 0, title: t('附近的法律服务机构', 'Legal services nearby'), description: null, element: 'sifa-legal-map', attributes: { 'org-code': '150402' } },
              link12348,
            ],
          },
          {
            id: 'corridor',
            title: t(`宪法长廊${demoNote}`, `Constitution corridor${demoNoteEn}`),
            room: corridorScene(),
            hotspots: [go('to-square', 180, 'square', t('返回法治广场', 'Back to the square')), info('civil-code', 90, 0, t('民法典', 'Civil Code'), t('民法典是新中国第一部以法典命名的法律。', 'The Civil Code is the first law of the PRC named a code.'))],
          },
        ],
      },
    ],
  },
];

/** Exported to later seeds: the demo tour of each office, for the legal map's "VR tour" links. */
export interface DemoToursExports extends SeedExports {
  toursByOrg: Record<string, string>;
}

export async function seedDemoTours(ctx: PluginSeedContext, options: DemoSeedOptions): Promise<DemoToursExports> {
  const known = new Set(ctx.orgCodes);
  const toursByOrg: Record<string, string> = {};
  for (const tour of demoTours) {
    if (!known.has(tour.orgCode)) continue;
    const id = demoTourId(tour.key);
    if (tour.kind === 'office') toursByOrg[tour.orgCode] = id;
    const exists = await ctx.runScoped(tour.orgCode, async ({ db }) => (await db.select({ id: tours.id }).from(tours).where(eq(tours.id, id))).length > 0);
    if (exists) continue;
    // Render and validate before the transaction (CPU work; no connection held meanwhile).
    const images = new Map<string, Awaited<ReturnType<typeof processPanorama>>>();
    const shaOf = new Map<RoomSpec, string>();
    for (const version of tour.versions) {
      for (const scene of version.scenes) {
        const rendered = await renderRoomPanorama(scene.room, { width: options.width, cacheDir: options.cacheDir });
        const image = await processPanorama(rendered.jpeg, options.limits);
        images.set(image.sha256, image);
        shaOf.set(scene.room, image.sha256);
        ctx.log(`panorama ${tour.key}/${scene.id}: ${image.width}×${image.height}, ${(image.bytes / 1024).toFixed(0)} KB, ${rendered.cached ? 'cached' : `rendered in ${rendered.ms} ms`}`);
      }
    }
    await ctx.runScoped(tour.orgCode, async (scoped) => {
      const org = await scoped.orgs.get(tour.orgCode);
      const at = (daysAgo: number) => new Date(ctx.now().getTime() - daysAgo * 86_400_000);
      const first = tour.versions[0]!;
      const w: WriteContext = { db: scoped.db, orgs: scoped.orgs, audit: scoped.audit, now: at(first.daysAgo), baseUrl: options.baseUrl };
      for (const image of images.values()) await storeImage(scoped.db, org, image, 'seed', w.now);
      await createTour(w, { id, orgCode: tour.orgCode, kind: tour.kind, title: first.title });
      for (const version of tour.versions) {
        const vw = { ...w, now: at(version.daysAgo) };
        const draft = tourDraftSchema.parse({
          title: version.title,
          scenes: version.scenes.map((s) => ({ id: s.id, title: s.title, image: shaOf.get(s.room)!, hotspots: s.hotspots, initialView: { yaw: 0, pitch: 0, fov: 90 } })),
        });
        await saveDraft(vw, id, undefined, draft);
        await publish(vw, id, undefined, version.note, 'seed');
      }
    });
    ctx.log(`tour ${tour.key} (${tour.orgCode}): ${tour.versions.length} version(s) published`);
  }
  return { toursByOrg };
}
