/**
 * The panorama renderer: one full-screen triangle whose fragment shader turns each pixel into a
 * ray (R · (x·tan(fov/2), y·tan(vfov/2), 1), see projection.ts) and samples the equirectangular
 * image at that ray's longitude and latitude. No meshes, no library: a few hundred bytes of GLSL.
 * Loaded lazily by <sifa-vr-viewer> as its own chunk (with image-loader.ts).
 *
 * - WebGL 2 when the browser has it: mipmapped textures (sharp when zoomed out) sampled with
 *   `textureLod` at one level per pixel computed from the derivatives of uv (in texels of the
 *   current image; a cross-fade's previous image uses the same level), the horizontal one taken from
 *   whichever of u and fract(u + 0.5) is continuous at the pixel, so the seam at ±180° shows no
 *   line of the smallest mip level; REPEAT horizontally, so filtering across the seam blends the
 *   last and the first column. (`textureGrad` does the same but is 4–6× slower in SwiftShader,
 *   measured; the explicit level is isotropic, like most GPUs' trilinear filtering.)
 * - WebGL 1 otherwise: the same shader in GLSL ES 1.00, no mipmaps (NPOT textures), CLAMP.
 * - Poles: latitude from atan(y, |xz|) is exact up to ±90°; v is clamped to the top/bottom row.
 * - Images larger than MAX_TEXTURE_SIZE are DOWNSCALED (never split) by image-loader.ts before
 *   upload; `maxTextureSize` tells it the limit.
 * - Cross-fade: the previous image stays bound to a second unit and is mixed out by `fade`.
 * - The canvas has devicePixelRatio × its CSS size (capped at 2×), see `resize`.
 * - A lost context is restored with the images kept here.
 */
import type { ViewAngles } from '@sifa/plugin-tours';

export { cachedPanorama, decodePanorama, fetchPanorama, ImageLoadError } from './image-loader.js';

const vertex100 = `attribute vec2 p;varying vec2 v;void main(){v=p;gl_Position=vec4(p,0.,1.);}`;
const vertex300 = `#version 300 es
in vec2 p;out vec2 v;void main(){v=p;gl_Position=vec4(p,0.,1.);}`;

/**
 * The body shared by both GLSL versions: `S(t)` samples texture t at uv (in WebGL 2 at a mip level
 * from seam-safe derivatives); the second texture is sampled only while a cross-fade runs.
 */
const fragmentBody = `
uniform sampler2D A,B;uniform float f;uniform vec2 k,z;uniform mat3 R;
void main(){
vec3 d=R*vec3(v*k,1.);
vec2 uv=vec2(.5+atan(d.x,d.z)*.1591549,.5-atan(d.y,length(d.xz))*.3183099);
G
if(f<1.)O=mix(S(B),S(A),f);else O=S(A);}`;

const fragment100 = `#ifdef GL_FRAGMENT_PRECISION_HIGH
precision highp float;
#else
precision mediump float;
#endif
varying vec2 v;
#define O gl_FragColor
#define G
#define S(t) texture2D(t,uv)
${fragmentBody}`;

const fragment300 = `#version 300 es
precision highp float;in vec2 v;out vec4 O;
#define G vec2 gx=dFdx(uv),gy=dFdy(uv);float w=fract(uv.x+.5);gx.x=min(abs(gx.x),abs(dFdx(w)));gy.x=min(abs(gy.x),abs(dFdy(w)));gx*=z;gy*=z;float l=.5*log2(max(1.,max(dot(gx,gx),dot(gy,gy))));
#define S(t) textureLod(t,uv,l)
${fragmentBody}`;

type GL = WebGLRenderingContext | WebGL2RenderingContext;
export type PanoramaSource = TexImageSource;

export interface RendererOptions {
  /** Keep the drawn frame for readPixels after the task (tests, screenshots). */
  preserveDrawingBuffer?: boolean;
  /** Use WebGL 1 even where WebGL 2 exists (tests of the fallback shader). */
  webgl1?: boolean;
}

