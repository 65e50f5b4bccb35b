/**
 * The VR panorama tours contract: what `<sifa-vr-viewer>` reads and what the tours plugin serves
 * under `tours.` (public reads of published versions through a publishable key). Types only.
 * Angles are degrees: yaw 0 = the panorama's centre column, growing to the right (east when
 * `northOffset` is 0 … see Scene); pitch 0 = horizon, +90 = straight up.
 */
import type { LocalizedText } from './locale.js';

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

export interface ViewAngles {
  yaw: number;
  pitch: number;
  /** Horizontal field of view in degrees (zoom). */
  fov: number;
}

export interface HotspotBase {
  id: string;
  yaw: number;
  pitch: number;
  title: LocalizedText;
  description: LocalizedText | null;
}

// One interface per kind (not intersections): tRPC's inferred output types keep a union of
// interfaces apart, while they merge a union of intersections into one object type.
export interface SceneHotspot extends HotspotBase {
  kind: 'scene';
  targetSceneId: string;
}
export interface InfoHotspot extends HotspotBase {
  kind: 'info';
}
export interface AudioHotspot extends HotspotBase {
  kind: 'audio';
  mediaUrl: string;
  transcript: LocalizedText | null;
}
export interface VideoHotspot extends HotspotBase {
  kind: 'video';
  mediaUrl: string;
  captionsUrl: string | null;
}
/** A legal service or any page: opens in a new tab. */
export interface LinkHotspot extends HotspotBase {
  kind: 'link';
  url: string;
}
/** Another Sifa widget shown in a dialog, e.g. `sifa-legal-map` with attributes. */
export interface WidgetHotspot extends HotspotBase {
  kind: 'widget';
  element: string;
  attributes: Record<string, string>;
}

export type Hotspot = SceneHotspot | InfoHotspot | AudioHotspot | VideoHotspot | LinkHotspot | WidgetHotspot;

export type HotspotKind = Hotspot['kind'];

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
  kind: 'office' | 'education-site';
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
  kind: TourSummary['kind'];
  title: LocalizedText;
  /** A published version number, or null for the draft. */
  version: number | null;
  publishedAt: string | null;
  firstSceneId: string;
  scenes: Scene[];
  /** Every published version, newest first, for the version picker (档案). */
  versions: TourVersionInfo[];
}

/** The procedures widgets call (tours plugin under `tours.`). */
export interface ToursApi {
  'tours.list': { type: 'query'; input: { orgCode?: string | undefined }; output: TourSummary[] };
  /** The latest published version, or `version` from the archive. */
  'tours.get': { type: 'query'; input: { tourId: string; version?: number | undefined }; output: TourVersion };
}
