/**
 * <sifa-vr-viewer>: VR panorama tours (VR 全景) of judicial offices and legal-education sites.
 * The element shell (this file: data, controls, hotspots, dialogs, fallback, i18n) is the
 * element's chunk; the WebGL renderer and the image loader (renderer.ts, image-loader.ts) are a
 * chunk of their own, imported when a canvas is there to draw on. Without WebGL the shell shows
 * the flat preview image and the hotspot list.
 *
 * Data: `tours.get` through the shared client, typed with `ToursApi` from @sifa/plugin-tours (public
 * reads carry the page's publishable key). Images: the preview first (≤ 2048 px, quick), then the
 * full-size image with a byte progress bar; the images of scenes the current one links to are
 * fetched in the background afterwards (image-loader.ts keeps them).
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Locale, LocalizedText } from '@sifa/core';
import type { Hotspot, Scene, ToursApi, TourVersion, ViewAngles } from '@sifa/plugin-tours';
import { SifaElement } from '../base/sifa-element.js';
import { linkHref, safeWidgetAttributes } from '../base/safe-href.js';
import { getSifaConfig } from '../config/config.js';
import { SifaClientError } from '../client/client.js';
import { formatDate } from '../i18n/i18n.js';
import { normalizeView, project, verticalFov } from './projection.js';
import { vrMessages, type VrMessageKey } from './messages.js';
import { vrViewerStyles } from './sifa-vr-viewer.styles.js';
import type { PanoramaRenderer } from './renderer.js';

type RendererModule = typeof import('./renderer.js');
/** The tours procedures as the client's map type (an interface has no index signature; a mapped copy does). */
type ToursCalls = Pick<ToursApi, keyof ToursApi>;

/** `sifa-vr-scene`: the user went to another scene (a scene hotspot, the version picker). */
export interface VrSceneDetail {
  tourId: string | null;
  version: number | null;
  sceneId: string;
  previousSceneId: string | null;
  cause: 'hotspot' | 'version';
}
/** `sifa-vr-hotspot`: a hotspot was activated (cancel the event to handle it yourself). */
export interface VrHotspotDetail {
  tourId: string | null;
  sceneId: string;
  hotspotId: string;
  kind: Hotspot['kind'];
}
/** `sifa-vr-ready`: the first image of the first scene is shown (`webgl` false: the flat preview). */
export interface VrReadyDetail {
  tourId: string | null;
  version: number | null;
  sceneId: string;
  webgl: boolean;
}

type ErrorKind = 'tourNotFound' | 'imageFailed' | 'noKey' | 'noSource' | 'loadFailed';

/** The renderer chunk, loaded once per page. */
let rendererModule: Promise<RendererModule> | null = null;
function loadRenderer(): Promise<RendererModule> {
  rendererModule ??= import('./renderer.js').catch((error: unknown) => {
    rendererModule = null;
    throw error;
  });
  return rendererModule;
}

const glyphs: Record<Hotspot['kind'], string> = { scene: '➜', info: 'i', audio: '♪', video: '▶', link: '↗', widget: '▦' };
const kindKeys: Record<Hotspot['kind'], VrMessageKey> = { scene: 'kindScene', info: 'kindInfo', audio: 'kindAudio', video: 'kindVideo', link: 'kindLink', widget: 'kindWidget' };
const widgetName = /^sifa-[a-z0-9]+(?:-[a-z0-9]+)*$/;
const fadeMs = 450;
/** Autorotation speed, degrees per millisecond (6°/s). */
const rotateSpeed = 0.006;
const keyStep = 5;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * @summary A VR panorama tour: equirectangular scenes drawn with a small WebGL renderer, hotspots
 * in place and as a list, scene changes with a cross-fade, a version archive, a flat fallback.
 *
 * @fires sifa-vr-scene - The user went to another scene. Detail: `VrSceneDetail`.
 * @fires sifa-vr-hotspot - A hotspot was activated; cancel it to handle the hotspot yourself. Detail: `VrHotspotDetail`.
 * @fires sifa-vr-ready - The first scene is shown (`webgl: false` when the flat fallback is). Detail: `VrReadyDetail`.
 *
 * @csspart base - The widget's frame.
 * @csspart toolbar - Title, version picker and buttons.
 * @csspart stage - The panorama area (canvas, hotspots, progress).
 * @csspart view - The focusable panorama region (keyboard: arrows, +/-, Home).
 * @csspart hotspot - Each hotspot marker in the panorama.
 * @csspart list - The hotspot list.
 * @csspart preview - The flat preview image shown without WebGL.
 * @csspart dialog - The hotspot dialog (info, audio, video, widget).
 *
 * @cssprop --sifa-vr-viewer-height - Height of the panorama area; default 420px.
 * @cssprop --sifa-vr-viewer-vertical-size - Line length of the vertical (Mongolian) text around the panorama; default 12em.
 * @cssprop --sifa-color-primary - Hotspot markers and buttons (see the theme tokens for the rest).
 */
