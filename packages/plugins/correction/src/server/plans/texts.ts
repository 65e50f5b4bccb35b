/** User-facing words of the plans part (zh / en / mn), and the typed errors it throws. */
import { SifaError, pluginError, pickText, type Locale, type LocalizedText } from '@sifa/core';
import { correctionManifest } from '../../index.js';
import type { Catalogue, Condition } from '../../plan/index.js';

type Text = Required<LocalizedText>;
const t = (zh: string, en: string, mn: string): Text => ({ zh, en, mn });

/** Why a condition's value is refused, naming the field to fix. */
export function conditionIssueText(c: Condition | undefined, key: string, problem: 'missing' | 'unknown' | 'invalid', catalogueRef: string): Text {
  if (!c || problem === 'unknown') return t(`“${key}”不是规则库 ${catalogueRef} 的条件，请删除。`, `"${key}" is not a condition of catalogue ${catalogueRef}: remove it.`, `"${key}" ᠨᠥᠬᠥᠴᠡᠯ ᠪᠢᠰᠢ (${catalogueRef})`);
  const l = c.label;
  if (problem === 'missing') return t(`请填写“${l.zh}”。`, `Fill in "${l.en}".`, `"${l.mn}" ᠢ ᠳᠡᠭᠦᠷᠭᠡ ᠃`);
  switch (c.kind) {
    case 'boolean':
      return t(`“${l.zh}”请选择是或否。`, `"${l.en}" takes yes or no.`, `"${l.mn}": ᠲᠡᠢᠮᠦ / ᠦᠭᠡᠢ`);
    case 'enum':
      return t(
        `“${l.zh}”请从以下选项中选择：${c.options.map((o) => o.label.zh).join('、')}。`,
        `"${l.en}" takes one of: ${c.options.map((o) => o.label.en).join(', ')}.`,
        `"${l.mn}": ${c.options.map((o) => o.label.mn).join(', ')}`,
      );
    case 'number': {
      const range = [c.min !== undefined ? String(c.min) : '', c.max !== undefined ? String(c.max) : ''];
      return t(
        `“${l.zh}”应为 ${range[0] || '-∞'}–${range[1] || '∞'} 之间的${c.integer ? '整数' : '数'}（${c.unit.zh}）。`,
        `"${l.en}" takes a ${c.integer ? 'whole number' : 'number'} from ${range[0] || '-∞'} to ${range[1] || '∞'} (${c.unit.en}).`,
        `"${l.mn}": ${range[0] || '-∞'}–${range[1] || '∞'} (${c.unit.mn})`,
      );
    }
  }
}

function validValue(c: Condition, v: unknown): boolean {
  switch (c.kind) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && c.options.some((o) => o.value === v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && (!c.integer || Number.isInteger(v)) && (c.min === undefined || v >= c.min) && (c.max === undefined || v <= c.max);
  }
}

/**
 * Checks conditions against the catalogue: VALIDATION_FAILED with one issue per bad field
 * (`conditions.<id>`), each in the caller's language. Nothing is checked by zod's English here,
 * so every message is the plugin's own translation.
 */
export function checkConditions(catalogue: Catalogue, input: Record<string, unknown>, locale: Locale): void {
  const ref = `${catalogue.id}@${catalogue.version}`;
  const issues: { path: string; text: Text }[] = [];
  for (const c of catalogue.conditions) {
    if (!(c.id in input) || input[c.id] === undefined || input[c.id] === null) issues.push({ path: `conditions.${c.id}`, text: conditionIssueText(c, c.id, 'missing', ref) });
    else if (!validValue(c, input[c.id])) issues.push({ path: `conditions.${c.id}`, text: conditionIssueText(c, c.id, 'invalid', ref) });
  }
  const known = new Set(catalogue.conditions.map((c) => c.id));
  for (const key of Object.keys(input)) if (!known.has(key)) issues.push({ path: `conditions.${key}`, text: conditionIssueText(undefined, key, 'unknown', ref) });
  if (issues.length === 0) return;
  const first = issues[0]!.text;
  throw new SifaError('VALIDATION_FAILED', {
    message: issues.length === 1 ? first : t(`${first.zh}（另有 ${issues.length - 1} 处需修改）`, `${first.en} (and ${issues.length - 1} more to fix)`, `${first.mn} (+${issues.length - 1})`),
    issues: issues.map((i) => ({ path: i.path, message: pickText(i.text, locale) })),
    details: { field: issues[0]!.path, count: issues.length },
  });
}