interface Slot {
  source: PanoramaSource;
  texture: WebGLTexture | null;
  width: number;
  height: number;
}

/** Pixel size of an image source (an <img>'s natural size, not its layout size). */
function sizeOf(source: PanoramaSource): [number, number] {
  if ('naturalWidth' in source) return [source.naturalWidth, source.naturalHeight];
  if ('displayWidth' in source) return [source.displayWidth, source.displayHeight];
  if ('videoWidth' in source) return [source.videoWidth, source.videoHeight];
  return [source.width, source.height];
}

export class PanoramaRenderer {
  /** The largest texture edge this GPU takes: larger images are downscaled to it. */
  readonly maxTextureSize: number;
  readonly webgl2: boolean;
  private program: WebGLProgram | null = null;
  /** A, B: the images; f: fade; k: tan of the half fields of view; z: A's size in texels (mip level); R: the camera. */
  private uniforms: Record<'A' | 'B' | 'f' | 'k' | 'z' | 'R', WebGLUniformLocation | null> = { A: null, B: null, f: null, k: null, z: null, R: null };
  private current: Slot | null = null;
  private previous: Slot | null = null;
  private lost = false;

  /** A renderer on `canvas`, or null when the browser has no WebGL (the caller shows a flat image). */
  static create(canvas: HTMLCanvasElement, options: RendererOptions = {}): PanoramaRenderer | null {
    const attributes: WebGLContextAttributes = { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: false, preserveDrawingBuffer: Boolean(options.preserveDrawingBuffer) };
    let gl: GL | null = null;
    try {
      gl = (options.webgl1 ? null : canvas.getContext('webgl2', attributes)) ?? canvas.getContext('webgl', attributes);
    } catch {
      gl = null;
    }
    return gl ? new PanoramaRenderer(canvas, gl) : null;
  }