export class SifaVrViewer extends SifaElement {
  static override styles = [...SifaElement.styles, vrViewerStyles];

  /** The tour to show (its id); the latest published version unless `version` is set. */
  @property({ reflect: true }) tour: string | undefined;

  /** A published version of the tour from its archive (default: the latest). */
  @property({ type: Number, reflect: true }) version: number | undefined;

  /** The scene to start in (default: the tour's first scene). */
  @property({ reflect: true }) scene: string | undefined;

  /** Turns slowly until the user interacts (never when the user prefers reduced motion). */
  @property({ type: Boolean, reflect: true }) autorotate = false;

  /** One equirectangular image URL to show without a tour (no hotspots). */
  @property() src: string | undefined;

  /** The name of the `src` panorama (its accessible label and title). */
  @property() label: string | undefined;

  @state() private data: TourVersion | null = null;
  @state() private sceneId: string | null = null;
  @state() private error: { kind: ErrorKind; reason?: string } | null = null;
  @state() private loadingTour = false;
  /** 'pending' until the renderer chunk answers; 'flat' without WebGL. */
  @state() private mode: 'pending' | 'webgl' | 'flat' = 'pending';
  /** No image shown yet for the current scene. */
  @state() private waitingForImage = true;
  /** Bytes of the current scene's full-size image received, 0…1, or null when not loading. */
  @state() private progress: number | null = null;
  @state() private listOpen = false;
  @state() private dialogHotspot: Hotspot | null = null;
  @state() private rotating = false;
  @state() private gyroOn = false;
  @state() private gyroMessage = '';
  @state() private fullscreen = false;
  @state() private announcement = '';

  /** The direction looked at now. */
  private viewAngles: ViewAngles = { yaw: 0, pitch: 0, fov: 90 };
  private renderer: PanoramaRenderer | null = null;
  private module: RendererModule | null = null;
  private rendererStarted = false;
  private frame = 0;
  private lastFrame = 0;
  private fadeStart: number | null = null;
  private stageSize = { width: 0, height: 0 };
  private resizeObserver: ResizeObserver | null = null;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private pinch: { distance: number; fov: number } | null = null;
  private loadSeq = 0;
  private sceneSeq = 0;
  private readyFired = false;
  private opener: HTMLElement | null = null;
  private gyroBase: { heading: number; yaw: number } | null = null;

  /** The direction looked at (degrees); setting it turns the view. */
  get view(): ViewAngles {
    return { ...this.viewAngles };
  }
  set view(view: ViewAngles) {
    this.viewAngles = normalizeView(view);
    this.requestFrame();
  }

  /** Goes to a scene of the tour by id (no event: the page asked for it). */
  showScene(sceneId: string): void {
    const scene = this.data?.scenes.find((s) => s.id === sceneId);
    if (scene && scene.id !== this.sceneId) this.enterScene(scene, true);
  }


