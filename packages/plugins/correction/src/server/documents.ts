/**
 * The documents community-correction steps issue (Word, GB/T 9704 through the platform's
 * layouts), their data the case file as the engine hands it to the step (`CaseDocumentData`):
 * - 调查评估意见书 (`issue-opinion` of `correction.investigation`, art. 18), to the commissioning body,
 *   copied to the procuratorate;
 * - 表扬决定书, 训诫决定书, 警告决定书 (art. 28), 提请治安管理处罚建议书, and 撤销缓刑建议书 /
 *   撤销假释建议书 / 收监执行建议书 (by the person's kind: arts. 46, 49);
 * - 解除社区矫正证明书 (`release`, art. 44), a form with the person's particulars.
 * The wording is a plausible model of such documents, not a prescribed national form.
 */
import { caseDocumentDataSchema, caseDocumentText, defineDocumentTemplate, type CaseDocumentData, type CaseParty, type DocumentBlock, type DocumentTemplate } from '@sifa/core';
import { commissionerKinds, correctionKinds, investigationOpinions, sexes } from '../case-types.js';

const { optionTitle: titleOf, day: dayLabel, text } = caseDocumentText;

const personOf = (data: CaseDocumentData): string => ((Array.isArray(data.fields.person) ? (data.fields.person as CaseParty[]) : [])[0]?.name ?? '') || '';
const paragraphs = (value: unknown): DocumentBlock[] =>
  text(value)
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): DocumentBlock => ({ kind: 'paragraph', text: line }));
const dayOr = (value: unknown, en: boolean) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayLabel(value, en) : '');

export const investigationOpinionTemplate = defineDocumentTemplate<CaseDocumentData>({
  code: 'correction.investigation-opinion',
  title: { zh: '调查评估意见书', en: 'Investigation opinion', mn: 'ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ' },
  dataSchema: caseDocumentDataSchema,
  render(data, ctx) {
    const en = ctx.locale === 'en';
    const L = (zh: string, english: string) => (en ? english : zh);
    const f = data.fields;
    const name = personOf(data);
    const commissioner = text(f.commissioner);
    const kind = titleOf(correctionKinds, f.proposedKind, en);
    const section = (n: string, zh: string, english: string, value: unknown): DocumentBlock[] => [{ kind: 'heading', level: 2, text: en ? english : `（${n}）${zh}` }, ...(paragraphs(value).length ? paragraphs(value) : [{ kind: 'paragraph' as const, text: L('无。', 'None.') }])];
    return {
      title: en ? `Investigation opinion on ${name}` : `关于${name}的调查评估意见书`,
      recipients: commissioner ? [commissioner] : [],
      blocks: [
        {
          kind: 'paragraph',
          text: en
            ? `Commissioned by you (${titleOf(commissionerKinds, f.commissionerKind, true)}) on ${dayOr(f.commissionedOn, true)}${f.fastTrack === true ? ', a fast-track case,' : ''} we investigated ${name} (${text(f.offence)}; proposed: ${kind}) under art. 18 of the Community Correction Law (case ${data.number}). Our findings and opinion follow.`
            : `${dayOr(f.commissionedOn, false)}，你单位委托我单位对${name}（${text(f.offence)}，拟适用${kind}${f.fastTrack === true ? '，速裁案件' : ''}）进行调查评估（案号：${data.number}）。根据《中华人民共和国社区矫正法》第十八条，现将调查评估情况和意见函告如下：`,
        },
        { kind: 'heading', level: 1, text: L('一、调查情况', '1. Findings') },
        ...section('一', '居所情况', 'Residence', f.residence),
        ...section('二', '家庭和社会关系', 'Family and social relations', f.family),
        ...section('三', '一贯表现', 'Past conduct', f.pastConduct),
        ...section('四', '犯罪行为的后果和影响', 'Consequences and impact of the offence', f.consequences),
        ...section('五', '村（居）民委员会意见', 'Opinion of the village committee', f.communityOpinion),
        ...section('六', '被害人意见', 'Opinion of the victim', f.victimOpinion),
        { kind: 'heading', level: 1, text: L('二、拟禁止的事项', '2. Prohibitions proposed') },
        ...(paragraphs(f.prohibitions).length ? paragraphs(f.prohibitions) : [{ kind: 'paragraph' as const, text: L('无。', 'None.') }]),
        { kind: 'heading', level: 1, text: L('三、评估意见', '3. Opinion') },
        { kind: 'paragraph', text: en ? `${name}: ${titleOf(investigationOpinions, f.opinion, true)}.` : `经调查评估，${name}${titleOf(investigationOpinions, f.opinion, false)}。` },
        ...paragraphs(f.opinionReasons),
      ],
      copyTo: [L('同级人民检察院', 'The procuratorate at the same level')],
    };
  },
});