  private constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly gl: GL,
  ) {
    this.webgl2 = typeof WebGL2RenderingContext !== 'undefined' && gl instanceof WebGL2RenderingContext;
    this.maxTextureSize = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
    canvas.addEventListener('webglcontextlost', this.onLost);
    canvas.addEventListener('webglcontextrestored', this.onRestored);
    this.init();
  }

  private init(): void {
    const gl = this.gl;
    const shader = (type: number, source: string) => {
      const s = gl.createShader(type)!;
      gl.shaderSource(s, source);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`panorama shader: ${gl.getShaderInfoLog(s) ?? ''}`);
      return s;
    };
    const program = gl.createProgram()!;
    gl.attachShader(program, shader(gl.VERTEX_SHADER, this.webgl2 ? vertex300 : vertex100));
    gl.attachShader(program, shader(gl.FRAGMENT_SHADER, this.webgl2 ? fragment300 : fragment100));
    gl.bindAttribLocation(program, 0, 'p');
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) throw new Error(`panorama program: ${gl.getProgramInfoLog(program) ?? ''}`);
    gl.useProgram(program);
    this.program = program;
    for (const name of Object.keys(this.uniforms) as (keyof PanoramaRenderer['uniforms'])[]) this.uniforms[name] = gl.getUniformLocation(program, name);
    gl.uniform1i(this.uniforms.A, 0);
    gl.uniform1i(this.uniforms.B, 1);
    // One triangle covering the viewport: (−1,−1), (3,−1), (−1,3).
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
    for (const slot of [this.previous, this.current]) if (slot) slot.texture = this.upload(slot.source);
  }

  private upload(source: PanoramaSource): WebGLTexture | null {
    const gl = this.gl;
    const texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    if (this.webgl2) {
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.REPEAT);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
      gl.generateMipmap(gl.TEXTURE_2D);
    } else {
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    }
    return texture;
  }

  /**
   * Shows `source` (an equirectangular image no larger than `maxTextureSize`). With `keepPrevious`
   * the image shown so far stays for a cross-fade (`draw(view, fade)`); otherwise it is dropped.
   */
  setImage(source: PanoramaSource, keepPrevious = false): void {
    this.drop(this.previous);
    if (keepPrevious) this.previous = this.current;
    else {
      this.drop(this.current);
      this.previous = null;
    }
    this.current = this.slot(source);
  }

  private slot(source: PanoramaSource): Slot {
    const [width, height] = sizeOf(source);
    return { source, texture: this.lost ? null : this.upload(source), width, height };
  }

  /** Replaces the image shown (a preview by its full-size image) without touching a cross-fade. */
  replaceImage(source: PanoramaSource): void {
    if (!this.current) return this.setImage(source);
    this.drop(this.current);
    this.current = this.slot(source);
  }

  private drop(slot: Slot | null): void {
    if (!slot) return;
    this.gl.deleteTexture(slot.texture);
    if (typeof ImageBitmap !== 'undefined' && slot.source instanceof ImageBitmap) slot.source.close();
  }

  get hasImage(): boolean {
    return this.current !== null;
  }

  /** Sizes the drawing buffer to the canvas's CSS size × devicePixelRatio (capped at 2). */
  resize(cssWidth: number, cssHeight: number, devicePixelRatio = globalThis.devicePixelRatio || 1): void {
    const ratio = Math.min(2, Math.max(1, devicePixelRatio));
    const max = this.gl.getParameter(this.gl.MAX_VIEWPORT_DIMS) as Int32Array;
    const width = Math.max(1, Math.min(max[0] ?? 4096, Math.round(cssWidth * ratio)));
    const height = Math.max(1, Math.min(max[1] ?? 4096, Math.round(cssHeight * ratio)));
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
  }

  /** Draws `view`; `fade` < 1 mixes in the previous image (0: only the previous one). */
  draw(view: ViewAngles, fade = 1): void {
    const gl = this.gl;
    if (this.lost || !this.current || !this.program) return;
    const { width, height } = this.canvas;
    gl.viewport(0, 0, width, height);
    const rad = Math.PI / 180;
    const t = Math.tan((view.fov * rad) / 2);
    gl.uniform2f(this.uniforms.k, t, (t * height) / width);
    gl.uniform2f(this.uniforms.z, this.current.width, this.current.height);
    const cy = Math.cos(view.yaw * rad);
    const sy = Math.sin(view.yaw * rad);
    const cp = Math.cos(view.pitch * rad);
    const sp = Math.sin(view.pitch * rad);
    // R = Ry(yaw) · Rx(pitch), column-major.
    gl.uniformMatrix3fv(this.uniforms.R, false, [cy, 0, -sy, -sy * sp, cp, -cy * sp, sy * cp, sp, cy * cp]);
    const previous = this.previous && fade < 1 ? this.previous : this.current;
    gl.uniform1f(this.uniforms.f, previous === this.current ? 1 : Math.max(0, fade));
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, previous.texture);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.current.texture);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  /**
   * RGBA of the drawing buffer at device pixel (x, y) from the top left, read right after
   * drawing `view` (no preserveDrawingBuffer needed).
   */
  sample(view: ViewAngles, x: number, y: number): [number, number, number, number] {
    this.draw(view);
    const out = new Uint8Array(4);
    this.gl.readPixels(Math.round(x), this.canvas.height - 1 - Math.round(y), 1, 1, this.gl.RGBA, this.gl.UNSIGNED_BYTE, out);
    return [out[0]!, out[1]!, out[2]!, out[3]!];
  }

  /** Waits for the GPU (benchmarks: a frame's full cost). */
  finish(): void {
    const out = new Uint8Array(4);
    this.gl.readPixels(0, 0, 1, 1, this.gl.RGBA, this.gl.UNSIGNED_BYTE, out);
  }

  dispose(): void {
    this.canvas.removeEventListener('webglcontextlost', this.onLost);
    this.canvas.removeEventListener('webglcontextrestored', this.onRestored);
    this.drop(this.current);
    this.drop(this.previous);
    this.current = this.previous = null;
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  private readonly onLost = (event: Event) => {
    event.preventDefault();
    this.lost = true;
  };

  private readonly onRestored = () => {
    this.lost = false;
    this.init();
    this.canvas.dispatchEvent(new Event('sifa-renderer-restored'));
  };
}
