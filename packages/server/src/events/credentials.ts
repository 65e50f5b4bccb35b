/**
 * Credential changes on the change feed: after a sign-out (the session row deleted) or a key
 * revocation (the key row marked revoked), `credentialsTopic` is announced at the org path of the
 * user or the key, so open event streams in or around that org re-check their credential at once
 * instead of at their next periodic check (http/streams.ts). With PostgreSQL the announcement
 * reaches every instance (NOTIFY), and so does a revocation made by the CLI.
 *
 * The services are wrapped where the server builds them, so every caller (the procedures, the
 * CLI) announces; nothing is announced when the change fails.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { ChangeFeed, SifaDb } from '@sifa/core';
import type { AuthService } from '../auth/sessions.js';
import type { ApiKeyService } from '../embed/keys.js';
import { orgs, sessions, users } from '../db/schema.js';
import { findOrg } from '../orgs/directory.js';
import { credentialsTopic } from '../http/streams.js';

export function announceCredentialChanges(deps: { db: SifaDb; auth: AuthService; keys: ApiKeyService; changes: ChangeFeed }): void {
  const { db, auth, keys, changes } = deps;
  const logout = auth.logout.bind(auth);
  auth.logout = async (token: string) => {
    // The session's org, read before the row goes (sessions store the token's SHA-256 only).
    const [row] = await db
      .select({ path: orgs.path })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(orgs, eq(orgs.code, users.orgCode))
      .where(eq(sessions.tokenHash, createHash('sha256').update(token).digest('hex')));
    await logout(token);
    if (row) changes.publish(credentialsTopic, row.path);
  };
  const revoke = keys.revoke.bind(keys);
  keys.revoke = async (...args: Parameters<ApiKeyService['revoke']>) => {
    const summary = await revoke(...args);
    const org = await findOrg(db, summary.orgCode);
    changes.publish(credentialsTopic, org?.path ?? '/');
    return summary;
  };
}
