/**
 * What the correction case types add to the plugin's manifest (src/index.ts spreads it in): the
 * permissions (department roles do not exist yet: the county admin holds `correction.decide`;
 * a department role can take any of them over later), the three case types, the document
 * templates, the declared errors of `correction.lostContact` / `correction.found`, and the inputs
 * of those procedures.
 */
import { z } from 'zod';
import { isoDaySchema, text, type LocalizedText, type Role } from '@sifa/core';
import { correctionCaseType, investigationCaseType, searchCaseType } from './case-types.js';

/** Every text in the three UI languages: `mn` (traditional Mongolian script) is required here. */
const t = (zh: string, en: string, mn: string): LocalizedText => ({ zh, en, mn });

export const correctionCaseworkPermissions: { name: string; title: LocalizedText; roles: Role[] }[] = [
  { name: 'correction.read', title: t('查看社区矫正案卷', 'Read community correction files', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠠᠩᠰᠠ ᠶᠢ ᠦᠵᠡᠬᠦ'), roles: ['city_admin', 'county_admin', 'office_staff'] },
  { name: 'correction.investigate', title: t('办理调查评估', 'Carry out pre-decision investigations', 'ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢ ᠰᠢᠳᠭᠡᠬᠦ'), roles: ['county_admin', 'office_staff'] },
  { name: 'correction.supervise', title: t('办理社区矫正日常监管', 'Do the daily correction work', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠡᠳᠦᠷ ᠲᠤᠲᠤᠮ ᠤᠨ ᠬᠢᠨᠠᠨ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ ᠶᠢ ᠰᠢᠳᠭᠡᠬᠦ'), roles: ['county_admin', 'office_staff'] },
  { name: 'correction.decide', title: t('社区矫正机构决定事项（奖惩、提请、县级审批、解除）', 'Decisions of the correction institution (rewards, sanctions, proposals, county approvals, release)', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ ᠵᠦᠢᠯ (ᠱᠠᠩᠨᠠᠯ ᠰᠢᠭᠲᠭᠡᠭᠡᠯ᠂ ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠬᠤ᠂ ᠰᠢᠶᠠᠨ ᠦ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ᠂ ᠴᠢᠯᠦᠭᠡᠯᠡᠬᠦ)'), roles: ['county_admin'] },
];

export const correctionCaseworkErrors = {
  /** lostContact / found by a reader who sees the file masked (not the office that owns it): the person's data stays with its office. */
  notOwnCase: { code: 'FORBIDDEN', details: z.object({ id: z.string(), orgCode: z.string() }) },
  /** found for a search case that names no correction file (opened outside lostContact). */
  searchWithoutCase: { code: 'BAD_REQUEST', details: z.object({ id: z.string() }) },
} as const;

export const correctionCaseworkContributions = {
  caseTypes: [investigationCaseType, correctionCaseType, searchCaseType],
  documentTemplates: [
    { code: 'correction.investigation-opinion', title: t('调查评估意见书', 'Investigation opinion', 'ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ') },
    { code: 'correction.commendation', title: t('表扬决定书', 'Commendation', 'ᠰᠠᠶᠢᠰᠢᠶᠠᠯ ᠤᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ') },
    { code: 'correction.reprimand', title: t('训诫决定书', 'Reprimand', 'ᠵᠡᠮᠯᠡᠯ ᠦᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ') },
    { code: 'correction.warning', title: t('警告决定书', 'Warning', 'ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ') },
    { code: 'correction.penalty-proposal', title: t('提请治安管理处罚建议书', 'Proposal of a public-security penalty', 'ᠣᠯᠠᠨ ᠠᠮᠤᠭᠤᠯᠠᠩ ᠤᠨ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠰᠢᠭᠲᠭᠡᠭᠡᠯ ᠥᠭᠬᠦ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ') },
    { code: 'correction.revocation-proposal', title: t('提请撤销缓刑、撤销假释或收监执行建议书', 'Proposal of revocation or committal', 'ᠲᠦᠳᠬᠡᠯᠵᠡ ᠪᠤᠶᠤ ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ ᠶᠢ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ᠂ ᠡᠰᠡᠬᠦᠯᠡ ᠬᠣᠷᠢᠬᠠᠨ ᠳᠤ ᠬᠦᠷᠭᠡᠬᠦ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ') },
    { code: 'correction.release-certificate', title: t('解除社区矫正证明书', 'Certificate of release from community correction', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠠᠴᠠ ᠴᠢᠯᠦᠭᠡᠯᠡᠭᠰᠡᠨ ᠭᠡᠷᠡᠴᠢᠯᠭᠡ') },
  ],
};

export const correctionCaseworkSchemas = {
  /** Takes the step `lost-contact` of a correction file and opens its search case, in one transaction (art. 30: search at once). */
  lostContact: z.object({
    id: z.uuid(),
    revision: z.number().int().min(0),
    on: isoDaySchema.optional(),
    circumstances: text().trim().min(1).max(4000),
  }),
  /** Closes a search case as found and resumes supervision on its correction file, in one transaction. */
  found: z.object({
    id: z.uuid(),
    on: isoDaySchema.optional(),
    whereabouts: text().trim().min(1).max(4000),
    outcome: text().trim().min(1).max(4000),
  }),
  /** The management class the configured rules suggest for a file on a day (default today). */
  classSuggestion: z.object({ id: z.uuid(), on: isoDaySchema.optional() }),
};
