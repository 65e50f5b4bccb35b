/** @sifa/plugin-tours/server: the tours' server half (Node: tables, migrations, router, image routes, demo seed). */
export { createToursPlugin, toursPluginOptionsSchema, type ToursPluginOptions, type ToursRouter } from './plugin.js';
export { tours, tourVersions, tourImages, type TourRow, type TourVersionRow, type TourImageRow, type TourSnapshot, type ImageRef } from './schema.js';
export { processPanorama, sniffImageType, defaultImageLimits, type ImageLimits, type ProcessedImage } from './images.js';
export { renderRoomPanorama, cubeToEquirect, type RoomSpec, type WallSpec, type WallItem } from './demo-panoramas.js';
export { demoTours } from './demo-seed.js';
export type { EditorTourSummary, TourDraftView } from '../types.js';
export { toursManifest } from '../index.js';
