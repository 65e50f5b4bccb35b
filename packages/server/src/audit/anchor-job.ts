/**
 * The platform's hourly root anchor over the audit chains: every chain's head and length and a
 * hash over them, written to audit_anchors (sifa_audit_root_anchor). Each append anchors its own
 * chain already; the root anchor is the one value to copy out of the database (and lets verify
 * catch a chain removed together with its own anchors).
 */
import type { PluginJob } from '@sifa/core';
import { anchorAuditRoot } from './log.js';

export const auditRootAnchorJob: PluginJob = {
  name: 'audit-root-anchor',
  title: { zh: '审计日志根锚点', en: 'Audit log root anchor' },
  schedule: '17 * * * *',
  async run(ctx) {
    const root = await ctx.runScoped(ctx.rootOrgCode, (scoped) => anchorAuditRoot(scoped.db));
    ctx.log(`audit root anchor ${root}`);
    return { summary: `Root anchor ${root}` };
  },
};
