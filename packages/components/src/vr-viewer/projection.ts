/**
 * The viewer's geometry, shared by the element shell (hotspot positions, input) and the WebGL
 * renderer (the fragment shader does the same rotation per pixel, see renderer.ts).
 *
 * Conventions (packages/plugins/tours/src/types.ts): degrees; yaw 0 = the panorama's centre column,
 * growing to the right; pitch 0 = horizon, +90 = straight up; fov = horizontal field of view.
 * World axes: +z forward at yaw 0, +x to the right (yaw 90), +y up. The camera is
 * R = Ry(yaw) · Rx(pitch): a camera-space ray (x right, y up, z forward) rotated by R is a
 * world direction, whose longitude and latitude address the equirectangular image
 * (u = 0.5 + lon / 2π, v = 0.5 − lat / π, v = 0 at the top row).
 */
import type { ViewAngles } from '@sifa/plugin-tours';

export const minFov = 30;
export const maxFov = 110;
const rad = Math.PI / 180;

/** Yaw in (−180, 180], pitch clamped to ±90, fov clamped to [minFov, maxFov]. */
export function normalizeView(view: ViewAngles): ViewAngles {
  let yaw = ((view.yaw % 360) + 360) % 360;
  if (yaw > 180) yaw -= 360;
  return { yaw, pitch: Math.max(-90, Math.min(90, view.pitch)), fov: Math.max(minFov, Math.min(maxFov, view.fov)) };
}

/** World direction (unit vector) of yaw/pitch. */
export function direction(yaw: number, pitch: number): [number, number, number] {
  const y = yaw * rad;
  const p = pitch * rad;
  return [Math.cos(p) * Math.sin(y), Math.sin(p), Math.cos(p) * Math.cos(y)];
}

/**
 * Where yaw/pitch shows on a `width` × `height` viewport looking along `view`: CSS pixels from
 * the top left, or null when the point is behind the viewer or off screen (by `margin` px).
 */
export function project(view: ViewAngles, yaw: number, pitch: number, width: number, height: number, margin = 0): { x: number; y: number } | null {
  const [dx, dy, dz] = direction(yaw, pitch);
  // Camera space: R⁻¹ = Rx(−pitch) · Ry(−yaw).
  const cy = Math.cos(view.yaw * rad);
  const sy = Math.sin(view.yaw * rad);
  const x1 = dx * cy - dz * sy;
  const z1 = dx * sy + dz * cy;
  const cp = Math.cos(view.pitch * rad);
  const sp = Math.sin(view.pitch * rad);
  const y2 = dy * cp - z1 * sp;
  const z2 = dy * sp + z1 * cp;
  if (z2 <= 1e-3) return null;
  const t = Math.tan((view.fov * rad) / 2);
  const x = (x1 / z2 / t + 1) * (width / 2);
  const y = (1 - (y2 / z2 / t) * (width / height)) * (height / 2);
  if (x < -margin || y < -margin || x > width + margin || y > height + margin) return null;
  return { x, y };
}

/** The yaw/pitch seen at CSS pixel (x, y) of the viewport (the inverse of `project`). */
export function unproject(view: ViewAngles, x: number, y: number, width: number, height: number): { yaw: number; pitch: number } {
  const t = Math.tan((view.fov * rad) / 2);
  const cx = ((2 * x) / width - 1) * t;
  const cyCam = (1 - (2 * y) / height) * t * (height / width);
  const cp = Math.cos(view.pitch * rad);
  const sp = Math.sin(view.pitch * rad);
  const y1 = cyCam * cp + sp;
  const z1 = -cyCam * sp + cp;
  const cy = Math.cos(view.yaw * rad);
  const sy = Math.sin(view.yaw * rad);
  const wx = cx * cy + z1 * sy;
  const wz = -cx * sy + z1 * cy;
  return { yaw: Math.atan2(wx, wz) / rad, pitch: Math.atan2(y1, Math.hypot(wx, wz)) / rad };
}

/** Vertical field of view (degrees) of a viewport with horizontal `fov` and this aspect ratio. */
export function verticalFov(fov: number, width: number, height: number): number {
  return (2 * Math.atan(Math.tan((fov * rad) / 2) * (height / width))) / rad;
}
