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

export async function publishTestTour(request: { url: string; token: string; orgCode: string }): Promise<PublishedTestTour> {
  const { url, orgCode } = request;
  const headers = { authorization: `Bearer ${request.token}` };
  const upload = async (png: Uint8Array<ArrayBuffer>) => {
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
  const [pattern, magenta, green] = await Promise.all([patternPng(2048), patternPng(1024, [255, 0, 255]), patternPng(1024, [0, 255, 0])]);
  const [patternSha, magentaSha, greenSha] = [await upload(pattern), await upload(magenta), await upload(green)];
  const text = (zh: string) => ({ zh, en: `${zh} (en)` });
  const created = await call<{ tourId: string; revision: number }>('tours.create', { orgCode, kind: 'office', title: text('测试司法所') });
  let draft = await call<{ revision: number }>('tours.saveDraft', {
    tourId: created.tourId,
    revision: created.revision,
    draft: { title: text('测试司法所'), scenes: [{ id: 'old-hall', title: text('旧大厅'), image: greenSha }] },
  });
  await call('tours.publish', { tourId: created.tourId, revision: draft.revision, note: text('第一版') });
  draft = await call<{ revision: number }>('tours.saveDraft', {
    tourId: created.tourId,
    revision: draft.revision,
    draft: {
      title: text('测试司法所'),
      scenes: [
        { id: 'hall', title: text('接待大厅'), image: patternSha, hotspots: [{ id: 'to-room', kind: 'scene', yaw: 10, pitch: 10, title: text('去调解室'), targetSceneId: 'room' }] },
        { id: 'room', title: text('调解室'), image: magentaSha, hotspots: [{ id: 'to-hall', kind: 'scene', yaw: 180, pitch: 0, title: text('回到大厅'), targetSceneId: 'hall' }] },
      ],
    },
  });
  await call('tours.publish', { tourId: created.tourId, revision: draft.revision, note: null });
  return { tourId: created.tourId };
}
