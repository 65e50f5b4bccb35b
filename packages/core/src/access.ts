/**
 * Who is calling: roles, actors and the subtree they may see. The three built-in roles are fixed
 * by level of the org tree; what each may do is the set of permissions the plugins grant it.
 * A deployment may define department roles (股室) as data: a key, a name, a built-in `base` role
 * (its level, and what casework steps and masking go by) and its own set of permissions.
 */
import { z } from 'zod';
import { msg } from './messages.js';
import type { LocalizedText } from './locale.js';

export const roles = ['city_admin', 'county_admin', 'office_staff'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** The org level each built-in role works at (a department role works at its base's level). */
export const roleLevels = { city_admin: 'city', county_admin: 'county', office_staff: 'office' } as const satisfies Record<Role, string>;
export type RoleLevel = (typeof roleLevels)[Role];

/** A department role's key: lower-case letters, digits, `_` and `-`, e.g. `county_correction`. */
export const roleKeySchema = z.string().regex(/^[a-z][a-z0-9_-]{1,47}$/, 'a-z first, then a-z, 0-9, _ or -, 2–48 characters');

/** The department role a user holds (absent: the built-in role's default permissions). */
export interface DepartmentRole {
  key: string;
  /** The org that defined it (its subtree may hold it). */
  orgCode: string;
  name: LocalizedText;
}

export interface Scope {
  /** Root of the subtree the caller may see and change. */
  orgCode: string;
  orgPath: string;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** The built-in role (a department role's `base`): what level-bound rules go by. */
  role: Role;
  /** The department role whose permissions the caller holds instead of `role`'s defaults. */
  department?: DepartmentRole;
  scope: Scope;
  permissions: ReadonlySet<string>;
  /** How the caller proved who it is (`public-form`: a citizen applying through a publishable key, no account). */
  via: 'session' | 'embed-token' | 'public-form';
  /**
   * Work nobody signed in for (the demo seed, scheduled jobs): the platform's system actor, with
   * every permission. A casework step limited to some `roles` (the office's own) is open to it.
   */
  system?: boolean;
}

/** Permission names are `<plugin id>.<action>`, e.g. `platform.facts.read`, `diary.write`. */
export const permissionNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, msg('permissionName'));
