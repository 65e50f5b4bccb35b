/**
 * Storybook only (documentation): an in-memory stand-in for a case type's procedures
 * (`mediation.cases.*`), the platform calls <sifa-cases> makes (`platform.auth.me`,
 * `platform.documents.get`) and the attachment and document routes, answering the server's wire
 * protocol with a DEMO people's-mediation case type and a few dozen DEMO cases. Deadlines are
 * counted in calendar days (Monday–Friday for working days): the real engine uses the platform's
 * holiday calendar. The real server is what the widget's tests run against.
 */
import { caseTypeSchema, negotiateLocale, type CaseAttachmentView, type CaseDeadlineView, type CaseEventView, type CaseFile, type CaseFieldValue, type CaseParty, type CaseSummary, type CaseTypeInput, type CaseTypeView, type Locale } from '@sifa/core';

const zhEn = (zh: string, en: string) => ({ zh, en });

/** A DEMO people's-mediation case type (人民调解法): the shape a plugin declares. */
export const demoMediationType: CaseTypeInput = {
  code: 'mediation.case',
  title: zhEn('人民调解案件', 'People’s mediation cases'),
  numberMark: '调',
  readPermission: 'mediation.read',
  fields: {
    committee: { kind: 'text', title: zhEn('调解委员会', 'Mediation committee') },
    mediators: { kind: 'text', title: zhEn('调解员', 'Mediators'), personal: 'name' },
    source: {
      kind: 'choice',
      title: zhEn('案件来源', 'Source'),
      options: [
        { value: 'active', title: zhEn('主动调解', 'Mediated on own initiative') },
        { value: 'application', title: zhEn('当事人申请', 'Applied for by a party') },
        { value: 'referral', title: zhEn('委托移送', 'Referred by another body') },
      ],
    },
    referrer: { kind: 'text', title: zhEn('移送单位', 'Referring body'), required: false, help: zhEn('委托移送的案件填写。', 'For referred cases.') },
    disputeType: {
      kind: 'choice',
      title: zhEn('纠纷类型', 'Dispute type'),
      options: [
        { value: 'family', title: zhEn('婚姻家庭', 'Marriage and family') },
        { value: 'neighbourhood', title: zhEn('邻里', 'Neighbours') },
        { value: 'housing', title: zhEn('房屋宅基地', 'Houses and homesteads') },
        { value: 'contract', title: zhEn('合同', 'Contracts') },
        { value: 'land', title: zhEn('山林土地', 'Forest and land') },
        { value: 'labour', title: zhEn('劳动争议', 'Labour disputes') },
        { value: 'traffic', title: zhEn('道路交通事故', 'Road accidents') },
        { value: 'other', title: zhEn('其他', 'Other') },
      ],
    },
    parties: {
      kind: 'parties',
      title: zhEn('当事人', 'Parties'),
      roles: [
        { value: 'applicant', title: zhEn('申请人', 'Applicant') },
        { value: 'respondent', title: zhEn('被申请人', 'Respondent') },
      ],
      minItems: 2,
    },
    amount: { kind: 'number', title: zhEn('涉及金额', 'Amount involved'), required: false, integer: false, unit: zhEn('元', 'yuan') },
    facts: { kind: 'text', title: zhEn('纠纷事实与争议焦点', 'Facts and matters in dispute'), multiline: true, maxLength: 2000 },
  },
  listFields: ['disputeType', 'parties', 'source'],
  states: [
    { code: 'registered', title: zhEn('已受理', 'Registered') },
    { code: 'investigating', title: zhEn('调查中', 'Investigating') },
    { code: 'mediating', title: zhEn('调解中', 'Mediating') },
    { code: 'agreed', title: zhEn('调解成功', 'Agreement reached') },
    { code: 'followed-up', title: zhEn('已回访', 'Followed up'), closed: true },
    { code: 'failed', title: zhEn('调解不成', 'Mediation failed'), closed: true },
    { code: 'terminated', title: zhEn('终止调解', 'Terminated'), closed: true },
  ],
  transitions: [
    { code: 'register', title: zhEn('受理登记', 'Register'), from: [], to: 'registered', permission: 'mediation.work', roles: ['office_staff'], note: zhEn('人民调解不收费（人民调解法第四条）。', 'Mediation is free of charge (art. 4).') },
    {
      code: 'investigate',
      title: zhEn('调查', 'Investigate'),
      from: ['registered'],
      to: 'investigating',
      permission: 'mediation.work',
      fields: { findings: { kind: 'text', title: zhEn('调查情况', 'Findings'), multiline: true }, evidence: { kind: 'attachments', title: zhEn('取证材料', 'Evidence') } },
    },
    {
      code: 'session',
      title: zhEn('调解（记录一次调解）', 'Mediation session'),
      from: ['registered', 'investigating', 'mediating'],
      to: 'mediating',
      permission: 'mediation.work',
      fields: {
        heldOn: { kind: 'date', title: zhEn('调解日期', 'Held on') },
        present: {
          kind: 'choices',
          title: zhEn('到场人员', 'Present'),
          options: [
            { value: 'applicant', title: zhEn('申请人', 'Applicant') },
            { value: 'respondent', title: zhEn('被申请人', 'Respondent') },
            { value: 'witness', title: zhEn('证人', 'Witness') },
          ],
        },
        record: { kind: 'text', title: zhEn('调解记录', 'Record'), multiline: true },
        hours: { kind: 'number', title: zhEn('用时', 'Time taken'), required: false, integer: false, max: 24, unit: zhEn('小时', 'hours') },
      },
    },
    {
      code: 'agree',
      title: zhEn('调解成功，签订协议', 'Agreement reached'),
      from: ['mediating'],
      to: 'agreed',
      permission: 'mediation.work',
      document: 'mediation.agreement',
      sets: ['amount'],
      note: zhEn('协议书载明当事人基本情况、纠纷主要事实、争议事项、各方责任、协议内容及履行方式和期限（第二十九条）；各方当事人签名、调解员签名并加盖调解委员会印章后生效。', 'The agreement states the parties, the main facts, the matters in dispute, each side’s responsibility, the terms and how and when they are performed (art. 29); it takes effect once every party and the mediator have signed and the committee’s seal is applied.'),
      fields: {
        terms: { kind: 'text', title: zhEn('协议内容', 'Agreed terms'), multiline: true },
        performance: { kind: 'text', title: zhEn('履行方式和期限', 'How and when performed') },
        oral: { kind: 'boolean', title: zhEn('口头协议（登记在册）', 'Oral agreement (entered in the register)') },
        signatures: {
          kind: 'signatures',
          title: zhEn('签名', 'Signatures'),
          extraSigners: [
            { value: 'mediator', title: zhEn('调解员', 'Mediator') },
            { value: 'seal', title: zhEn('调解委员会印章', 'Committee seal') },
          ],
        },
      },
    },
    {
      code: 'fail',
      title: zhEn('调解不成', 'Mediation failed'),
      from: ['investigating', 'mediating'],
      to: 'failed',
      permission: 'mediation.work',
      note: zhEn('告知当事人可以通过仲裁、行政、司法等途径维护权利（第二十六条）。', 'Tell the parties of arbitration, administrative and court routes (art. 26).'),
      fields: { reason: { kind: 'text', title: zhEn('原因', 'Reason'), multiline: true }, routesTold: { kind: 'boolean', title: zhEn('已告知其他救济途径', 'Other routes explained'), required: true } },
    },
    {
      code: 'terminate',
      title: zhEn('终止调解', 'Terminate'),
      from: ['registered', 'investigating', 'mediating'],
      to: 'terminated',
      permission: 'mediation.work',
      note: zhEn('当事人一方明确拒绝调解的，不得调解（第十七条）。', 'No mediation where a party refuses (art. 17).'),
      fields: { reason: { kind: 'text', title: zhEn('终止原因', 'Why'), multiline: true } },
    },
    {
      code: 'follow-up',
      title: zhEn('回访', 'Follow-up visit'),
      from: ['agreed'],
      to: 'followed-up',
      permission: 'mediation.work',
      fields: {
        visitedOn: { kind: 'date', title: zhEn('回访日期', 'Visited on') },
        performed: {
          kind: 'choice',
          title: zhEn('履行情况', 'Performance'),
          options: [
            { value: 'full', title: zhEn('已履行', 'Performed') },
            { value: 'partial', title: zhEn('部分履行', 'Partly performed') },
            { value: 'none', title: zhEn('未履行', 'Not performed') },
          ],
        },
        note: { kind: 'text', title: zhEn('回访记录', 'Notes'), required: false, multiline: true },
      },
    },
  ],
  deadlines: [
    { code: 'mediation-period', title: zhEn('调解期限', 'Mediation period'), from: 'register', days: 30, unit: 'calendar', basis: zhEn('司法部《人民调解工作若干规定》：一般在一个月内调结（可在本地配置）', 'Ministry of Justice rules: usually settled within one month (configurable locally)'), metBy: ['agree', 'fail', 'terminate'], warnBefore: 5 },
    { code: 'confirmation', title: zhEn('申请司法确认', 'Apply for judicial confirmation'), from: 'agree', days: 30, unit: 'calendar', basis: zhEn('人民调解法第三十三条：协议生效之日起三十日内共同申请', 'People’s Mediation Law art. 33: a joint application within 30 days of the agreement taking effect'), metBy: ['follow-up'] },
    { code: 'investigation', title: zhEn('调查核实', 'Investigation'), from: 'register', days: 5, unit: 'working', basis: zhEn('本地工作规范（可配置）', 'Local practice (configurable)'), metBy: ['investigate', 'session', 'terminate'], warnBefore: 2 },
  ],
};

