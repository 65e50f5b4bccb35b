/**
 * DEMO consultation records (`sifa seed`, `sifa start --seed`): a plausible year of consultations
 * (the demo year up to yesterday: the diary's demo history's 12 months) for the offices of the demo
 * tree, made through the casework engine exactly as staff make them: `scoped.cases.open` with the
 * consultation's day (`on`), then reply / refer / follow-up / close steps on later days. Every
 * record is labelled demo: its question starts with 【示范】 and its people are named 某某（示范）
 * with 1380000 phone numbers. None of it is a real consultation; the statutes cited are the
 * articles such an answer would cite, to be checked before real use.
 *
 * Volume: every office of the tree gets a register of a plausible year (12 records by default,
 * about one a month). The offices where the demo accounts work (西屯, 三中街: server `seed/demo.ts`)
 * take every step through the engine, the record sheet issued; the others' records are imported
 * whole (`cases.import`: the same checks, no documents), which keeps the whole demo seed quick.
 * Deterministic (seeded by office code). Idempotent: an office with any consultation record gets none.
 */
import { addDays, type PluginSeedContext } from '@sifa/core';
import { consultationCaseTypeCode, type ConsultationChannel, type ConsultationReferral } from '../case-type.js';
import { demoRandom, demoYearStart, seedDemoCaseFiles, type DemoCaseFile } from '@sifa/server';

export interface ConsultationDemoOptions {
  /** The offices (9-digit codes) that get demo records: 'all' (default) or a list. */
  offices: 'all' | string[];
  /** Offices whose records are taken step by step (the record sheet issued): by default the demo accounts' offices; the others' are imported whole. */
  stepByStep: string[];
  /** Records a year of each. */
  perOffice: number;
}

export const defaultConsultationDemo: ConsultationDemoOptions = { offices: 'all', stepByStep: ['150402001', '150402002'], perOffice: 12 };

const demoMark = '【示范】';


/** The day (YYYY-MM-DD) of an instant in China time (UTC+8, no daylight saving). */
export const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Topic {
  matter: string;
  question: string;
  facts: string;
  answer: string;
  basis: string;
  /** Where such a consultation is usually referred, if anywhere. */
  referral?: ConsultationReferral;
  referredTo?: string;
}