export const errors = {
  profileRevision: (caseId: string, revision: number, currentRevision: number) =>
    pluginError(correctionManifest, 'profileRevisionConflict', { caseId, revision, currentRevision }, {
      message: t(`档案条件已被他人修改（您编辑的是第 ${revision} 版，当前是第 ${currentRevision} 版），请刷新后再改。`, `The profile was changed meanwhile (you edited revision ${revision}; it is now at ${currentRevision}). Reload it and apply your changes again.`, `ᠳᠠᠩᠰᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ (${revision} → ${currentRevision})`),
    }),
  planRevision: (planId: string, revision: number, currentRevision: number) =>
    pluginError(correctionManifest, 'planRevisionConflict', { planId, revision, currentRevision }, {
      message: t(`矫正方案已被他人修改（您看到的是第 ${revision} 版，当前是第 ${currentRevision} 版），请刷新后再改。`, `The plan was changed meanwhile (you saw revision ${revision}; it is now at ${currentRevision}). Reload it and try again.`, `ᠲᠥᠯᠦᠪᠯᠡᠭᠡ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠭᠰᠡᠨ (${revision} → ${currentRevision})`),
    }),
  previewStale: (caseId: string, previewHash: string, currentHash: string) =>
    pluginError(correctionManifest, 'previewStale', { caseId, previewHash, currentHash }, {
      message: t('预览之后档案、方案或规则库已有变化，请重新预览后再应用。', 'The profile, the plan or the catalogue changed since the preview: preview again, then apply.', 'ᠳᠠᠬᠢᠨ ᠤᠷᠢᠳᠴᠢᠯᠠᠨ ᠦᠵᠡᠭᠡᠷᠡᠢ'),
    }),
  profileMissing: (caseId: string) =>
    pluginError(correctionManifest, 'profileMissing', { caseId }, { message: t('该矫正对象尚未填写档案条件，请先填写。', 'This person has no profile yet: fill in their conditions first.', 'ᠳᠠᠩᠰᠠ ᠦᠭᠡᠢ') }),
  planMissing: (caseId: string) =>
    pluginError(correctionManifest, 'planMissing', { caseId }, { message: t('该矫正对象尚无矫正方案，请先生成。', 'This person has no plan yet: generate one first.', 'ᠲᠥᠯᠦᠪᠯᠡᠭᠡ ᠦᠭᠡᠢ') }),
  notReproducible: (planId: string, catalogue: string, problem: string) =>
    pluginError(correctionManifest, 'planNotReproducible', { planId, catalogue, problem }, {
      message: t(`无法按原规则库 ${catalogue} 重现此方案（${problem}）。请联系管理员恢复该版本规则库。`, `This plan cannot be reproduced under its catalogue ${catalogue} (${problem}). Ask the administrator to list that catalogue version again.`, `${catalogue}: ${problem}`),
    }),
  unknownMeasure: (measureId: string, catalogue: string) =>
    pluginError(correctionManifest, 'unknownMeasure', { measureId, catalogue }, {
      message: t(`规则库 ${catalogue} 中没有措施“${measureId}”。`, `Catalogue ${catalogue} has no measure "${measureId}".`, `${catalogue}: "${measureId}" ᠦᠭᠡᠢ`),
      issues: [{ path: 'measureId', message: `unknown measure "${measureId}"` }],
    }),
  assigneeOutOfReach: (userId: string, locale: Locale) => {
    const text = t('只能指派给本司法所或其上级单位的工作人员。', 'Assign tasks to a user of the person’s office or of a level above it.', 'ᠲᠤᠰ ᠬᠣᠨᠤᠭ ᠤᠨ ᠠᠵᠢᠯᠲᠠᠨ');
    return new SifaError('VALIDATION_FAILED', { message: text, issues: [{ path: 'userId', message: pickText(text, locale) }], details: { userId } });
  },
  executorOutOfReach: (userId: string, orgCode: string, locale: Locale) => {
    const text = t('只能指定本单位或其上级单位的工作人员账号。', 'Choose an account of this unit or of a level above it.', 'ᠲᠤᠰ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠤᠶᠤ ᠳᠡᠭᠡᠳᠦ ᠰᠢᠲᠤᠭᠠᠨ ᠤ ᠠᠵᠢᠯᠲᠠᠨ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ');
    return pluginError(correctionManifest, 'executorOutOfReach', { userId, orgCode }, { message: text, issues: [{ path: 'userId', message: pickText(text, locale) }] });
  },
  executorWrongLevel: (role: string, orgCode: string, level: string, locale: Locale) => {
    const text =
      role === 'county-officer'
        ? t('县级社区矫正机构工作人员按县（区）指定。', 'The county officer is set for a county.', 'ᠰᠢᠶᠠᠨ ᠤ ᠠᠵᠢᠯᠲᠠᠨ ᠢ ᠰᠢᠶᠠᠨ ᠳᠤ ᠲᠣᠭᠲᠠᠭᠠᠨ᠎ᠠ')
        : t('该角色按司法所指定。', 'This role is set for a judicial office.', 'ᠡᠨᠡ ᠦᠦᠷᠭᠡ ᠶᠢ ᠰᠢᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠳᠤ ᠲᠣᠭᠲᠠᠭᠠᠨ᠎ᠠ');
    return pluginError(correctionManifest, 'executorWrongLevel', { role, orgCode, level }, { message: text, issues: [{ path: 'orgCode', message: pickText(text, locale) }] });
  },
  profileNotYours: () =>
    new SifaError('FORBIDDEN', { message: t('只有矫正对象所在的司法所可以填写其档案条件。', 'Only the person’s own office fills in their profile.', 'ᠥᠪᠡᠷ ᠤᠨ ᠬᠣᠨᠤᠭ') }),
  taskClosed: (taskId: string, status: string) =>
    pluginError(correctionManifest, 'taskClosed', { taskId, status }, {
      message: t(`该任务已${status === 'done' ? '完成' : status === 'missed' ? '逾期未完成' : '取消'}，不能再办理。`, `This task is already ${status}.`, `ᠠᠵᠢᠯ ${status}`),
    }),
  evaluationClosed: (evaluationId: string, status: string) =>
    pluginError(correctionManifest, 'evaluationClosed', { evaluationId, status }, {
      message: t(status === 'none' ? '该评估没有类别调整建议。' : '该评估已处理。', status === 'none' ? 'This evaluation suggests no change of class.' : `This evaluation was already ${status}.`, `ᠦᠨᠡᠯᠡᠯᠲᠡ ${status}`),
    }),
};