type Answer = { result: { data: unknown } } | { error: { message: string; data: { sifaCode: string; httpStatus: number; issues: { path: string; message: string }[]; details?: Record<string, unknown> } } };

class FakeError extends Error {
  constructor(
    readonly sifaCode: string,
    readonly httpStatus: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface StoredCase {
  id: string;
  number: string;
  state: string;
  openedOn: string;
  updatedAt: string;
  revision: number;
  fields: Record<string, CaseFieldValue>;
  events: CaseEventView[];
  attachments: (CaseAttachmentView & { bytes: number })[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + n);
  return iso(d);
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const isWeekday = (day: string) => ![0, 6].includes(new Date(`${day}T00:00:00`).getDay());
function addWorking(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWeekday(d)) left--;
  }
  return d;
}
function workingBetween(a: string, b: string): number {
  const sign = b >= a ? 1 : -1;
  let count = 0;
  let d = a;
  while (d !== b) {
    d = addDays(d, sign);
    if (isWeekday(d)) count += sign;
  }
  return count;
}

const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '郭', '马', '包', '乌'];
const given = ['建国', '桂兰', '秀英', '志强', '海霞', '宝音', '其其格', '文军', '丽华', '德胜'];
const villages = ['红山区桥北镇', '红山区西屯村', '松山区穆家营子镇', '元宝山区平庄镇'];