/** Typical questions at a township judicial office (invented wording; the articles are those such answers cite). */
const topics: readonly Topic[] = [
  {
    matter: 'marriage-family',
    question: '协议离婚不成，夫妻共同财产怎么分？',
    facts: '咨询人与配偶分居两年，双方对房屋和存款分割意见不一。',
    answer: '可协商分割；协议不成的，可向人民法院起诉，由法院按照照顾子女、女方和无过错方权益的原则判决。',
    basis: '《中华人民共和国民法典》第一千零八十七条',
  },
  {
    matter: 'inheritance',
    question: '父亲去世没留遗嘱，老房子怎么继承？',
    facts: '咨询人父亲去世，留有自建房一处，兄妹三人对继承份额有分歧。',
    answer: '无遗嘱的按法定继承办理，第一顺序继承人为配偶、子女、父母，同一顺序继承人继承遗产的份额一般应当均等；可协商后办理继承公证。',
    basis: '《中华人民共和国民法典》第一千一百二十七条、第一千一百三十条',
    referral: 'notary',
    referredTo: '红山区公证处',
  },
  {
    matter: 'labour',
    question: '工地老板拖欠工资三个月，怎么讨要？',
    facts: '咨询人在建筑工地务工，包工头以工程款未结为由拖欠工资。',
    answer: '可收集考勤、转账记录等证据，向劳动保障监察机构投诉，或向劳动争议仲裁委员会申请仲裁；经济困难的可申请法律援助。',
    basis: '《中华人民共和国劳动争议调解仲裁法》第五条；《保障农民工工资支付条例》',
    referral: 'arbitration',
    referredTo: '区劳动人事争议仲裁委员会',
  },
  {
    matter: 'land-housing',
    question: '村里要收回我家的承包地重新分，合法吗？',
    facts: '村民委员会拟调整部分农户承包地，咨询人家中承包地在调整范围内。',
    answer: '承包期内发包方不得收回承包地，不得调整承包地；确需个别调整的须经法定程序并报批。可先与村委会协商，协商不成可申请调解。',
    basis: '《中华人民共和国农村土地承包法》第二十七条、第二十八条',
    referral: 'mediation',
    referredTo: '村人民调解委员会',
  },
  {
    matter: 'land-housing',
    question: '邻居盖房挡了我家采光和排水，怎么办？',
    facts: '邻居翻建房屋，新房屋檐伸出，雨水排向咨询人院内。',
    answer: '不动产相邻权利人应按照有利生产、方便生活、团结互助、公平合理的原则处理相邻关系；建议先行调解。',
    basis: '《中华人民共和国民法典》第二百八十八条、第二百九十三条',
    referral: 'mediation',
    referredTo: '街道人民调解委员会',
  },
  {
    matter: 'contract-debt',
    question: '借钱给亲戚五年了不还，借条还有效吗？',
    facts: '咨询人五年前出借两万元，有借条，未约定还款期限，期间多次催要。',
    answer: '未约定还款期限的，出借人可随时催告；诉讼时效期间为三年，自知道或者应当知道权利受到损害以及义务人之日起计算，催要可使时效中断，应保留催要证据；可向人民法院起诉。',
    basis: '《中华人民共和国民法典》第一百八十八条、第一百九十五条',
    referral: 'litigation',
    referredTo: '区人民法院诉讼服务中心',
  },
  {
    matter: 'damages',
    question: '骑电动车被汽车撞伤，对方保险不赔怎么办？',
    facts: '交警已出具事故认定书，对方负主要责任，保险公司对误工费有异议。',
    answer: '机动车发生交通事故造成损害的，依照道路交通安全法和民法典的有关规定承担赔偿责任；可申请交通事故人民调解，也可起诉。',
    basis: '《中华人民共和国民法典》第一千二百零八条；《中华人民共和国道路交通安全法》第七十六条',
  },
  {
    matter: 'contract-debt',
    question: '经济困难请不起律师，能申请法律援助吗？',
    facts: '咨询人为低保户，因讨要工伤赔偿需提起诉讼。',
    answer: '因经济困难没有委托代理人的，可就请求工伤事故人身损害赔偿等事项申请法律援助；可在司法所提交申请，由司法所转交法律援助机构。',
    basis: '《中华人民共和国法律援助法》第三十一条',
    referral: 'legal-aid',
    referredTo: '区法律援助中心',
  },
  {
    matter: 'administrative',
    question: '对乡政府的处罚决定不服，怎么办？',
    facts: '咨询人因违规建设被乡人民政府作出罚款决定。',
    answer: '可自知道该行政行为之日起六十日内申请行政复议，也可依法提起行政诉讼；司法所可代为转递复议申请。',
    basis: '《中华人民共和国行政复议法》第二十条',
    referral: 'reconsideration',
    referredTo: '区人民政府行政复议机构',
  },
  {
    matter: 'marriage-family',
    question: '子女不给老人赡养费，老人能要吗？',
    facts: '咨询人年过七十，三个子女均以经济困难为由不支付赡养费。',
    answer: '成年子女不履行赡养义务的，缺乏劳动能力或者生活困难的父母有要求成年子女给付赡养费的权利；可先行调解，调解不成可起诉。',
    basis: '《中华人民共和国民法典》第一千零六十七条',
  },
  {
    matter: 'other',
    question: '网购的衣服不合适，商家不给退怎么办？',
    facts: '咨询人网购衣物，收货三天后申请退货被拒。',
    answer: '经营者采用网络方式销售商品的，消费者有权自收到商品之日起七日内退货，且无需说明理由（法定除外情形除外）；可向平台或市场监管部门投诉。',
    basis: '《中华人民共和国消费者权益保护法》第二十五条',
  },
  {
    matter: 'contract-debt',
    question: '在外地打工，老家房子过户要本人到场吗？',
    facts: '咨询人长期在外务工，需委托亲属办理房屋过户手续。',
    answer: '可办理委托书公证，由受托人持公证委托书代为办理。',
    basis: '《中华人民共和国公证法》第十一条',
    referral: 'notary',
    referredTo: '区公证处',
  },
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭'];
const channels: readonly (readonly [ConsultationChannel, number])[] = [
  ['visit', 40],
  ['phone', 34],
  ['online', 12],
  ['video', 8],
  ['letter', 6],
];

export interface PlannedRecord {
  day: string;
  channel: ConsultationChannel;
  topic: Topic;
  person: { role: 'consultant'; name: string | null; phone?: string }[];
  identityDeclined: boolean;
  /** Steps after the opening, each with its day. */
  steps: { transition: 'reply' | 'refer' | 'follow-up' | 'close'; on: string; fields: Record<string, unknown> }[];
}

/** The demo records of one office between `from` and `to` (inclusive), whatever today is. */
export function plannedRecords(orgCode: string, count: number, from: string, to: string, isWorkingDay: (day: string) => boolean): PlannedRecord[] {
  const g = demoRandom(`consultation-demo:${orgCode}`);
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  const records: PlannedRecord[] = [];
  for (let i = 0; i < count; i++) {
    let day = addDays(from, Math.floor(((i + g.next()) / count) * span));
    for (let k = 0; k < 7 && !isWorkingDay(day) && day < to; k++) day = addDays(day, 1);
    const channel = g.weighted(channels);
    const topic = g.pick(topics);
    const anonymous = channel === 'phone' || channel === 'online' ? g.next() < 0.35 : g.next() < 0.08;
    const person = anonymous ? [] : [{ role: 'consultant' as const, name: `${g.pick(surnames)}某某（示范）`, phone: `1380000${String(g.int(0, 9999)).padStart(4, '0')}` }];
    const later = (days: number) => (addDays(day, days) <= to ? addDays(day, days) : day);
    const written = channel === 'letter' || channel === 'online';
    const steps: PlannedRecord['steps'] = [];
    // Letters and online messages are answered later; the newest few stay open (a running deadline).
    const recent = addDays(day, 10) > to;
    if (written && !recent) steps.push({ transition: 'reply', on: later(channel === 'letter' ? g.int(2, 6) : 1), fields: { answer: topic.answer, basis: topic.basis, replyForm: channel === 'letter' ? 'letter' : 'online' } });
    if (!written || !recent) {
      if (topic.referral && g.next() < 0.8) {
        const referredOn = steps.at(-1)?.on ?? day;
        steps.push({ transition: 'refer', on: referredOn, fields: { referral: topic.referral, referredTo: topic.referredTo, answer: topic.answer, basis: topic.basis } });
        if (g.next() < 0.75 && addDays(referredOn, 20) <= to) {
          steps.push({ transition: 'follow-up', on: addDays(referredOn, g.int(7, 20)), fields: { outcome: g.weighted([['accepted', 4], ['resolved', 4], ['gave-up', 1], ['not-accepted', 1]] as const) } });
        }
      } else if (g.next() < 0.9) {
        steps.push({ transition: 'close', on: steps.at(-1)?.on ?? day, fields: { answer: topic.answer, basis: topic.basis } });
      }
    }
    records.push({ day, channel, topic, person, identityDeclined: anonymous && g.next() < 0.5, steps });
  }
  return records;
}

/** One planned record as the engine takes it (opened, then its steps). */
function caseFileOf(planned: PlannedRecord): DemoCaseFile {
  const written = planned.channel === 'letter' || planned.channel === 'online';
  return {
    on: planned.day,
    fields: {
      channel: planned.channel,
      person: planned.person,
      identityDeclined: planned.identityDeclined,
      matter: planned.topic.matter,
      question: `${demoMark}${planned.topic.question}`,
      facts: planned.topic.facts,
      // Answered on the spot, except letters and online messages (answered at the reply step).
      ...(written ? {} : { answer: planned.topic.answer, basis: planned.topic.basis }),
    },
    steps: planned.steps,
  };
}

export async function seedDemoConsultations(ctx: PluginSeedContext, options: ConsultationDemoOptions): Promise<{ records: number } | void> {
  const offices = ctx.orgCodes.filter((code) => code.length === 9 && (options.offices === 'all' || options.offices.includes(code)));
  if (offices.length === 0 || options.perOffice <= 0) return;
  if (!ctx.catalog.caseTypes.some((type) => type.code === consultationCaseTypeCode)) return;
  const today = chinaDay(ctx.now());
  const to = addDays(today, -1);
  const from = demoYearStart(today);
  const done = await seedDemoCaseFiles(ctx, {
    type: consultationCaseTypeCode,
    offices,
    stepByStep: new Set(options.stepByStep),
    plan: (scoped, org) => plannedRecords(org.code, options.perOffice, from, to, (day) => scoped.calendar.isWorkingDay(day)).map(caseFileOf),
  });
  ctx.log(`demo consultation records: ${done.cases} for ${done.offices} offices${done.skipped ? ` (${done.skipped} had records already)` : ''} in ${done.ms} ms (${from} … ${to}; labelled 示范)`);
  return { records: done.cases };
}