/** A decision or proposal about the person under correction: who they are, the grounds, what is decided or proposed. */
function decision(code: string, title: { zh: string; en: string; mn: string }, conclusion: (data: CaseDocumentData, en: boolean) => { title: string; decided: string; recipient: string | null }): DocumentTemplate<CaseDocumentData> {
  return defineDocumentTemplate<CaseDocumentData>({
    code,
    title,
    dataSchema: caseDocumentDataSchema,
    render(data, ctx) {
      const en = ctx.locale === 'en';
      const f = data.fields;
      const name = personOf(data);
      const c = conclusion(data, en);
      const who = en
        ? `${name}, ${titleOf(sexes, f.sex, true).toLowerCase()}, born ${dayOr(f.birthDate, true)}, sentenced for ${text(f.offence)} by ${text(f.court)}${text(f.judgmentNumber) ? ` (${text(f.judgmentNumber)})` : ''} to ${titleOf(correctionKinds, f.kind, true)}, under community correction from ${dayOr(f.termStart, true)} to ${dayOr(f.termEnd, true)} (file ${data.number}).`
        : `${name}，${titleOf(sexes, f.sex, false)}，${dayOr(f.birthDate, false)}出生，因${text(f.offence)}经${text(f.court)}${text(f.judgmentNumber) ? `以${text(f.judgmentNumber)}` : ''}判处（决定）${titleOf(correctionKinds, f.kind, false)}，社区矫正期限自${dayOr(f.termStart, false)}起至${dayOr(f.termEnd, false)}止（档案号：${data.number}）。`;
      return {
        title: c.title,
        recipients: c.recipient ? [c.recipient] : [],
        blocks: [{ kind: 'paragraph', text: who }, { kind: 'heading', level: 1, text: en ? 'Facts and grounds' : '一、事实和依据' }, ...paragraphs(data.step.grounds), { kind: 'heading', level: 1, text: en ? 'Decision' : '二、决定（建议）' }, { kind: 'paragraph', text: c.decided }],
      };
    },
  });
}

export const commendationTemplate = decision('correction.commendation', { zh: '表扬决定书', en: 'Commendation', mn: 'ᠰᠠᠶᠢᠰᠢᠶᠠᠯ ᠤᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ' }, (d, en) => ({
  title: en ? `Commendation of ${personOf(d)}` : `关于给予${personOf(d)}表扬的决定书`,
  decided: en ? 'Under art. 28 of the Community Correction Law, the person is commended.' : '根据《中华人民共和国社区矫正法》第二十八条，决定给予表扬。',
  recipient: null,
}));

export const reprimandTemplate = decision('correction.reprimand', { zh: '训诫决定书', en: 'Reprimand', mn: 'ᠵᠡᠮᠯᠡᠯ ᠦᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ' }, (d, en) => ({
  title: en ? `Reprimand of ${personOf(d)}` : `关于给予${personOf(d)}训诫的决定书`,
  decided: en ? 'Under art. 28 of the Community Correction Law, the person is reprimanded and must keep the supervision rules.' : '根据《中华人民共和国社区矫正法》第二十八条，决定给予训诫。望严格遵守监督管理规定。',
  recipient: null,
}));

export const warningTemplate = decision('correction.warning', { zh: '警告决定书', en: 'Warning', mn: 'ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠰᠢᠢᠳᠪᠦᠷᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ' }, (d, en) => ({
  title: en ? `Warning to ${personOf(d)}` : `关于给予${personOf(d)}警告的决定书`,
  decided: en ? 'Under art. 28 of the Community Correction Law, the person is given a warning.' : '根据《中华人民共和国社区矫正法》第二十八条，决定给予警告。',
  recipient: null,
}));

export const penaltyProposalTemplate = decision('correction.penalty-proposal', { zh: '提请治安管理处罚建议书', en: 'Proposal of a public-security penalty', mn: 'ᠣᠯᠠᠨ ᠠᠮᠤᠭᠤᠯᠠᠩ ᠤᠨ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠰᠢᠭᠲᠭᠡᠭᠡᠯ ᠥᠭᠬᠦ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ' }, (d, en) => ({
  title: en ? `Proposal of a public-security penalty for ${personOf(d)}` : `关于提请对${personOf(d)}给予治安管理处罚的建议书`,
  decided: en ? 'Under art. 28 of the Community Correction Law, we propose a penalty under the Public Security Administration Punishments Law.' : '根据《中华人民共和国社区矫正法》第二十八条，建议依照《中华人民共和国治安管理处罚法》给予处罚。',
  recipient: text(d.step.recipient) || null,
}));