/** A deterministic pseudo-random sequence, so every visit shows the same demo cases. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

export class FakeCasesServer {
  readonly type: CaseTypeView;
  private cases: StoredCase[] = [];
  private readonly files = new Map<string, Uint8Array>();
  /** The next transition answers CONFLICT after another user's step (tests and stories). */
  conflictNext = false;
  /** Attachment uploads fail with this message (a type or size refusal). */
  uploadRefusal: string | null = null;
  /** Whether the caller sees personal data masked (a county administrator). */
  masked = false;
  /** The caller's role (office staff may open cases). */
  role: 'office_staff' | 'county_admin' = 'office_staff';

  constructor() {
    const parsed = caseTypeSchema.parse(demoMediationType);
    this.type = { ...parsed, plugin: 'mediation', deadlines: parsed.deadlines.map((d) => ({ ...d, configured: d.code === 'mediation-period' })) } as CaseTypeView;
    this.reset();
  }

  reset(): void {
    this.cases = [];
    this.files.clear();
    const rnd = random(7);
    const today = iso(new Date());
    const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
    const person = () => `${pick(surnames)}${pick(given)}`;
    for (let i = 0; i < 46; i++) {
      const openedOn = addDays(today, -Math.floor(rnd() * 70));
      const disputeType = pick(['family', 'neighbourhood', 'housing', 'contract', 'land', 'labour', 'traffic', 'other']);
      const source = pick(['active', 'application', 'referral']);
      const fields: Record<string, CaseFieldValue> = {
        committee: '桥北镇人民调解委员会',
        mediators: `${person()}、${person()}`,
        source,
        ...(source === 'referral' ? { referrer: '红山区人民法院' } : {}),
        disputeType,
        parties: [
          { role: 'applicant', name: person(), idNumber: `15040219${60 + Math.floor(rnd() * 40)}0${Math.floor(rnd() * 9) + 1}1${Math.floor(rnd() * 9)}${Math.floor(1000 + rnd() * 8999)}`, phone: `138${Math.floor(10000000 + rnd() * 89999999)}`, address: `${pick(villages)}${Math.floor(rnd() * 90) + 1}号` },
          { role: 'respondent', name: person(), phone: `139${Math.floor(10000000 + rnd() * 89999999)}`, address: `${pick(villages)}${Math.floor(rnd() * 90) + 1}号` },
        ],
        amount: Math.floor(rnd() * 20) * 500,
        facts: '双方因宅基地界线发生争执，申请人称被申请人新建院墙占用其宅基地约 0.5 米，双方多次协商未果。',
      };
      const c: StoredCase = { id: crypto.randomUUID(), number: `（${openedOn.slice(0, 4)}）红山调字第${i + 1}号`, state: 'registered', openedOn, updatedAt: `${openedOn}T09:00:00.000Z`, revision: 1, fields, events: [], attachments: [] };
      c.events.push(this.event(c, 'register', null, 'registered', openedOn, '王芳', { ...fields }));
      const plan = rnd();
      const step = (code: string, to: string, after: number, f: Record<string, CaseFieldValue>) => {
        const on = addDays(c.openedOn, after);
        if (on > today) return false;
        c.events.push(this.event(c, code, c.state, to, on, pick(['王芳', '李明', '包金花']), f));
        c.state = to;
        c.revision++;
        return true;
      };
      if (plan > 0.2 && step('investigate', 'investigating', 2, { findings: '走访双方及四邻，核实院墙位置，调取村委会宅基地登记资料。' })) {
        if (plan > 0.4 && step('session', 'mediating', 6, { heldOn: addDays(c.openedOn, 6), present: ['applicant', 'respondent'], record: '双方陈述意见，调解员释明相关法律规定。', hours: 1.5 })) {
          if (plan > 0.7) {
            if (step('agree', 'agreed', 12, { terms: '被申请人于十日内将院墙向东移回 0.5 米，申请人不再主张其他赔偿。', performance: '十日内自行拆除重建', oral: false, signatures: [{ signer: 'party-0', signedOn: addDays(c.openedOn, 12) }, { signer: 'party-1', signedOn: addDays(c.openedOn, 12) }, { signer: 'mediator', signedOn: addDays(c.openedOn, 12) }, { signer: 'seal', signedOn: addDays(c.openedOn, 12) }] })) {
              c.events.at(-1)!.documentId = `demo-doc-${i}`;
              if (plan > 0.85) step('follow-up', 'followed-up', 40, { visitedOn: addDays(c.openedOn, 40), performed: 'full', note: '已按协议履行，双方满意。' });
            }
          } else if (plan > 0.6) step('fail', 'failed', 20, { reason: '双方对界线分歧较大，未能达成一致。', routesTold: true });
        }
      } else if (plan < 0.05) step('terminate', 'terminated', 3, { reason: '被申请人明确拒绝调解。' });
      c.updatedAt = `${c.events.at(-1)!.on}T10:00:00.000Z`;
      this.cases.push(c);
    }
    this.cases.sort((a, b) => (a.openedOn < b.openedOn ? 1 : -1));
  }

  private event(c: StoredCase, transition: string, from: string | null, to: string, on: string, by: string, fields: Record<string, CaseFieldValue>): CaseEventView {
    return { seq: c.events.length + 1, transition, from, to, on, at: `${on}T${pad(9 + c.events.length)}:${pad((c.events.length * 17) % 60)}:00.000+08:00`, by: { userId: `u-${by}`, name: by }, fields, documentId: null, checks: [] };
  }

  private stateOf(code: string) {
    return this.type.states.find((s) => s.code === code)!;
  }

  private deadlines(c: StoredCase): CaseDeadlineView[] {
    const today = iso(new Date());
    const out: CaseDeadlineView[] = [];
    const closed = this.stateOf(c.state).closed;
    for (const d of this.type.deadlines) {
      const start = [...c.events].reverse().find((e) => e.transition === d.from);
      if (!start) continue;
      const met = c.events.find((e) => e.seq > start.seq && d.metBy.includes(e.transition));
      const due = d.unit === 'working' ? addWorking(start.on, d.days) : addDays(start.on, d.days);
      const remaining = d.unit === 'working' ? workingBetween(today, due) : daysBetween(today, due);
      const ended = met ?? (closed ? c.events.at(-1) : undefined);
      out.push({
        code: d.code,
        title: d.title,
        basis: d.basis,
        days: d.days,
        unit: d.unit,
        startedOn: start.on,
        due,
        state: ended ? 'met' : remaining < 0 ? 'overdue' : remaining <= d.warnBefore ? 'due-soon' : 'running',
        remaining: ended ? null : remaining,
        metOn: ended?.on ?? null,
      });
    }
    return out;
  }

  private maskParty(p: CaseParty): CaseParty {
    const m: CaseParty = { role: p.role, name: p.name ? `${p.name.slice(0, 1)}*` : null };
    if (p.idNumber) m.idNumber = `${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(-4)}`;
    if (p.phone) m.phone = `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`;
    if (p.address) m.address = `${p.address.slice(0, 6)}***`;
    return m;
  }

  private shown(fields: Record<string, CaseFieldValue>, mask: boolean): Record<string, CaseFieldValue> {
    if (!mask) return fields;
    const out = { ...fields };
    if (Array.isArray(out['parties'])) out['parties'] = (out['parties'] as CaseParty[]).map((p) => this.maskParty(p));
    if (typeof out['mediators'] === 'string') out['mediators'] = out['mediators'].split('、').map((n) => `${n.slice(0, 1)}*`).join('、');
    return out;
  }

  private summary(c: StoredCase): CaseSummary {
    const running = this.deadlines(c).filter((d) => d.state !== 'met').sort((a, b) => (a.due < b.due ? -1 : 1));
    const fields = this.shown(c.fields, true);
    return {
      id: c.id,
      type: this.type.code,
      number: c.number,
      orgCode: '150402001',
      orgName: { zh: '桥北镇司法所', en: 'Qiaobei Town Judicial Office' },
      state: c.state,
      closed: this.stateOf(c.state).closed,
      openedOn: c.openedOn,
      updatedAt: c.updatedAt,
      revision: c.revision,
      summary: Object.fromEntries(this.type.listFields.map((f) => [f, fields[f] ?? null])),
      nextDeadline: running[0] ?? null,
      restricted: false,
    };
  }

  private file(c: StoredCase): CaseFile {
    const closed = this.stateOf(c.state).closed;
    const next = this.role === 'office_staff' && !closed
      ? this.type.transitions
          .filter((t) => t.from.includes(c.state))
          .map((t) => ({ code: t.code, title: t.title, to: t.to, note: t.note, fields: { ...t.fields, ...Object.fromEntries(t.sets.map((s) => [s, this.type.fields[s]!])) }, sets: t.sets, document: t.document ?? null, checks: false }))
      : [];
    return {
      ...this.summary(c),
      fields: this.shown(c.fields, this.masked),
      masked: this.masked,
      responsible: [],
      events: c.events.map((e) => ({ ...e, fields: this.shown(e.fields, this.masked) })),
      attachments: c.attachments,
      deadlines: this.deadlines(c),
      next,
    };
  }

  private find(id: string, zh: boolean): StoredCase {
    const c = this.cases.find((x) => x.id === id);
    if (!c) throw new FakeError('NOT_FOUND', 404, zh ? '没有这个案件。' : 'There is no such case.');
    return c;
  }

  private required(fields: Record<string, unknown>, specs: CaseTypeView['fields'], zh: boolean): void {
    const issues: { path: string; message: string }[] = [];
    for (const [name, spec] of Object.entries(specs)) {
      const v = fields[name];
      if (spec.required && spec.kind !== 'boolean' && (v === undefined || v === '' || (Array.isArray(v) && v.length === 0))) issues.push({ path: name, message: zh ? '此项必填。' : 'This field is required.' });
    }
    if (issues.length) throw new FakeError('VALIDATION_FAILED', 400, zh ? '填写的内容有误，请按提示修改后再提交。' : 'Some fields are not valid.', issues);
  }

  call(path: string, input: unknown, locale: Locale): unknown {
    const zh = locale !== 'en';
    switch (path) {
      case 'platform.auth.me':
        return { userId: 'demo', username: 'demo', displayName: '演示用户', role: this.role, orgCode: this.role === 'office_staff' ? '150402001' : '150402', permissions: this.role === 'office_staff' ? ['diary.read', 'diary.write', 'mediation.read', 'mediation.work', 'platform.documents.read'] : ['diary.read', 'mediation.read', 'platform.documents.read'] };
      case 'platform.documents.get': {
        const { id } = input as { id: string };
        return { id, template: 'mediation.agreement', slot: null, number: `红山调协〔${new Date().getFullYear()}〕${id.replace(/\D/g, '') || 1}号`, title: '人民调解协议书', issuerOrgCode: '150402001', subjectOrgCode: null, issuedOn: iso(new Date()), issuedBy: '王芳', bilingual: false, entity: null, byteLength: 1000, sha256: '0'.repeat(64), downloadPath: `/plugins/platform/documents/${id}` };
      }
      case 'mediation.cases.type':
        return this.type;
      case 'mediation.cases.list': {
        const q = input as { state?: string[]; status?: string; q?: string; limit?: number; offset?: number };
        const today = iso(new Date());
        let rows = this.cases.map((c) => this.summary(c));
        if (q.state?.length) rows = rows.filter((r) => q.state!.includes(r.state));
        if (q.status === 'open') rows = rows.filter((r) => !r.closed);
        if (q.status === 'closed') rows = rows.filter((r) => r.closed);
        if (q.status === 'due-soon') rows = rows.filter((r) => r.nextDeadline?.state === 'due-soon');
        if (q.status === 'overdue') rows = rows.filter((r) => r.nextDeadline?.state === 'overdue' || (r.nextDeadline && r.nextDeadline.due < today));
        if (q.q) rows = rows.filter((r) => r.number.includes(q.q!) || JSON.stringify(r.summary).includes(q.q!));
        const offset = q.offset ?? 0;
        return { rows: rows.slice(offset, offset + (q.limit ?? 50)), total: rows.length };
      }
      case 'mediation.cases.get':
        return this.file(this.find((input as { id: string }).id, zh));
      case 'mediation.cases.open': {
        const { fields, on } = input as { fields: Record<string, CaseFieldValue>; on?: string };
        this.required(fields, this.type.fields, zh);
        const openedOn = on ?? iso(new Date());
        const c: StoredCase = { id: crypto.randomUUID(), number: `（${openedOn.slice(0, 4)}）红山调字第${this.cases.length + 1}号`, state: 'registered', openedOn, updatedAt: new Date().toISOString(), revision: 1, fields, events: [], attachments: [] };
        c.events.push({ ...this.event(c, 'register', null, 'registered', openedOn, '演示用户', fields), at: new Date().toISOString() });
        this.cases.unshift(c);
        return this.file(c);
      }
      case 'mediation.cases.transition': {
        const t = input as { id: string; revision: number; transition: string; on?: string; fields: Record<string, CaseFieldValue> };
        const c = this.find(t.id, zh);
        if (this.conflictNext) {
          this.conflictNext = false;
          const next = this.type.transitions.find((x) => x.from.includes(c.state) && x.to !== this.stateOf(c.state).code && !this.stateOf(x.to).closed) ?? this.type.transitions.find((x) => x.from.includes(c.state))!;
          c.events.push({ ...this.event(c, next.code, c.state, next.to, iso(new Date()), '李明', {}), at: new Date().toISOString() });
          c.state = next.to;
          c.revision++;
        }
        if (t.revision !== c.revision) {
          throw new FakeError('CONFLICT', 409, zh ? '案件已被他人修改，请刷新后再试。' : 'The case was changed by someone else; reload it and try again.', [], { caseId: c.id, revision: t.revision, currentRevision: c.revision });
        }
        const transition = this.type.transitions.find((x) => x.code === t.transition);
        if (!transition || !transition.from.includes(c.state)) {
          const allowed = this.type.transitions.filter((x) => x.from.includes(c.state)).map((x) => x.code).join(', ');
          throw new FakeError('CONFLICT', 409, zh ? `案件当前状态为“${this.stateOf(c.state).title.zh}”，不能办理这一步。` : `The case is "${this.stateOf(c.state).title.en}"; this step cannot be taken.`, [], { state: c.state, transition: t.transition, allowed });
        }
        this.required(t.fields, { ...transition.fields, ...Object.fromEntries(transition.sets.map((s) => [s, this.type.fields[s]!])) }, zh);
        const from = c.state;
        c.events.push({ ...this.event(c, transition.code, from, transition.to, t.on ?? iso(new Date()), '演示用户', t.fields), at: new Date().toISOString(), documentId: transition.document ? `demo-doc-new-${c.events.length}` : null });
        for (const s of transition.sets) if (s in t.fields) c.fields[s] = t.fields[s]!;
        c.state = transition.to;
        c.revision++;
        c.updatedAt = new Date().toISOString();
        return this.file(c);
      }
      default:
        throw new FakeError('NOT_FOUND', 404, `The fake server has no procedure "${path}".`);
    }
  }

  private answer(path: string, input: unknown, locale: Locale): Answer {
    try {
      return { result: { data: this.call(path, input, locale) } };
    } catch (error) {
      const e = error instanceof FakeError ? error : new FakeError('INTERNAL', 500, String(error));
      return { error: { message: e.message, data: { sifaCode: e.sifaCode, httpStatus: e.httpStatus, issues: e.issues, details: e.details } } };
    }
  }

  /** True for what this fake answers (so the Storybook fake can hand it over). */
  handles(url: URL): boolean {
    return /^\/trpc\/(mediation\.cases\.|platform\.auth\.me|platform\.documents\.get)/.test(url.pathname) || url.pathname.startsWith('/plugins/mediation/') || url.pathname.startsWith('/plugins/platform/documents/');
  }

  /** A `fetch` speaking the server's wire protocol. */
  readonly fetch: typeof fetch = async (resource, init) => {
    const url = new URL(typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url);
    await new Promise((resolve) => setTimeout(resolve, 40));
    const headers = new Headers(init?.headers);
    const locale = negotiateLocale(headers.get('x-sifa-locale'));
    const zh = locale !== 'en';
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const attach = /^\/plugins\/mediation\/cases\/([^/]+)\/attachments(?:\/([0-9a-f]{64}))?$/.exec(url.pathname);
    if (attach) {
      try {
        const c = this.find(decodeURIComponent(attach[1]!), zh);
        if (init?.method === 'POST') {
          if (this.uploadRefusal) throw new FakeError('BAD_REQUEST', 400, this.uploadRefusal);
          const bytes = new Uint8Array(await new Response(init.body as BodyInit).arrayBuffer());
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
          const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
          this.files.set(sha256, bytes);
          const view = { sha256, name: url.searchParams.get('name') ?? 'file', mimeType: headers.get('content-type') ?? 'application/octet-stream', bytes: bytes.byteLength, uploadedAt: new Date().toISOString(), uploadedBy: '演示用户', downloadPath: `/plugins/mediation/cases/${c.id}/attachments/${sha256}` };
          c.attachments = [...c.attachments.filter((a) => a.sha256 !== sha256), view];
          return json(view);
        }
        const bytes = this.files.get(attach[2] ?? '') ?? new Uint8Array();
        return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { status: 200, headers: { 'content-type': 'application/octet-stream' } });
      } catch (error) {
        const e = error instanceof FakeError ? error : new FakeError('INTERNAL', 500, String(error));
        return json({ error: { message: e.message, data: { sifaCode: e.sifaCode, httpStatus: e.httpStatus, issues: e.issues } } }, e.httpStatus);
      }
    }
    if (url.pathname.startsWith('/plugins/platform/documents/')) return new Response(new Blob(['DEMO document']), { status: 200, headers: { 'content-disposition': 'attachment; filename="demo.docx"' } });
    const paths = url.pathname.replace(/^\/trpc\//, '').split(',');
    if (url.searchParams.get('batch') === '1') {
      const inputs = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, unknown>;
      return json(paths.map((path, i) => this.answer(path, inputs[i], locale)));
    }
    const input: unknown = init?.method === 'POST' ? JSON.parse(String(init.body ?? 'null')) : JSON.parse(url.searchParams.get('input') ?? 'null');
    const answer = this.answer(paths[0]!, input, locale);
    return json(answer, 'error' in answer ? answer.error.data.httpStatus : 200);
  };
}

export const casesFake = new FakeCasesServer();
