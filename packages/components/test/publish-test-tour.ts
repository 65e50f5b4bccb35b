/**
 * Publishes a test tour the way an editor does it (embed token, the image upload route,
 * tours.create, tours.saveDraft, tours.publish), for <sifa-vr-viewer> tests against a real
 * server: version 1 has one green scene; version 2 a scene of the test pattern
 * (src/vr-viewer/test-pattern-data.ts) linked both ways with a magenta one. Node only.
 */
import { patternPng } from '../src/vr-viewer/test-pattern-data.js';

export interface PublishedTestTour {
  tourId: string;
}

/** A panorama made in Node: the known test pattern, or one solid colour; 2:1 at `width`. */
export type TestImage = { pattern: number } | { solid: [number, number, number]; width: number };

export interface TestTourSpec {
  title: { zh: string; en: string };
  /** Published in this order (the last is the latest); scenes' hotspots as `tours.saveDraft` takes them. */
  versions: { note: { zh: string; en: string } | null; scenes: { id: string; title: { zh: string; en: string }; image: TestImage; hotspots?: unknown[] }[] }[];
}

const text = (zh: string) => ({ zh, en: `${zh} (en)` });

/**
 * The default: version 1 has one green scene; version 2 a scene of the test pattern linked both
 * ways with a magenta one.
 */
export const defaultTestTour: TestTourSpec = {
  title: text('测试司法所'),
  versions: [
    { note: text('第一版'), scenes: [{ id: 'old-hall', title: text('旧大厅'), image: { solid: [0, 255, 0], width: 1024 } }] },
    {
      note: null,
      scenes: [
        { id: 'hall', title: text('接待大厅'), image: { pattern: 2048 }, hotspots: [{ id: 'to-room', kind: 'scene', yaw: 10, pitch: 10, title: text('去调解室'), targetSceneId: 'room' }] },
        { id: 'room', title: text('调解室'), image: { solid: [255, 0, 255], width: 1024 }, hotspots: [{ id: 'to-hall', kind: 'scene', yaw: 180, pitch: 0, title: text('回到大厅'), targetSceneId: 'hall' }] },
      ],
    },
  ],
};

/** Publishes `spec` as an editor does it: one upload per image, tours.create, then per version saveDraft + publish. */
export async function publishTestTour(request: { url: string; token: string; orgCode: string; spec?: TestTourSpec }): Promise<PublishedTestTour> {
  const { url, orgCode } = request;
  const spec = request.spec ?? defaultTestTour;
  const headers = { authorization: `Bearer ${request.token}` };
  const upload = async (image: TestImage) => {
    const png = 'pattern' in image ? await patternPng(image.pattern) : await patternPng(image.width, image.solid);
    const res = await fetch(`${url}/plugins/tours/images?orgCode=${orgCode}`, { method: 'POST', headers: { ...headers, 'content-type': 'image/png' }, body: png });
    if (!res.ok) throw new Error(`tour image upload answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { sha256: string }).sha256;
  };
  const call = async <T>(path: string, input: unknown): Promise<T> => {
    const res = await fetch(`${url}/trpc/${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
  const created = await call<{ tourId: string; revision: number }>('tours.create', { orgCode, kind: 'office', title: spec.title });
  let revision = created.revision;
  for (const version of spec.versions) {
    const scenes = [];
    for (const scene of version.scenes) scenes.push({ id: scene.id, title: scene.title, image: await upload(scene.image), hotspots: scene.hotspots ?? [] });
    revision = (await call<{ revision: number }>('tours.saveDraft', { tourId: created.tourId, revision, draft: { title: spec.title, scenes } })).revision;
    await call('tours.publish', { tourId: created.tourId, revision, note: version.note }); // the draft's revision stays
  }
  return { tourId: created.tourId };
}