  private t(key: VrMessageKey, params?: Record<string, string | number>): string {
    return vrMessages.t(this.ui, key, params);
  }


  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    if (this.hasUpdated) this.requestFrame();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.lastFrame = 0;
    this.stopGyro();
  }

  protected override configChanged(): void {
    if (this.error?.kind === 'noKey' || this.error?.kind === 'loadFailed') void this.loadTour();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.locale !== this.speaking && this.locale !== this.shown) this.speak(vrMessages, this.locale);
    // Another tour (or panorama) is a new start: `sifa-vr-ready` fires again when it shows.
    if (changed.has('tour') || changed.has('src')) this.readyFired = false;
    if (!this.hasUpdated || changed.has('tour') || changed.has('version') || (changed.has('src') && !this.tour)) void this.loadTour();
    else if (changed.has('scene') && this.scene && this.scene !== this.sceneId) this.showScene(this.scene);
    if (changed.has('autorotate')) {
      this.rotating = this.autorotate && !reducedMotion();
      this.requestFrame();
    }
  }

  protected override updated(changed: PropertyValues): void {
    const canvas = this.renderRoot.querySelector('canvas');
    if (canvas && !this.rendererStarted) void this.startRenderer(canvas);
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (stage && !this.resizeObserver) {
      this.resizeObserver = new ResizeObserver(() => this.onResize(stage));
      this.resizeObserver.observe(stage);
      this.onResize(stage);
    }
    if (changed.has('dialogHotspot')) this.syncDialog();
    this.placeHotspots();
  }

  // ---- data -------------------------------------------------------------------------------------

  /** A scene made of the `src` attribute (no tour). */
  private srcScene(src: string): Scene {
    const url = new URL(src, document.baseURI).href;
    const name = this.label ?? '';
    return {
      id: 'src',
      title: { zh: name, en: name },
      image: { url, width: 0, height: 0, previewUrl: url, previewWidth: 0, previewHeight: 0, bytes: 0 },
      initialView: { yaw: 0, pitch: 0, fov: 90 },
      northOffset: 0,
      hotspots: [],
    };
  }

  private srcSceneCache: { src: string; label: string | undefined; scene: Scene } | null = null;

  private get currentScene(): Scene | null {
    if (this.data) return this.data.scenes.find((s) => s.id === this.sceneId) ?? null;
    if (!this.tour && this.src) {
      if (this.srcSceneCache?.src !== this.src || this.srcSceneCache.label !== this.label) this.srcSceneCache = { src: this.src, label: this.label, scene: this.srcScene(this.src) };
      return this.srcSceneCache.scene;
    }
    return null;
  }

  /** Image and media URLs from the server may be relative: they are on the Sifa origin. */
  private resolve(url: string): string {
    if (!this.data) return url;
    const base = getSifaConfig()?.endpoint || location.origin;
    return new URL(url, `${base}/`).href;
  }

  private async loadTour(): Promise<void> {
    const seq = ++this.loadSeq;
    this.error = null;
    if (!this.tour) {
      this.data = null;
      const scene = this.currentScene;
      if (!scene) {
        this.error = { kind: 'noSource' };
        return;
      }
      this.enterScene(scene, false);
      return;
    }
    const config = getSifaConfig();
    if (!config?.publishableKey && !this.client.canAuthenticate) {
      this.error = { kind: 'noKey' };
      return;
    }
    this.loadingTour = true;
    const previousScene = this.sceneId;
    const byPicker = this.pickedVersion;
    this.pickedVersion = false;
    try {
      const data = await this.client.query<ToursCalls, 'tours.get'>('tours.get', { tourId: this.tour, ...(this.version === undefined ? {} : { version: this.version }) }, this.locale);
      if (seq !== this.loadSeq) return;
      this.data = data;
      const wanted = byPicker ? data.firstSceneId : (this.scene ?? data.firstSceneId);
      const scene = data.scenes.find((s) => s.id === wanted) ?? data.scenes.find((s) => s.id === data.firstSceneId) ?? data.scenes[0];
      if (!scene) {
        this.error = { kind: 'tourNotFound' };
        return;
      }
      this.sceneId = null;
      this.enterScene(scene, byPicker);
      if (byPicker) {
        this.announce(this.t('sceneEntered', { scene: this.text(scene.title).text }));
        this.emit<VrSceneDetail>('sifa-vr-scene', { tourId: data.tourId, version: data.version, sceneId: scene.id, previousSceneId: previousScene, cause: 'version' });
      }
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.error = this.errorOf(error);
    } finally {
      if (seq === this.loadSeq) this.loadingTour = false;
    }
  }

  private errorOf(error: unknown): { kind: ErrorKind; reason?: string } {
    if (error instanceof SifaClientError) {
      if (error.sifaCode === 'NOT_FOUND') return { kind: 'tourNotFound' };
      if (error.sifaCode === 'UNAUTHENTICATED' || error.sifaCode === 'NOT_CONFIGURED') return { kind: 'noKey' };
      return { kind: 'loadFailed', reason: error.message };
    }
    return { kind: 'loadFailed', reason: error instanceof Error ? error.message : String(error) };
  }

  /** Set by the version picker: the reload that follows starts at the version's first scene. */
  private pickedVersion = false;

  private onVersion(event: Event): void {
    const value = Number((event.target as HTMLSelectElement).value);
    const latest = this.data?.versions[0]?.version;
    this.pickedVersion = true;
    this.version = value === latest ? undefined : value;
  }

  // ---- scenes and images ----------------------------------------------------------------------

  private enterScene(scene: Scene, fade: boolean): void {
    this.sceneId = scene.id;
    this.viewAngles = normalizeView(scene.initialView);
    this.waitingForImage = true;
    this.closeDialog();
    if (this.mode === 'webgl') void this.showImages(scene, fade);
    this.requestFrame();
  }

  /** Goes to `target` because the user asked (a hotspot): fires `sifa-vr-scene`, moves focus to the view. */
  private goTo(target: Scene): void {
    const previous = this.sceneId;
    this.enterScene(target, true);
    this.announce(this.t('sceneEntered', { scene: this.text(target.title).text }));
    this.emit<VrSceneDetail>('sifa-vr-scene', { tourId: this.data?.tourId ?? null, version: this.data?.version ?? null, sceneId: target.id, previousSceneId: previous, cause: 'hotspot' });
    // The hotspot that was focused belongs to the old scene: the panorama region takes the focus.
    void this.updateComplete.then(() => (this.renderRoot.querySelector<HTMLElement>('.view') ?? this.renderRoot.querySelector<HTMLElement>('.list button'))?.focus());
  }

  private async startRenderer(canvas: HTMLCanvasElement): Promise<void> {
    this.rendererStarted = true;
    let renderer: PanoramaRenderer | null = null;
    let module: RendererModule | null = null;
    try {
      module = await loadRenderer();
      renderer = module.PanoramaRenderer.create(canvas);
    } catch {
      renderer = null;
    }
    if (!renderer || !module) {
      this.mode = 'flat';
      this.listOpen = true;
      return;
    }
    this.module = module;
    this.renderer = renderer;
    this.mode = 'webgl';
    renderer.resize(this.stageSize.width, this.stageSize.height);
    canvas.addEventListener('sifa-renderer-restored', () => this.requestFrame());
    const scene = this.currentScene;
    if (scene) void this.showImages(scene, false);
  }

  /** The preview, then the full-size image (with progress), then the linked scenes' images in the background. */
  private async showImages(scene: Scene, fade: boolean): Promise<void> {
    const module = this.module;
    const renderer = this.renderer;
    if (!module || !renderer) return;
    const seq = ++this.sceneSeq;
    const previewUrl = this.resolve(scene.image.previewUrl);
    const fullUrl = this.resolve(scene.image.url);
    this.progress = fullUrl === previewUrl ? 0 : null;
    try {
      const first = await module.decodePanorama(
        await module.cachedPanorama(previewUrl, fullUrl === previewUrl ? { onProgress: (loaded, total) => this.onProgress(seq, loaded, total) } : {}),
        renderer.maxTextureSize,
        previewUrl,
      );
      if (seq !== this.sceneSeq) return first.close();
      renderer.setImage(first, fade && renderer.hasImage);
      this.fadeStart = fade && !reducedMotion() ? performance.now() : null;
      this.waitingForImage = false;
      this.requestFrame();
      this.fireReady();
      if (fullUrl !== previewUrl) {
        this.progress = 0;
        const blob = await module.cachedPanorama(fullUrl, { expectedBytes: scene.image.bytes, onProgress: (loaded, total) => this.onProgress(seq, loaded, total) });
        const full = await module.decodePanorama(blob, renderer.maxTextureSize, fullUrl);
        if (seq !== this.sceneSeq) return full.close();
        renderer.replaceImage(full);
        this.requestFrame();
      }
      this.progress = null;
      this.preloadLinked(scene, module);
    } catch {
      if (seq !== this.sceneSeq) return;
      this.progress = null;
      this.error = { kind: 'imageFailed' };
    }
  }

  private onProgress(seq: number, loaded: number, total: number): void {
    if (seq === this.sceneSeq) this.progress = total > 0 ? Math.min(1, loaded / total) : 0;
  }

  /**
   * Fetches (not decodes) the images of the scenes this one links to, previews first; only the
   * previews when the user asked to save data.
   */
  private preloadLinked(scene: Scene, module: RendererModule): void {
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
    const targets = scene.hotspots.flatMap((h) => (h.kind === 'scene' ? (this.data?.scenes.filter((s) => s.id === h.targetSceneId) ?? []) : [])).slice(0, 3);
    void (async () => {
      for (const target of targets) await module.cachedPanorama(this.resolve(target.image.previewUrl)).catch(() => undefined);
      if (saveData) return;
      for (const target of targets) await module.cachedPanorama(this.resolve(target.image.url), { expectedBytes: target.image.bytes }).catch(() => undefined);
    })();
  }

  private fireReady(): void {
    if (this.readyFired || !this.sceneId) return;
    this.readyFired = true;
    this.emit<VrReadyDetail>('sifa-vr-ready', { tourId: this.data?.tourId ?? null, version: this.data?.version ?? null, sceneId: this.sceneId, webgl: this.mode === 'webgl' });
  }

  private retry(): void {
    const scene = this.currentScene;
    if (this.error?.kind === 'imageFailed' && scene) {
      this.error = null;
      if (this.mode === 'webgl') void this.showImages(scene, false);
      else this.requestUpdate();
      return;
    }
    void this.loadTour();
  }

  // ---- drawing ----------------------------------------------------------------------------------

  private requestFrame(): void {
    if (this.frame === 0 && this.isConnected) this.frame = requestAnimationFrame(this.onFrame);
  }

  private readonly onFrame = (now: number) => {
    this.frame = 0;
    const dt = this.lastFrame ? Math.min(100, now - this.lastFrame) : 0;
    this.lastFrame = now;
    let again = false;
    if (this.rotating && this.pointers.size === 0) {
      this.viewAngles.yaw += dt * rotateSpeed;
      again = true;
    }
    let fade = 1;
    if (this.fadeStart !== null) {
      fade = Math.max(0, (now - this.fadeStart) / fadeMs);
      if (fade >= 1) this.fadeStart = null;
      else again = true;
    }
    this.viewAngles = normalizeView(this.viewAngles);
    this.renderer?.draw(this.viewAngles, fade);
    this.placeHotspots();
    if (again) this.requestFrame();
    else this.lastFrame = 0;
  };

  private onResize(stage: HTMLElement): void {
    this.stageSize = { width: stage.clientWidth, height: stage.clientHeight };
    this.renderer?.resize(this.stageSize.width, this.stageSize.height);
    this.requestFrame();
  }

  /** Moves each hotspot button to where its direction is on screen; hides those behind or off screen. */
  private placeHotspots(): void {
    const scene = this.currentScene;
    if (!scene || this.mode !== 'webgl') return;
    const { width, height } = this.stageSize;
    for (const button of this.renderRoot.querySelectorAll<HTMLButtonElement>('.spot')) {
      const hotspot = scene.hotspots.find((h) => h.id === button.dataset['id']);
      const at = hotspot && !this.waitingForImage && width > 0 ? project(this.viewAngles, hotspot.yaw, hotspot.pitch, width, height) : null;
      button.hidden = !at;
      // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
      if (at) button.style.transform = `translate(${at.x.toFixed(1)}px, ${at.y.toFixed(1)}px) translate(-50%, -50%)`;
    }
  }

  // ---- input ------------------------------------------------------------------------------------

  private interacted(): void {
    if (this.rotating) this.rotating = false;
  }

  private turn(dYaw: number, dPitch: number, dFov = 0): void {
    this.viewAngles = normalizeView({ yaw: this.viewAngles.yaw + dYaw, pitch: this.viewAngles.pitch + dPitch, fov: this.viewAngles.fov + dFov });
    this.requestFrame();
  }

  private onKey(event: KeyboardEvent): void {
    const step = event.shiftKey ? keyStep * 4 : keyStep;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => this.turn(-step, 0),
      ArrowRight: () => this.turn(step, 0),
      ArrowUp: () => this.turn(0, step),
      ArrowDown: () => this.turn(0, -step),
      '+': () => this.turn(0, 0, -10),
      '=': () => this.turn(0, 0, -10),
      '-': () => this.turn(0, 0, 10),
      _: () => this.turn(0, 0, 10),
      Home: () => {
        const scene = this.currentScene;
        if (scene) this.view = scene.initialView;
      },
    };
    const move = moves[event.key];
    if (!move || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    this.interacted();
    move();
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    this.interacted();
    try {
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks: the drag works without capture.
    }
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.pinch = this.pointers.size === 2 ? { distance: this.pointerDistance(), fov: this.viewAngles.fov } : null;
  }

  private pointerDistance(): number {
    const [a, b] = [...this.pointers.values()];
    return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
  }

  private onPointerMove(event: PointerEvent): void {
    const last = this.pointers.get(event.pointerId);
    if (!last) return;
    const dx = event.clientX - last.x;
    const dy = event.clientY - last.y;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.pinch && this.pointers.size === 2) {
      const distance = this.pointerDistance();
      if (distance > 0) this.view = { ...this.viewAngles, fov: (this.pinch.fov * this.pinch.distance) / distance };
      return;
    }
    const { width, height } = this.stageSize;
    if (width === 0 || height === 0) return;
    // The panorama follows the pointer: dragging right looks left, dragging down looks up.
    this.turn((-dx * this.viewAngles.fov) / width, (dy * verticalFov(this.viewAngles.fov, width, height)) / height);
  }

  private onPointerUp(event: PointerEvent): void {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size < 2) this.pinch = null;
  }

  private onWheel(event: WheelEvent): void {
    event.preventDefault();
    this.interacted();
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    this.view = { ...this.viewAngles, fov: this.viewAngles.fov * Math.exp(delta * 0.0015) };
  }

  // ---- buttons ----------------------------------------------------------------------------------

  private readonly onFullscreenChange = () => {
    this.fullscreen = document.fullscreenElement === this;
  };

  private toggleFullscreen(): void {
    if (document.fullscreenElement === this) void document.exitFullscreen();
    else void this.requestFullscreen().catch(() => undefined);
  }

  private toggleRotation(): void {
    this.rotating = !this.rotating && !reducedMotion();
    this.requestFrame();
  }

  private get gyroAvailable(): boolean {
    return typeof DeviceOrientationEvent !== 'undefined' && typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  }

  /** iOS asks the user first (`requestPermission`, only from a click); others just start sending. */
  private async toggleGyro(): Promise<void> {
    if (this.gyroOn) return this.stopGyro();
    const request = (DeviceOrientationEvent as unknown as { requestPermission?: () => Promise<'granted' | 'denied'> }).requestPermission;
    if (typeof request === 'function') {
      const answer = await request.call(DeviceOrientationEvent).catch(() => 'denied' as const);
      if (answer !== 'granted') {
        this.gyroMessage = this.t('gyroDenied');
        return;
      }
    }
    this.gyroMessage = '';
    this.gyroBase = null;
    this.gyroOn = true;
    this.interacted();
    addEventListener('deviceorientation', this.onOrientation);
  }

  private stopGyro(): void {
    removeEventListener('deviceorientation', this.onOrientation);
    this.gyroOn = false;
  }

  /**
   * The direction the back of the device points to (W3C device orientation: Z-X'-Y'' angles,
   * earth frame x east, y north, z up), as heading and pitch; the first reading is aligned with
   * the view shown, so turning on the sensor does not jump.
   */
  private readonly onOrientation = (event: DeviceOrientationEvent) => {
    if (event.alpha === null || event.beta === null || event.gamma === null) return;
    const r = Math.PI / 180;
    const [a, b, g] = [event.alpha * r, event.beta * r, event.gamma * r];
    const east = -(Math.sin(g) * Math.cos(a) + Math.cos(g) * Math.sin(b) * Math.sin(a));
    const north = -(Math.sin(g) * Math.sin(a) - Math.cos(g) * Math.sin(b) * Math.cos(a));
    const up = -(Math.cos(g) * Math.cos(b));
    const heading = Math.atan2(east, north) / r;
    const pitch = Math.asin(Math.max(-1, Math.min(1, up))) / r;
    this.gyroBase ??= { heading, yaw: this.viewAngles.yaw };
    this.view = { yaw: this.gyroBase.yaw + heading - this.gyroBase.heading, pitch, fov: this.viewAngles.fov };
  };

  // ---- hotspots ---------------------------------------------------------------------------------

  private activate(hotspot: Hotspot, opener: HTMLElement): void {
    this.interacted();
    const scene = this.currentScene;
    if (!scene) return;
    const proceed = this.emit<VrHotspotDetail>('sifa-vr-hotspot', { tourId: this.data?.tourId ?? null, sceneId: scene.id, hotspotId: hotspot.id, kind: hotspot.kind });
    if (!proceed) return;
    if (hotspot.kind === 'scene') {
      const target = this.data?.scenes.find((s) => s.id === hotspot.targetSceneId);
      if (target) this.goTo(target);
      return;
    }
    if (hotspot.kind === 'link') {
      const url = this.safeUrl(hotspot.url);
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
      return;
    }
    this.opener = opener;
    this.dialogHotspot = hotspot;
  }

  /** http(s) URLs only (never javascript: or data:, judged as the browser parses them), resolved against the Sifa origin. */
  private safeUrl(url: string): string | null {
    const checked = linkHref(url);
    if (checked === null) return null;
    try {
      return this.resolve(checked);
    } catch {
      return null;
    }
  }

  private closeDialog(): void {
    this.dialogHotspot = null;
  }

  private syncDialog(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    const hotspot = this.dialogHotspot;
    if (hotspot && !dialog.open) {
      dialog.showModal();
      if (hotspot.kind === 'widget') this.mountWidget(hotspot, dialog.querySelector<HTMLElement>('.widget-slot'));
      dialog.querySelector<HTMLElement>('.close')?.focus();
    } else if (!hotspot && dialog.open) {
      dialog.close();
    }
  }

  /**
   * Only `sifa-*` elements, attributes set one by one with setAttribute (never markup), and only
   * those `safeWidgetAttributes` keeps: no `on…` handler, no address-valued attribute (`tour-href`,
   * `detail-href` …) whose value the browser would parse as anything but http(s) or relative. A
   * published version is served exactly as frozen, so what older rules let through is dropped here.
   */
  private mountWidget(hotspot: Extract<Hotspot, { kind: 'widget' }>, slot: HTMLElement | null): void {
    if (!slot) return;
    slot.replaceChildren();
    if (!widgetName.test(hotspot.element)) {
      slot.textContent = this.t('widgetRefused');
      return;
    }
    const element = document.createElement(hotspot.element);
    for (const [name, value] of safeWidgetAttributes(hotspot.attributes)) element.setAttribute(name, value);
    slot.append(element);
    // Inside a shadow root the script-tag loader's observer does not see the new tag: ask it.
    // (Typed here: the loader's global declaration is not part of the element's build.)
    const kit = (window as Window & { SifaKit?: { load(tag: string): Promise<unknown> } }).SifaKit;
    if (!customElements.get(hotspot.element)) void kit?.load(hotspot.element).catch(() => undefined);
  }

  private readonly onDialogClose = () => {
    this.dialogHotspot = null;
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected && !opener.hidden) opener.focus();
    else this.renderRoot.querySelector<HTMLElement>('.view')?.focus();
  };

  private announce(text: string): void {
    this.announcement = text;
  }

  // ---- text -------------------------------------------------------------------------------------

  /** Text in the user's language; Mongolian falls back to Chinese, marked as such. */
  private text(value: LocalizedText | null | undefined): { text: string; lang: string | undefined } {
    if (!value) return { text: '', lang: undefined };
    if (this.ui === 'en') return { text: value.en, lang: undefined };
    if (this.ui === 'mn-Mong' && !value.mn) return { text: value.zh, lang: 'zh-CN' };
    return { text: this.ui === 'mn-Mong' ? value.mn! : value.zh, lang: undefined };
  }

  private renderText(value: LocalizedText | null | undefined): TemplateResult {
    const { text, lang } = this.text(value);
    return lang ? html`<span lang=${lang}>${text}</span>` : html`${text}`;
  }

  private date(iso: string | null): string {
    if (!iso) return '';
    return this.ui === 'mn-Mong' ? iso.slice(0, 10) : formatDate(this.ui, iso, { dateStyle: 'medium' });
  }

  private whatItDoes(hotspot: Hotspot): string {
    if (hotspot.kind === 'scene') {
      const target = this.data?.scenes.find((s) => s.id === hotspot.targetSceneId);
      return this.t('kindScene', { scene: target ? this.text(target.title).text : hotspot.targetSceneId });
    }
    return this.t(kindKeys[hotspot.kind]);
  }

  private errorText(error: { kind: ErrorKind; reason?: string }): string {
    return error.kind === 'loadFailed' ? this.t('loadFailed', { reason: error.reason ?? '' }) : this.t(error.kind);
  }

  // ---- rendering --------------------------------------------------------------------------------

  override render() {
    if (!this.shown) return html`<section part="base" class="viewer" aria-busy="true"></section>`;
    const scene = this.currentScene;
    const sceneTitle = scene ? this.text(scene.title).text : '';
    const title = this.data ? this.renderText(this.data.title) : this.label || this.t('title');
    const drafts = this.ui === 'mn-Mong' && vrMessages.mnDrafts.size > 0;
    const flat = this.mode === 'flat';
    return html`
      <section part="base" class="viewer ${this.ui === 'mn-Mong' ? 'vertical' : ''}" lang=${this.ui} aria-labelledby="title" aria-busy=${this.loadingTour || this.waitingForImage ? 'true' : 'false'} data-draft=${ifDefined(drafts ? 'mn' : undefined)}>
        <div class="bar" part="toolbar">
          <h2 id="title">${title}${this.data && sceneTitle ? html`<span class="scene-title"> · ${this.renderText(scene!.title)}</span>` : nothing}</h2>
          <div class="tools">${this.renderTools(scene)}</div>
        </div>
        ${this.renderArchived()}
        ${this.error
          ? html`<p class="error" role="alert" data-error=${this.error.kind}>
              ${this.errorText(this.error)}
              ${this.error.kind === 'imageFailed' || this.error.kind === 'loadFailed' ? html`<button type="button" class="retry" @click=${this.retry}>${this.t('retry')}</button>` : nothing}
            </p>`
          : nothing}
        ${flat ? html`<p class="notice" role="note">${this.t('noWebgl')}</p>` : nothing}
        <div part="stage" class="stage ${scene ? '' : 'empty'}">
          ${flat ? this.renderFlat(scene, sceneTitle) : this.renderView(scene, sceneTitle)}
          ${this.waitingForImage && scene && !this.error && !flat ? html`<p class="loading">${this.t('loading')}</p>` : nothing}
          ${this.progress !== null && !flat
            ? html`<progress class="progress" max="100" value=${Math.round(this.progress * 100)} aria-label=${this.t('progress')}></progress>`
            : nothing}
        </div>
        ${this.gyroMessage ? html`<p class="notice" role="status">${this.gyroMessage}</p>` : nothing}
        ${(this.listOpen || flat) && scene ? this.renderList(scene, sceneTitle) : nothing}
        <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>${this.dialogHotspot ? this.renderDialog(this.dialogHotspot) : nothing}</dialog>
        <p class="sr-only" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderTools(scene: Scene | null): TemplateResult {
    const versions = this.data?.versions ?? [];
    const shownVersion = this.data?.version;
    return html`
      ${versions.length > 1
        ? html`<label class="version"
            >${this.t('version')}
            <select @change=${this.onVersion}>
              ${versions.map(
                (v, i) => html`<option value=${v.version} ?selected=${v.version === shownVersion}>${this.t('versionOption', { version: v.version, date: this.date(v.publishedAt) })}${i === 0 ? this.t('latest') : ''}</option>`,
              )}
            </select></label
          >`
        : nothing}
      ${scene && this.mode !== 'flat' && scene.hotspots.length > 0
        ? html`<button type="button" class="list-toggle" aria-expanded=${this.listOpen ? 'true' : 'false'} aria-controls="hotspot-list" @click=${() => (this.listOpen = !this.listOpen)}>${this.t('showList')}</button>`
        : nothing}
      ${this.autorotate && !reducedMotion() && this.mode === 'webgl'
        ? html`<button type="button" class="rotate" aria-pressed=${this.rotating ? 'true' : 'false'} @click=${this.toggleRotation}>${this.t('autorotate')}</button>`
        : nothing}
      ${this.gyroAvailable && this.mode === 'webgl' ? html`<button type="button" class="gyro" aria-pressed=${this.gyroOn ? 'true' : 'false'} @click=${() => void this.toggleGyro()}>${this.t('gyro')}</button>` : nothing}
      ${document.fullscreenEnabled ? html`<button type="button" class="fullscreen" aria-pressed=${this.fullscreen ? 'true' : 'false'} @click=${this.toggleFullscreen}>${this.t('fullscreen')}</button>` : nothing}
    `;
  }

  private renderArchived(): TemplateResult | typeof nothing {
    const data = this.data;
    const latest = data?.versions[0]?.version;
    if (!data || data.version === null || latest === undefined || data.version === latest) return nothing;
    return html`<p class="archived" role="note">${this.t('archived', { version: data.version, date: this.date(data.publishedAt) })}</p>`;
  }

  private renderView(scene: Scene | null, sceneTitle: string): TemplateResult {
    return html`
      <div
        part="view"
        class="view"
        tabindex="0"
        role="application"
        aria-roledescription=${this.t('roleDescription')}
        aria-label=${this.t('viewLabel', { scene: sceneTitle || this.label || this.t('title') })}
        @keydown=${this.onKey}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @wheel=${this.onWheel}
      >
        <canvas aria-hidden="true"></canvas>
      </div>
      <div class="spots">
        ${scene?.hotspots.map((h) => {
          const title = this.text(h.title);
          return html`<button type="button" part="hotspot" class="spot kind-${h.kind}" data-id=${h.id} hidden @click=${(e: Event) => this.activate(h, e.currentTarget as HTMLElement)}>
            <span class="glyph" aria-hidden="true">${glyphs[h.kind]}</span><span class="tip" lang=${ifDefined(title.lang)}>${title.text}</span><span class="sr-only">, ${this.whatItDoes(h)}</span>
          </button>`;
        }) ?? nothing}
      </div>
    `;
  }

  private renderFlat(scene: Scene | null, sceneTitle: string): TemplateResult | typeof nothing {
    if (!scene) return nothing;
    return html`<img
      part="preview"
      class="flat"
      src=${this.resolve(scene.image.previewUrl)}
      alt=${this.t('previewAlt', { scene: sceneTitle || this.label || this.t('title') })}
      @load=${() => ((this.waitingForImage = false), this.fireReady())}
      @error=${() => (this.error = { kind: 'imageFailed' })}
    />`;
  }

  private renderList(scene: Scene, sceneTitle: string): TemplateResult {
    return html`<section part="list" class="list" id="hotspot-list" aria-labelledby="list-title">
      <h3 id="list-title">${this.t('listTitle', { scene: sceneTitle || this.label || this.t('title') })}</h3>
      ${scene.hotspots.length === 0
        ? html`<p>${this.t('noHotspots')}</p>`
        : html`<ul>
            ${scene.hotspots.map((h) => {
              const title = this.text(h.title);
              return html`<li>
                <button type="button" class="list-item kind-${h.kind}" data-id=${h.id} aria-describedby="does-${h.id}" @click=${(e: Event) => this.activate(h, e.currentTarget as HTMLElement)}>
                  <span aria-hidden="true">${glyphs[h.kind]}</span> <span lang=${ifDefined(title.lang)}>${title.text}</span>
                </button>
                <span class="does" id="does-${h.id}">${this.whatItDoes(h)}</span>
                ${h.description ? html`<p class="description">${this.renderText(h.description)}</p>` : nothing}
              </li>`;
            })}
          </ul>`}
    </section>`;
  }

  private renderDialog(hotspot: Hotspot): TemplateResult {
    const lang = this.ui === 'mn-Mong' ? 'mn' : this.ui === 'en' ? 'en' : 'zh';
    let body: TemplateResult | typeof nothing = nothing;
    if (hotspot.kind === 'audio') {
      body = html`<audio controls preload="metadata" src=${ifDefined(this.safeUrl(hotspot.mediaUrl) ?? undefined)}></audio>
        ${hotspot.transcript ? html`<h4>${this.t('transcript')}</h4><p class="transcript">${this.renderText(hotspot.transcript)}</p>` : nothing}`;
    } else if (hotspot.kind === 'video') {
      const captions = hotspot.captionsUrl ? this.safeUrl(hotspot.captionsUrl) : null;
      body = html`<video controls preload="metadata" crossorigin=${ifDefined(captions ? 'anonymous' : undefined)} src=${ifDefined(this.safeUrl(hotspot.mediaUrl) ?? undefined)}>
        ${captions ? html`<track kind="captions" default src=${captions} srclang=${lang} label=${this.t('transcript')} />` : nothing}
      </video>`;
    } else if (hotspot.kind === 'widget') {
      body = html`<div class="widget-slot"></div>`;
    }
    return html`<div class="dialog-head">
        <h3 id="dialog-title">${this.renderText(hotspot.title)}</h3>
        <button type="button" class="close" @click=${this.closeDialog}>${this.t('close')}</button>
      </div>
      ${hotspot.description ? html`<p class="description">${this.renderText(hotspot.description)}</p>` : nothing} ${body}`;
  }
}