/** The proposal's name by the person's kind: 撤销缓刑 / 撤销假释 / 收监执行. */
export const revocationTitles = {
  probation: { zh: '撤销缓刑建议书', en: 'Proposal to revoke probation', article: '第四十六条', articleEn: 'art. 46', proposeZh: '撤销缓刑', proposeEn: 'the probation be revoked' },
  parole: { zh: '撤销假释建议书', en: 'Proposal to revoke parole', article: '第四十六条', articleEn: 'art. 46', proposeZh: '撤销假释', proposeEn: 'the parole be revoked' },
  'medical-parole': { zh: '收监执行建议书', en: 'Proposal of committal to prison', article: '第四十九条', articleEn: 'art. 49', proposeZh: '收监执行', proposeEn: 'the person be committed to prison' },
} as const;

export const revocationProposalTemplate = decision('correction.revocation-proposal', { zh: '提请撤销缓刑、撤销假释或收监执行建议书', en: 'Proposal of revocation or committal', mn: 'ᠲᠦᠳᠬᠡᠯᠵᠡ ᠪᠤᠶᠤ ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ ᠶᠢ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ᠂ ᠡᠰᠡᠬᠦᠯᠡ ᠬᠣᠷᠢᠬᠠᠨ ᠳᠤ ᠬᠦᠷᠭᠡᠬᠦ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ' }, (d, en) => {
  const kind = revocationTitles[d.fields.kind as keyof typeof revocationTitles] ?? revocationTitles.probation;
  return {
    title: en ? `${kind.en}: ${personOf(d)}` : `关于对${personOf(d)}的${kind.zh}`,
    decided: en ? `Under ${kind.articleEn} of the Community Correction Law, we propose that ${kind.proposeEn}.` : `根据《中华人民共和国社区矫正法》${kind.article}，建议依法${kind.proposeZh}。`,
    recipient: text(d.step.recipient) || null,
  };
});

export const releaseCertificateTemplate = defineDocumentTemplate<CaseDocumentData>({
  code: 'correction.release-certificate',
  title: { zh: '解除社区矫正证明书', en: 'Certificate of release from community correction', mn: 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠠᠴᠠ ᠴᠢᠯᠦᠭᠡᠯᠡᠭᠰᠡᠨ ᠭᠡᠷᠡᠴᠢᠯᠭᠡ' },
  layout: 'form',
  dataSchema: caseDocumentDataSchema,
  render(data, ctx) {
    const en = ctx.locale === 'en';
    const L = (zh: string, english: string) => (en ? english : zh);
    const f = data.fields;
    const name = personOf(data);
    return {
      title: L('解除社区矫正证明书', 'Certificate of release from community correction'),
      reference: data.number,
      blocks: [
        {
          kind: 'fields',
          rows: [
            { label: L('姓名', 'Name'), value: name },
            { label: L('性别', 'Sex'), value: titleOf(sexes, f.sex, en) },
            { label: L('出生日期', 'Date of birth'), value: dayOr(f.birthDate, en) },
            { label: L('罪名', 'Offence'), value: text(f.offence) },
            { label: L('判决（决定）机关', 'Court or deciding body'), value: text(f.court) },
            { label: L('判决书（决定书）文号', 'Judgment number'), value: text(f.judgmentNumber) || L('—', '—') },
            { label: L('矫正类别', 'Kind'), value: titleOf(correctionKinds, f.kind, en) },
            { label: L('矫正期限', 'Term'), value: en ? `${dayOr(f.termStart, true)} – ${dayOr(f.termEnd, true)}` : `${dayOr(f.termStart, false)}至${dayOr(f.termEnd, false)}` },
            { label: L('解除日期', 'Released on'), value: dayLabel(data.on, en) },
          ],
        },
        { kind: 'heading', level: 1, text: L('矫正期间表现', 'Conduct during correction') },
        ...paragraphs(data.step.performance),
        {
          kind: 'paragraph',
          text: en
            ? `${name}'s term of community correction has ended. Under art. 44 of the Community Correction Law, community correction ends on ${dayLabel(data.on, true)}; this certificate is issued.`
            : `${name}社区矫正期满，依照《中华人民共和国社区矫正法》第四十四条，于${dayLabel(data.on, false)}解除社区矫正，特发此证明书。`,
        },
      ],
    };
  },
});

export const correctionDocumentTemplates = [
  investigationOpinionTemplate,
  commendationTemplate,
  reprimandTemplate,
  warningTemplate,
  penaltyProposalTemplate,
  revocationProposalTemplate,
  releaseCertificateTemplate,
];
