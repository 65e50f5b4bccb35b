/**
 * The zod schemas of the tours draft (what editors save), shared by the server and any editor UI.
 * A published version is a frozen copy of a draft that passed `tourDraftSchema`; the public
 * shapes (`TourVersion`, `Scene`, `Hotspot`) are in types.ts.
 */
import { z } from 'zod';
import { isEventHandlerAttributeName, isUrlValuedAttributeName, localizedTextSchema, safeHref, safeHrefSchema } from '@sifa/core';

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 in lower-case hex (64 characters)');
const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Letters, digits, "-" and "_" (at most 64)');
const yaw = z.number().min(-180).max(180);
const pitch = z.number().min(-90).max(90);
const text = localizedTextSchema;

/**
 * An absolute http(s) address: core's `safeHrefSchema` (the scheme after the browser's own URL
 * parsing, so `java\tscript:` is the `javascript:` it is) and, on top, a scheme of its own
 * (media and links open outside the Sifa origin) and no credentials.
 */
export const webUrlSchema = safeHrefSchema.refine((value) => {
  // A scheme refused already has its issue (the core's message): one issue per field.
  if (safeHref(value) === null) return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}, 'An http:// or https:// address');

/** A Sifa widget element (`sifa-legal-map` …); never an arbitrary element. */
export const widgetElementSchema = z.string().regex(/^sifa-[a-z0-9]+(-[a-z0-9]+)*$/, 'A Sifa widget element name, e.g. sifa-legal-map').max(64);

/**
 * Attribute names a hotspot may set on a widget: no event handlers (`on…`), no style, none of the
 * plain HTML address attributes. Widget attributes that carry an address (`tour-href`,
 * `detail-href`, … see core `isUrlValuedAttributeName`) are allowed, their values checked below.
 */
export const widgetAttributeNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and "-"')
  .refine(
    (name) => !isEventHandlerAttributeName(name) && !['style', 'is', 'src', 'srcdoc', 'srcset', 'href', 'formaction', 'action', 'xmlns', 'ping', 'poster', 'background'].includes(name),
    'This attribute may not be set from a tour',
  );

const scriptAddress = /^(?:javascript|vbscript|data):/i;

/** A widget's attributes: at most 20; address-valued ones are `safeHrefSchema` addresses. */
export const widgetAttributesSchema = z
  .record(widgetAttributeNameSchema, z.string().max(1000))
  .superRefine((attributes, ctx) => {
    for (const [name, value] of Object.entries(attributes)) {
      if (isUrlValuedAttributeName(name)) {
        const checked = safeHrefSchema.safeParse(value);
        if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', path: [name], message: issue.message });
      } else {
        // Any other attribute: no value that reads as a script address either (as before), seen
        // the way the URL parser sees it.
        // eslint-disable-next-line no-control-regex
        const asParsed = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
        if (scriptAddress.test(asParsed)) ctx.addIssue({ code: 'custom', path: [name], message: 'No script addresses' });
      }
    }
  })
  .refine((a) => Object.keys(a).length <= 20, 'At most 20 attributes');

const hotspotBase = {
  id: idSchema,
  yaw,
  pitch,
  title: text,
  description: text.nullable().default(null),
};

export const hotspotSchema = z.discriminatedUnion('kind', [
  z.object({ ...hotspotBase, kind: z.literal('scene'), targetSceneId: idSchema }),
  z.object({ ...hotspotBase, kind: z.literal('info') }),
  z.object({ ...hotspotBase, kind: z.literal('audio'), mediaUrl: webUrlSchema, transcript: text.nullable().default(null) }),
  z.object({ ...hotspotBase, kind: z.literal('video'), mediaUrl: webUrlSchema, captionsUrl: webUrlSchema.nullable().default(null) }),
  z.object({ ...hotspotBase, kind: z.literal('link'), url: webUrlSchema }),
  z.object({
    ...hotspotBase,
    kind: z.literal('widget'),
    element: widgetElementSchema,
    attributes: widgetAttributesSchema.default({}),
  }),
]);

export const viewAnglesSchema = z.object({ yaw, pitch, fov: z.number().min(20).max(120) });

export const draftSceneSchema = z.object({
  id: idSchema,
  title: text,
  /** SHA-256 of an uploaded panorama (POST /plugins/tours/images). */
  image: sha256Schema,
  initialView: viewAnglesSchema.default({ yaw: 0, pitch: 0, fov: 90 }),
  northOffset: yaw.default(0),
  hotspots: z.array(hotspotSchema).max(100).default([]),
});

/** Whose tour it is: a judicial office's, or a law-education site's. */
export const tourKinds = ['office', 'education-site'] as const;
export const tourKindSchema = z.enum(tourKinds);

/**
 * The whole draft, checked as one: unique scene ids, unique hotspot ids per scene, scene
 * hotspots pointing at a scene of this draft, the first scene existing.
 */
export const tourDraftSchema = z
  .object({
    title: text,
    /** Defaults to the first scene. */
    firstSceneId: idSchema.nullable().default(null),
    scenes: z.array(draftSceneSchema).max(50),
  })
  .superRefine((draft, ctx) => {
    const ids = new Set<string>();
    draft.scenes.forEach((scene, i) => {
      if (ids.has(scene.id)) ctx.addIssue({ code: 'custom', path: ['scenes', i, 'id'], message: `Scene id "${scene.id}" is used twice` });
      ids.add(scene.id);
    });
    draft.scenes.forEach((scene, i) => {
      const hotspotIds = new Set<string>();
      scene.hotspots.forEach((h, k) => {
        if (hotspotIds.has(h.id)) ctx.addIssue({ code: 'custom', path: ['scenes', i, 'hotspots', k, 'id'], message: `Hotspot id "${h.id}" is used twice in this scene` });
        hotspotIds.add(h.id);
        if (h.kind === 'scene' && !ids.has(h.targetSceneId)) {
          ctx.addIssue({ code: 'custom', path: ['scenes', i, 'hotspots', k, 'targetSceneId'], message: `There is no scene "${h.targetSceneId}" in this tour` });
        }
        if (h.kind === 'scene' && h.targetSceneId === scene.id) {
          ctx.addIssue({ code: 'custom', path: ['scenes', i, 'hotspots', k, 'targetSceneId'], message: 'A scene hotspot must lead to another scene' });
        }
      });
    });
    if (draft.firstSceneId !== null && !ids.has(draft.firstSceneId)) {
      ctx.addIssue({ code: 'custom', path: ['firstSceneId'], message: `There is no scene "${draft.firstSceneId}" in this tour` });
    }
  });

export type TourDraftInput = z.input<typeof tourDraftSchema>;
export type TourDraft = z.output<typeof tourDraftSchema>;
export type DraftScene = z.output<typeof draftSceneSchema>;
export type DraftHotspot = z.output<typeof hotspotSchema>;
