/**
 * `platform.roles.*`: department roles (股室) for city and county administrators signed in with a
 * session (auth/roles.ts holds the rules). Like key management, it goes through the owner
 * connection (the scoped role has no grants on users or roles) and filters by the caller's subtree.
 */
import { z } from 'zod';
import { createRouter, orgCodeSchema, permissionNameSchema, permittedProcedure, roleKeySchema, roleSchema, SifaError } from '@sifa/core';
import type { RolesService } from './roles.js';

export const rolesManagePermission = 'platform.roles.manage';

const nameText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]+$/u);

/** Signed in with a session and holding platform.roles.manage (checked by the platform). */
const managerProcedure = permittedProcedure(rolesManagePermission).use(({ ctx, next }) => {
  if (ctx.actor.via !== 'session') {
    throw new SifaError('FORBIDDEN', {
      message: { zh: '角色只能由登录的管理员管理，嵌入页面中不能管理。', en: 'Roles are managed by administrators signed in to Sifa Kit, not from an embedded widget.' },
      details: { permission: rolesManagePermission },
    });
  }
  const { actor } = ctx;
  return next({
    ctx: { manager: { actorId: actor.userId, actorRole: actor.role, orgCode: actor.scope.orgCode, withinPath: actor.scope.orgPath, permissions: actor.permissions, locale: ctx.locale } },
  });
});

export function createRolesRouter(roles: RolesService) {
  return createRouter({
    /** Every permission the installed plugins declare: plugin, title and the built-in roles granted it by default. */
    permissions: managerProcedure.query(() => roles.permissions()),
    /** Department roles of the caller's subtree (editable) and those defined above it (assignable). */
    list: managerProcedure.query(({ ctx }) => roles.list(ctx.manager)),
    /** Creates or replaces the role `key` of `orgCode` (the caller's org by default). */
    define: managerProcedure
      .input(
        z.object({
          key: roleKeySchema,
          orgCode: orgCodeSchema.optional(),
          name: z.object({ zh: nameText(60), en: nameText(120), mn: nameText(120).optional() }),
          base: roleSchema.describe('The built-in role it stands on: its level, and what casework steps limited to roles and masking go by.'),
          permissions: z.array(permissionNameSchema).max(500),
        }),
      )
      .mutation(({ ctx, input }) => roles.define(ctx.manager, input)),
    /** Gives a user of the caller's subtree a department role (`key` of `orgCode`, the caller's org by default), or `key: null` for the built-in role's defaults. */
    assign: managerProcedure
      .input(z.object({ username: z.string().trim().min(1).max(64), key: roleKeySchema.nullable(), orgCode: orgCodeSchema.optional() }))
      .mutation(({ ctx, input }) => roles.assign(ctx.manager, input)),
    /** Removes a role nobody holds (CONFLICT while users do). */
    remove: managerProcedure
      .input(z.object({ key: roleKeySchema, orgCode: orgCodeSchema.optional() }))
      .mutation(({ ctx, input }) => roles.remove(ctx.manager, input)),
  });
}