/** The catalogue's roles (`responsible` of a measure) in words. */
export const roleText: Record<string, Text> = {
  'office-staff': t('司法所工作人员', 'office staff', 'ᠰᠢᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ'),
  'team-member': t('矫正小组成员', 'correction team member', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠦᠯᠦᠭ ᠦᠨ ᠭᠡᠰᠢᠭᠦᠨ'),
  'county-officer': t('县级社区矫正机构工作人员', 'county correction officer', 'ᠰᠢᠶᠠᠨ ᠤ ᠵᠠᠰᠠᠯ ᠤᠨ ᠠᠵᠢᠯᠲᠠᠨ'),
  volunteer: t('志愿者', 'volunteer', 'ᠰᠠᠶᠢᠨ ᠳᠤᠷ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ'),
  'social-worker': t('社会工作者', 'social worker', 'ᠨᠡᠶᠢᠭᠡᠮ ᠦᠨ ᠠᠵᠢᠯᠲᠠᠨ'),
  'family-member': t('家庭成员', 'family member', 'ᠭᠡᠷ ᠪᠦᠯᠡ ᠶᠢᠨ ᠭᠡᠰᠢᠭᠦᠨ'),
  psychologist: t('心理咨询师', 'psychologist', 'ᠰᠡᠳᠬᠢᠯ ᠵᠦᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠭᠴᠢ'),
};

export const classText: Record<'strict' | 'normal' | 'lenient', Text> = {
  strict: t('严管', 'strict', 'ᠴᠢᠩ'),
  normal: t('普管', 'normal', 'ᠡᠩ ᠦᠨ'),
  lenient: t('宽管', 'lenient', 'ᠠᠭᠤᠤ'),
};

/** An evaluation reason in words (`EvaluationReason.code` + params). */
export function evaluationReasonText(code: string, p: Record<string, string | number>): Text {
  const cls = (k: string | number | undefined) => classText[String(k) as 'strict'] ?? t(String(k), String(k), String(k));
  switch (code) {
    case 'onTime':
      return t(`到期任务 ${p.due} 项，按期完成 ${p.done} 项`, `${p.done} of ${p.due} tasks due done on time`, `${p.done}/${p.due}`);
    case 'reportIns':
      return t(`报到 ${p.done}/${p.due} 次`, `Report-ins ${p.done} of ${p.due}`, `ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ${p.done}/${p.due}`);
    case 'visits':
      return t(`走访 ${p.done}/${p.due} 次`, `Visits ${p.done} of ${p.due}`, `ᠡᠷᠢᠬᠦ ${p.done}/${p.due}`);
    case 'sanctions':
      return t(`受到训诫、警告等处罚 ${p.count} 次（每次扣 ${p.penalty} 分）`, `${p.count} sanction(s) (−${p.penalty} points each)`, `${p.count} × −${p.penalty}`);
    case 'score':
      return t(`考核得分 ${p.score} 分`, `Score ${p.score}`, `ᠤᠨᠤᠭ᠎ᠠ ${p.score}`);
    case 'stricter':
      return t(`得分低于 ${p.threshold} 分：建议由${cls(p.from).zh}调整为${cls(p.to).zh}`, `Score below ${p.threshold}: suggest ${cls(p.from).en} → ${cls(p.to).en}`, `< ${p.threshold}: ${cls(p.from).mn} → ${cls(p.to).mn}`);
    case 'lenient':
      return t(
        `连续 ${p.months} 个月得分不低于 ${p.threshold} 分且无处罚：建议由${cls(p.from).zh}调整为${cls(p.to).zh}`,
        `${p.months} month(s) at ${p.threshold} or more without sanctions: suggest ${cls(p.from).en} → ${cls(p.to).en}`,
        `≥ ${p.threshold} × ${p.months}: ${cls(p.from).mn} → ${cls(p.to).mn}`,
      );
    case 'keep':
      return t(`维持${cls(p.class).zh}`, `Keep ${cls(p.class).en}`, `${cls(p.class).mn}`);
    default:
      return t(code, code, code);
  }
}

/** A task notification: the case number and the measure, nothing about the person. */
export function taskNotificationText(caseNumber: string, measure: Text, due: string): { title: Text; body: Text } {
  return {
    title: t(`矫正任务：${measure.zh}`, `Correction task: ${measure.en}`, `ᠠᠵᠢᠯ: ${measure.mn}`),
    body: t(`案件 ${caseNumber}：${measure.zh}，请于 ${due} 前完成。`, `Case ${caseNumber}: ${measure.en}, due ${due}.`, `${caseNumber}: ${measure.mn} — ${due}`),
  };
}

/** A task of a sealed (juvenile) file, for its responsible staff: no case number, nothing personal (the task's id opens it). */
export function sealedTaskNotificationText(measure: Text, due: string): { title: Text; body: Text } {
  return {
    title: t(`矫正任务：${measure.zh}`, `Correction task: ${measure.en}`, `ᠠᠵᠢᠯ: ${measure.mn}`),
    body: t(`您负责的一份封存档案：${measure.zh}，请于 ${due} 前完成。`, `A sealed file in your charge: ${measure.en}, due ${due}.`, `ᠲᠠᠨ ᠤ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠰᠠᠨ ᠨᠢᠭᠤᠴᠠ ᠬᠡᠷᠡᠭ: ${measure.mn} — ${due}`),
  };
}
