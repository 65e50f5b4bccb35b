/**
 * The organisation tree: region → city → county → judicial office (→ village), keyed by
 * official division codes. Each node stores a materialised path such as `/15/1504/150402/`
 * so "this unit and everything under it" is a single prefix predicate.
 */
import { z } from 'zod';
import type { OrgKind } from './org-admin.js';
import { msg } from './messages.js';

export const orgLevels = ['region', 'city', 'county', 'office', 'village'] as const;
export type OrgLevel = (typeof orgLevels)[number];

/** Official division codes: 2 (region), 4 (city), 6 (county), 9 (township / office), 12 (village). */
export const orgCodeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, msg('orgCode'));
export type OrgCode = z.infer<typeof orgCodeSchema>;

export interface OrgNode {
  code: OrgCode;
  parentCode: OrgCode | null;
  level: OrgLevel;
  path: string;
  name: { zh: string; en?: string | undefined; mn?: string | undefined };
  /** A justice bureau, a judicial office or a station (absent: as its level suggests). */
  kind?: OrgKind | undefined;
  /** Set when the unit was closed (no new records; its history stays): the day, and the unit it was merged into. */
  closed?: { on: string; mergedInto: OrgCode | null } | undefined;
}

/** Path of a node from its ancestors' codes and its own, root first. */
export function orgPathOf(codes: readonly string[]): string {
  return `/${codes.join('/')}/`;
}

/** True when `path` is `scopePath` itself or lies below it. */
export function isWithinScope(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** Codes along a path, root first: `/15/1504/` → ['15', '1504']. */
export function codesOfPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Code of the direct child of `rootPath` that `path` lies under, or null when `path` is the root itself. */
export function childCodeUnder(path: string, rootPath: string): string | null {
  if (!path.startsWith(rootPath) || path.length === rootPath.length) return null;
  return path.slice(rootPath.length).split('/', 1)[0] ?? null;
}
