/**
 * Who is calling: roles, actors and the subtree they may see. Roles are fixed by level of the
 * org tree; what each role may do is the set of permissions the plugins grant it.
 */
import { z } from 'zod';
import { msg } from './messages.js';

export const roles = ['city_admin', 'county_admin', 'office_staff'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export interface Scope {
  /** Root of the subtree the caller may see and change. */
  orgCode: string;
  orgPath: string;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
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
