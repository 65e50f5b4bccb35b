/**
 * The tours' domain types: what the service returns and what `<sifa-vr-viewer>` renders (it
 * imports them with `import type`, so no zod reaches the page). Declared once: hotspots and view
 * angles are the schemas' own output types (a published scene carries its hotspots exactly as the
 * draft validated them), the rest is declared here; the procedure map is inferred from the router
 * (`ToursApi`, index.ts).
 *
 * Angles are degrees: yaw 0 = the panorama's centre column, growing to the right (east when
 * `northOffset` is 0 … see Scene); pitch 0 = horizon, +90 = straight up.
 */
import type { z } from 'zod';
import type { LocalizedText } from '@sifa/core';
import type { hotspotSchema, tourKinds, TourDraft, viewAnglesSchema } from './schemas.js';

export interface PanoramaImage {
  /** Full-size equirectangular image (2:1), served by the Sifa server. */
  url: string;
  width: number;
  height: number;
  /** A smaller equirectangular version (≤ 2048 px wide) shown first and when WebGL is missing. */
  previewUrl: string;
  previewWidth: number;
  previewHeight: number;
  bytes: number;
}

/** Where the viewer looks; `fov` is the horizontal field of view in degrees (zoom). */
export type ViewAngles = z.output<typeof viewAnglesSchema>;

/**
 * A hotspot of a scene: `scene` (go to another scene), `info`, `audio` / `video` (with transcript
 * or captions), `link` (a legal service or any page, opens in a new tab) or `widget` (another Sifa
 * widget shown in a dialog, e.g. `sifa-legal-map` with attributes).
 */
export type Hotspot = z.output<typeof hotspotSchema>;
export type HotspotKind = Hotspot['kind'];
/** The hotspot of one kind, e.g. `HotspotOf<'scene'>` has `targetSceneId`. */
export type HotspotOf<K extends HotspotKind> = Extract<Hotspot, { kind: K }>;

/** Whose tour it is: a judicial office's, or a law-education site's. */
export type TourKind = (typeof tourKinds)[number];

export interface Scene {
  id: string;
  title: LocalizedText;
  image: PanoramaImage;
  initialView: ViewAngles;
  /** Yaw (degrees) of true north in this panorama, for a compass. */
  northOffset: number;
  hotspots: Hotspot[];
}

export interface TourVersionInfo {
  version: number;
  publishedAt: string;
  note: LocalizedText | null;
}

export interface TourSummary {
  id: string;
  orgCode: string;
  kind: TourKind;
  title: LocalizedText;
  latestVersion: number | null;
  publishedAt: string | null;
  /** Preview of the first scene of the latest version. */
  coverUrl: string | null;
}

/** One version of a tour as the viewer renders it (a published version, or the draft for editors). */
export interface TourVersion {
  tourId: string;
  orgCode: string;
  kind: TourKind;
  title: LocalizedText;
  /** A published version number, or null for the draft. */
  version: number | null;
  publishedAt: string | null;
  firstSceneId: string;
  scenes: Scene[];
  /** Every published version, newest first, for the version picker (档案). */
  versions: TourVersionInfo[];
}

/** A tour as its editors list it (`tours.editable`): drafts included. */
export interface EditorTourSummary extends TourSummary {
  /** The draft's revision, to send back with `saveDraft` / `publish`. */
  revision: number;
  updatedAt: string;
}

/** The draft as the viewer renders it (version null), plus what an editor saves back. */
export interface TourDraftView extends TourVersion {
  revision: number;
  updatedAt: string;
  /** The draft as stored (scene images by SHA-256): edit it and send it to `tours.saveDraft`. */
  draft: TourDraft;
}
