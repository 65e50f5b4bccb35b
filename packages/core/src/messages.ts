/**
 * Messages of Sifa Kit's own validation rules, in every UI language. Schemas carry a key
 * (`msg('orgCode')` → "§orgCode") instead of a sentence, because zod composes messages at
 * parse time while the reader's language is known only when the error is shown; the server's
 * error formatter and the widgets both render the key in the reader's locale.
 *
 * MONGOLIAN: every `mn` text below is a DRAFT written by a non-speaker from classical Mongolian
 * vocabulary, in traditional script; the comment above each is its Latin transliteration
 * (`mn draft: …`, suffixes joined by "-" = U+202F, "_" = U+180E, `…` = written as is; "dugar"
 * is written with U+180B after its d, as in the dashboard's), for the reviewer. All of them are
 * drafts until a native speaker has checked them. The diary's texts are the ones <sifa-diary>
 * already showed for them (components/src/diary/messages.mn-Mong.ts). Every core message has one
 * (`CatalogText`), so mn-Mong readers never get the Chinese.
 */
import type { LocalizedText } from './locale.js';

/** A core catalog message: Chinese, English and the (draft) Mongolian, all required. */
type CatalogText = LocalizedText & { mn: string };

export const validationMessages = {
  orgCode: {
    zh: '单位代码应为 2、4、6、9 或 12 位的官方区划代码。',
    en: 'An organisation code is an official division code of 2, 4, 6, 9 or 12 digits.',
    // mn draft: bayigullag_a-yin dugar anu 2, 4, 6, 9 buyu 12 orun-u jasag-un qubiyari-yin dugar bayiqu kereg-tei.
    mn: 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ ᠠᠨᠤ 2᠂ 4᠂ 6᠂ 9 ᠪᠤᠶᠤ 12 ᠣᠷᠤᠨ ᠤ ᠵᠠᠰᠠᠭ ᠤᠨ ᠬᠤᠪᠢᠶᠠᠷᠢ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  },
  permissionName: {
    zh: '权限名称格式为“插件标识.操作”，小写，例如 diary.write。',
    en: 'A permission name is "<plugin id>.<action>" in lower case, e.g. "diary.write".',
    // mn draft: erke-yin ner_e anu “nemelte-yin temdeg`.`Uiledel” kelberi-tei, jijig UsUg-iyer bicigdene, jisiyelebel `diary.write`.
    mn: 'ᠡᠷᠬᠡ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠠᠨᠤ “ᠨᠡᠮᠡᠯᠲᠡ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ.ᠦᠢᠯᠡᠳᠡᠯ” ᠬᠡᠯᠪᠡᠷᠢ ᠲᠡᠢ᠂ ᠵᠢᠵᠢᠭ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠪᠢᠴᠢᠭᠳᠡᠨᠡ᠂ ᠵᠢᠰᠢᠶᠡᠯᠡᠪᠡᠯ diary.write᠃',
  },
  metricCode: {
    zh: '指标代码格式为“插件标识.名称”，小写，例如 mediation.cases-closed。',
    en: 'A metric code is "<plugin id>.<name>" in lower case, e.g. "mediation.cases-closed".',
    // mn draft: UjUlelte-yin temdeg anu “nemelte-yin temdeg`.`ner_e” kelberi-tei, jijig UsUg-iyer bicigdene, jisiyelebel `mediation.cases-closed`.
    mn: 'ᠦᠵᠦᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ ᠠᠨᠤ “ᠨᠡᠮᠡᠯᠲᠡ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ.ᠨᠡᠷ᠎ᠡ” ᠬᠡᠯᠪᠡᠷᠢ ᠲᠡᠢ᠂ ᠵᠢᠵᠢᠭ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠪᠢᠴᠢᠭᠳᠡᠨᠡ᠂ ᠵᠢᠰᠢᠶᠡᠯᠡᠪᠡᠯ mediation.cases-closed᠃',
  },
  sourceKind: {
    zh: '来源类型格式为“插件标识.记录类型”，例如 diary.entry。',
    en: 'A source kind is "<plugin id>.<record type>", e.g. "diary.entry".',
    // mn draft: egUsbUri-yin tOrOl anu “nemelte-yin temdeg`.`temdeglel-Un tOrOl” kelberi-tei, jisiyelebel `diary.entry`.
    mn: 'ᠡᠭᠦᠰᠪᠦᠷᠢ ᠶᠢᠨ ᠲᠥᠷᠥᠯ ᠠᠨᠤ “ᠨᠡᠮᠡᠯᠲᠡ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ.ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠦᠨ ᠲᠥᠷᠥᠯ” ᠬᠡᠯᠪᠡᠷᠢ ᠲᠡᠢ᠂ ᠵᠢᠰᠢᠶᠡᠯᠡᠪᠡᠯ diary.entry᠃',
  },
  contributionCode: {
    zh: '贡献项代码格式为“插件标识.名称”，小写。',
    en: 'A contribution code is "<plugin id>.<name>" in lower case.',
    // mn draft: qubi nemeri-yin temdeg anu “nemelte-yin temdeg`.`ner_e” kelberi-tei, jijig UsUg-iyer bicigdene.
    mn: 'ᠬᠤᠪᠢ ᠨᠡᠮᠡᠷᠢ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ ᠠᠨᠤ “ᠨᠡᠮᠡᠯᠲᠡ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ.ᠨᠡᠷ᠎ᠡ” ᠬᠡᠯᠪᠡᠷᠢ ᠲᠡᠢ᠂ ᠵᠢᠵᠢᠭ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠪᠢᠴᠢᠭᠳᠡᠨᠡ᠃',
  },
  pluginId: {
    zh: '插件标识为 2–40 位小写字母、数字或“-”，以字母开头。',
    en: 'A plugin id is 2–40 characters of lower-case letters, digits and "-", starting with a letter.',
    // mn draft: nemelte-yin temdeg anu 2–40 jijig UsUg, tog_a buyu `-`-ece bUridUn_e, UsUg-iyer ekilen_e.
    mn: 'ᠨᠡᠮᠡᠯᠲᠡ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ ᠠᠨᠤ 2–40 ᠵᠢᠵᠢᠭ ᠦᠰᠦᠭ᠂ ᠲᠣᠭ᠎ᠠ ᠪᠤᠶᠤ - ᠡᠴᠡ ᠪᠦᠷᠢᠳᠦᠨ᠎ᠡ᠂ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠡᠬᠢᠯᠡᠨ᠎ᠡ᠃',
  },
  semver: {
    zh: '版本号应符合语义化版本，例如 1.2.0。',
    en: 'A version is semver, e.g. "1.2.0".',
    // mn draft: qubilbur-un dugar anu `semver` kelberi-tei, jisiyelebel `1.2.0`.
    mn: 'ᠬᠤᠪᠢᠯᠪᠤᠷ ᠤᠨ ᠳ᠋ᠤᠭᠠᠷ ᠠᠨᠤ semver ᠬᠡᠯᠪᠡᠷᠢ ᠲᠡᠢ᠂ ᠵᠢᠰᠢᠶᠡᠯᠡᠪᠡᠯ 1.2.0᠃',
  },
  isoDay: {
    zh: '日期格式应为 YYYY-MM-DD。',
    en: 'A date is written YYYY-MM-DD.',
    // mn draft: edUr-i `YYYY-MM-DD` metU bicin_e UU.
    mn: 'ᠡᠳᠦᠷ ᠢ YYYY-MM-DD ᠮᠡᠲᠦ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  fromAfterTo: {
    zh: '开始日期不能晚于结束日期。',
    en: '"from" must not be after "to".',
    // mn draft: ekilekU edUr dagusqu edUr-ece qojim bayiju bolqu Ugei.
    mn: 'ᠡᠬᠢᠯᠡᠬᠦ ᠡᠳᠦᠷ ᠳᠠᠭᠤᠰᠬᠤ ᠡᠳᠦᠷ ᠡᠴᠡ ᠬᠣᠵᠢᠮ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  levelWithGrouping: {
    zh: '按层级分组（groupBy: level）时须指定层级 level，其他分组不能指定。',
    en: 'Give "level" exactly when grouping by level (groupBy: "level").',
    // mn draft: dabqurg_a-bar bUlUglekU (`groupBy: level`) bolbasu dabqurg_a `level`-i jigaqu kereg-tei, busu bUlUglel-dU jigaju bolqu Ugei.
    mn: 'ᠳᠠᠪᠬᠤᠷᠭ᠎ᠠ ᠪᠠᠷ ᠪᠦᠯᠦᠭᠯᠡᠬᠦ (groupBy: level) ᠪᠣᠯᠪᠠᠰᠤ ᠳᠠᠪᠬᠤᠷᠭ᠎ᠠ level ᠢ ᠵᠢᠭᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠂ ᠪᠤᠰᠤ ᠪᠦᠯᠦᠭᠯᠡᠯ ᠳᠦ ᠵᠢᠭᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  period: {
    zh: '期间格式为年（2026）、季度（2026-Q3）或月（2026-07）。',
    en: 'A period is a year (2026), a quarter (2026-Q3) or a month (2026-07).',
    // mn draft: qugucag_a anu on (`2026`), ulirail (`2026-Q3`) buyu sar_a (`2026-07`) bayin_a.
    mn: 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠠᠨᠤ ᠣᠨ (2026)᠂ ᠤᠯᠢᠷᠠᠢᠯ (2026-Q3) ᠪᠤᠶᠤ ᠰᠠᠷ᠎ᠠ (2026-07) ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  diaryNumber: {
    zh: '请填写数字。',
    en: 'Enter a number.',
    // mn draft: too bicin_e UU.
    mn: 'ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  diaryWholeNumber: {
    zh: '请填写整数。',
    en: 'Enter a whole number.',
    // mn draft: bUkUl too bicin_e UU.
    mn: 'ᠪᠦᠬᠦᠯ ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  diaryNotNegative: {
    zh: '不能小于 0。',
    en: 'Must not be less than 0.',
    // mn draft: 0-ece baga bayiju bolqu Ugei.
    mn: '0 ᠡᠴᠡ ᠪᠠᠭᠠ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  diaryTooLarge: {
    zh: '数值超出允许范围。',
    en: 'The number is larger than allowed.',
    // mn draft: too keterkei yeke bayin_a.
    mn: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠶᠡᠬᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  diaryText: {
    zh: '请填写文字。',
    en: 'Enter text.',
    // mn draft: Ug bicin_e UU.
    mn: 'ᠦᠭ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  diaryRequired: {
    zh: '此项必填。',
    en: 'This field is required.',
    // mn draft: ene jUil-i bOglekU kereg-tei.
    mn: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠢ ᠪᠥᠭᠯᠡᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  },
  diaryTooLong: {
    zh: '内容超出长度限制。',
    en: 'The text is too long.',
    // mn draft: Ug keterkei urtu bayin_a.
    mn: 'ᠦᠭ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠤᠷᠲᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  diaryChoice: {
    zh: '请选择一个选项。',
    en: 'Choose one of the options.',
    // mn draft: nige-yi soNgon_a UU.
    mn: 'ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠦᠦ᠃',
  },
  diaryTooManyFiles: {
    zh: '附件数量超出限制。',
    en: 'Too many attachments.',
    // mn draft: qabsurulta keterkei olan bayin_a.
    mn: 'ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠣᠯᠠᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  diaryUnknownField: {
    zh: '包含此事项没有的字段。',
    en: 'Contains a field this item does not have.',
    // mn draft: ene jUil-dU Ugei talbar bayin_a.
    mn: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠳᠦ ᠦᠭᠡᠢ ᠲᠠᠯᠪᠠᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  invalidValue: {
    zh: '此项填写有误。',
    en: 'This value is not valid.',
    // mn draft: ene jUil buruu bicigdebe.
    mn: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠪᠤᠷᠤᠤ ᠪᠢᠴᠢᠭᠳᠡᠪᠡ᠃',
  },
  caseRequired: {
    zh: '此项必填。',
    en: 'This field is required.',
    // mn draft: ene jUil-i bOglekU kereg-tei.
    mn: 'ᠡᠨᠡ ᠵᠦᠢᠯ ᠢ ᠪᠥᠭᠯᠡᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  },
  caseText: {
    zh: '请填写文字。',
    en: 'Enter text.',
    // mn draft: Ug bicin_e UU.
    mn: 'ᠦᠭ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  caseTooLong: {
    zh: '内容超出长度限制。',
    en: 'The text is too long.',
    // mn draft: Ug keterkei urtu bayin_a.
    mn: 'ᠦᠭ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠤᠷᠲᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  caseNumber: {
    zh: '请填写数字。',
    en: 'Enter a number.',
    // mn draft: too bicin_e UU.
    mn: 'ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  caseWholeNumber: {
    zh: '请填写整数。',
    en: 'Enter a whole number.',
    // mn draft: bUkUl too bicin_e UU.
    mn: 'ᠪᠦᠬᠦᠯ ᠲᠣᠣ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  caseTooSmall: {
    zh: '数值小于允许的最小值。',
    en: 'The number is smaller than allowed.',
    // mn draft: too keterkei baga bayin_a.
    mn: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠪᠠᠭᠠ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  caseTooLarge: {
    zh: '数值超出允许范围。',
    en: 'The number is larger than allowed.',
    // mn draft: too keterkei yeke bayin_a.
    mn: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠶᠡᠬᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  caseDate: {
    zh: '日期格式应为 YYYY-MM-DD。',
    en: 'A date is written YYYY-MM-DD.',
    // mn draft: edUr-i `YYYY-MM-DD` metU bicin_e UU.
    mn: 'ᠡᠳᠦᠷ ᠢ YYYY-MM-DD ᠮᠡᠲᠦ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  caseBoolean: {
    zh: '请选择是或否。',
    en: 'Choose yes or no.',
    // mn draft: tiyimU buyu Ugei-yi soNgon_a uu.
    mn: 'ᠲᠢᠶᠢᠮᠦ ᠪᠤᠶᠤ ᠦᠭᠡᠢ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  },
  caseChoice: {
    zh: '请选择一个给定的选项。',
    en: 'Choose one of the options.',
    // mn draft: Ogtegsen soNgolta-aca nige-yi soNgon_a uu.
    mn: 'ᠥᠭᠲᠡᠭᠰᠡᠨ ᠰᠣᠩᠭᠣᠯᠲᠠ ᠠᠴᠠ ᠨᠢᠭᠡ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  },
  caseDuplicate: {
    zh: '同一项不能重复选择。',
    en: 'Each item may be chosen only once.',
    // mn draft: nige jUil-i dakin soNgoju bolqu Ugei.
    mn: 'ᠨᠢᠭᠡ ᠵᠦᠢᠯ ᠢ ᠳᠠᠬᠢᠨ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  caseTooManyItems: {
    zh: '数量超出限制。',
    en: 'Too many items.',
    // mn draft: too keterkei olan bayin_a.
    mn: 'ᠲᠣᠣ ᠬᠡᠲᠡᠷᠬᠡᠢ ᠣᠯᠠᠨ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  caseTooFewItems: {
    zh: '数量少于要求。',
    en: 'Too few items.',
    // mn draft: too dutagu bayin_a.
    mn: 'ᠲᠣᠣ ᠳᠤᠲᠠᠭᠤ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  caseParties: {
    zh: '请填写当事人。',
    en: 'Enter the parties.',
    // mn draft: tal_a-yi bicin_e UU.
    mn: 'ᠲᠠᠯ᠎ᠠ ᠶᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  casePartyRole: {
    zh: '请选择当事人的身份。',
    en: "Choose the party's role.",
    // mn draft: tal_a-yin bayiri-yi soNgon_a uu.
    mn: 'ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠪᠠᠶᠢᠷᠢ ᠶᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  },
  casePartyName: {
    zh: '请填写当事人姓名或名称。',
    en: "Enter the party's name.",
    // mn draft: tal_a-yin ner_e-yi bicin_e UU.
    mn: 'ᠲᠠᠯ᠎ᠠ ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠶᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  caseIdNumber: {
    zh: '身份证号码应为 18 位，且校验位正确。',
    en: 'An ID number has 18 characters with a correct check digit.',
    // mn draft: biy_e-yin Unemlekui-yin dugar 18 orun-tai, sinjilekU orun anu jOb bayiqu kereg-tei.
    mn: 'ᠪᠢᠶ᠎ᠡ ᠶᠢᠨ ᠦᠨᠡᠮᠯᠡᠬᠤᠢ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ 18 ᠣᠷᠤᠨ ᠲᠠᠢ᠂ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ ᠣᠷᠤᠨ ᠠᠨᠤ ᠵᠥᠪ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  },
  casePhone: {
    zh: '电话号码应为 11 位手机号或带区号的固定电话。',
    en: 'A phone number is an 11-digit mobile number or a landline with its area code.',
    // mn draft: utasu-yin dugar anu 11 orun-tai gar utasu buyu bUs-Un dugar-tai saguri utasu bayiqu kereg-tei.
    mn: 'ᠤᠲᠠᠰᠤ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ ᠠᠨᠤ 11 ᠣᠷᠤᠨ ᠲᠠᠢ ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠤᠶᠤ ᠪᠦᠰ ᠦᠨ ᠳ᠋ᠤᠭᠠᠷ ᠲᠠᠢ ᠰᠠᠭᠤᠷᠢ ᠤᠲᠠᠰᠤ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  },
  caseSignatures: {
    zh: '请填写签名情况。',
    en: 'Enter the signatures.',
    // mn draft: gar UsUg-Un bayidal-i bicin_e UU.
    mn: 'ᠭᠠᠷ ᠦᠰᠦᠭ ᠦᠨ ᠪᠠᠶᠢᠳᠠᠯ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  caseSigner: {
    zh: '签名人不是本案当事人或规定的签署人。',
    en: 'The signer is not a party of the case nor one of the required signers.',
    // mn draft: gar UsUg jirugci anu ene kereg-Un tal_a buyu togtagagsan gar UsUg jirugci bisi.
    mn: 'ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠭᠴᠢ ᠠᠨᠤ ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠠᠯ᠎ᠠ ᠪᠤᠶᠤ ᠲᠣᠭᠲᠠᠭᠠᠭᠰᠠᠨ ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠭᠴᠢ ᠪᠢᠰᠢ᠃',
  },
  caseSignedTwice: {
    zh: '同一签名人只能签署一次。',
    en: 'Each signer signs once.',
    // mn draft: nige kUmUn nige l udag_a gar UsUg jirun_a.
    mn: 'ᠨᠢᠭᠡ ᠬᠦᠮᠦᠨ ᠨᠢᠭᠡ ᠯ ᠤᠳᠠᠭ᠎ᠠ ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠨ᠎ᠠ᠃',
  },
  caseSignatureMissing: {
    zh: '尚有当事人或签署人未签名。',
    en: 'Not every party and required signer has signed.',
    // mn draft: gar UsUg jirugagui tal_a buyu jirugci bayin_a.
    mn: 'ᠭᠠᠷ ᠦᠰᠦᠭ ᠵᠢᠷᠤᠭᠠᠭᠤᠢ ᠲᠠᠯ᠎ᠠ ᠪᠤᠶᠤ ᠵᠢᠷᠤᠭᠴᠢ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  caseAttachment: {
    zh: '请选择本案已上传的附件。',
    en: "Choose files uploaded to the case.",
    // mn draft: ene kereg-tU orugulugsan qabsurulta-aca soNgon_a uu.
    mn: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠲᠦ ᠣᠷᠤᠭᠤᠯᠤᠭᠰᠠᠨ ᠬᠠᠪᠰᠤᠷᠤᠯᠲᠠ ᠠᠴᠠ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  },
  caseDayInFuture: {
    zh: '日期不能晚于今天。',
    en: 'The day must not be after today.',
    // mn draft: edUr OnOdUr-ece qojim bayiju bolqu Ugei.
    mn: 'ᠡᠳᠦᠷ ᠥᠨᠥᠳᠦᠷ ᠡᠴᠡ ᠬᠣᠵᠢᠮ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  caseDayBeforeLast: {
    zh: '日期不能早于本案上一步骤的日期。',
    en: "The day must not be before the case's previous step.",
    // mn draft: edUr ene kereg-Un OmUneki alqum-un edUr-ece emUne bayiju bolqu Ugei.
    mn: 'ᠡᠳᠦᠷ ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠦᠨ ᠥᠮᠦᠨᠡᠬᠢ ᠠᠯᠬᠤᠮ ᠤᠨ ᠡᠳᠦᠷ ᠡᠴᠡ ᠡᠮᠦᠨᠡ ᠪᠠᠶᠢᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  caseUnknownField: {
    zh: '包含此步骤没有的字段。',
    en: 'Contains a field this step does not have.',
    // mn draft: ene alqum-du Ugei talbar bayin_a.
    mn: 'ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠳᠤ ᠦᠭᠡᠢ ᠲᠠᠯᠪᠠᠷ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  caseCheckReason: {
    zh: '此项审查提示需要注意：仍要办理的，请说明理由。',
    en: 'This check needs attention: to go ahead, give the reason.',
    // mn draft: ene sinjilge-dU aNqarul qandugulqu kereg-tei: UrgUljilen kikU bolbasu siltagan-i bicin_e UU.
    mn: 'ᠡᠨᠡ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠳᠦ ᠠᠩᠬᠠᠷᠤᠯ ᠬᠠᠨᠳᠤᠭᠤᠯᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠄ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠬᠢᠬᠦ ᠪᠣᠯᠪᠠᠰᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ ᠦᠦ᠃',
  },
  caseAssignUser: {
    zh: '只能指定本案所属单位或其上级单位的工作人员。',
    en: "Choose a user of the case's office or of a unit above it.",
    // mn draft: ene kereg-Un baiguullag_a buyu deger_e-ki baiguullag_a-yin ajiltan-i soNgon_a uu.
    mn: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠦᠨ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠤᠶᠤ ᠳᠡᠭᠡᠷᠡᠬᠢ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  },
  caseAssignKeepSelf: {
    zh: '本案仅对承办人员可见：请保留您自己，由新的承办人员再将您移出。',
    en: 'Only the responsible staff see this case: keep yourself among them; the new staff can remove you afterwards.',
    // mn draft: ene kereg-i jObkEn qariyucagci ajiltan UjenE: Ober-iyen Uldegegerei.
    mn: 'ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠢ ᠵᠦᠪᠬᠡᠨ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠴᠢ ᠠᠵᠢᠯᠲᠠᠨ ᠦᠵᠡᠨ᠎ᠡ᠄ ᠥᠪᠡᠷ ᠢ ᠪᠡᠨ ᠦᠯᠡᠳᠡᠭᠡᠭᠡᠷᠡᠢ᠃',
  },
  caseCheckBlocked: {
    zh: '此项审查未通过，不能办理此步骤（不能说明理由后继续）：请按提示更正后再办理。',
    en: 'This check fails: the step cannot be taken (no reason can override it). Fix what it says, then try again.',
    // mn draft: ene alqum-i kikU bolqu Ugei.
    mn: 'ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠢ ᠬᠢᠬᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  caseCheckUnknown: {
    zh: '此步骤没有这项审查提示。',
    en: 'This step has no such check.',
    // mn draft: ene alqum-du ene sinjilge Ugei.
    mn: 'ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠳᠤ ᠡᠨᠡ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠭᠡᠢ᠃',
  },
  publicConsentChanged: {
    zh: '个人信息处理说明已更新，请刷新页面阅读并重新勾选同意。',
    en: 'The notice on personal information has changed: reload the page, read it and agree again.',
    // mn draft: kUmUn-U medeel-i kereglekU tayilburi sinecilegdebe: nigur-i sinecilejU, unsiju, dakin jObSiyeren_e UU.
    mn: 'ᠬᠦᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠡᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠲᠠᠶᠢᠯᠪᠤᠷᠢ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ᠄ ᠨᠢᠭᠤᠷ ᠢ ᠰᠢᠨᠡᠴᠢᠯᠡᠵᠦ᠂ ᠤᠨᠰᠢᠵᠤ᠂ ᠳᠠᠬᠢᠨ ᠵᠥᠪᠱᠢᠶᠡᠷᠡᠨ᠎ᠡ ᠦᠦ᠃',
  },
  publicOfficeOnly: {
    zh: '请选择一个司法所（乡镇、街道）。',
    en: 'Choose a judicial office (township or street).',
    // mn draft: nige sigUkUi-yin tasag (sumu, jegeli) soNgon_a uu.
    mn: 'ᠨᠢᠭᠡ ᠰᠢᠭᠦᠬᠦᠢ ᠶᠢᠨ ᠲᠠᠰᠠᠭ (ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ) ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃',
  },
  divisionCode: {
    zh: '区划代码应为 9 位（乡镇、街道）或 12 位（村、社区）的统计用区划代码。',
    en: 'A division code is a statistical division code of 9 digits (township or street) or 12 digits (village or community).',
    // mn draft: qubiyari-yin dugar anu 9 (sumu, jegeli) buyu 12 (g_acag_a, qoriy_a) orun-u bayiqu kereg-tei.
    mn: 'ᠬᠤᠪᠢᠶᠠᠷᠢ ᠶᠢᠨ ᠳ᠋ᠤᠭᠠᠷ ᠠᠨᠤ 9 (ᠰᠤᠮᠤ᠂ ᠵᠡᠭᠡᠯᠢ) ᠪᠤᠶᠤ 12 (ᠭᠠᠴᠠᠭ᠎ᠠ᠂ ᠬᠣᠷᠢᠶ᠎ᠠ) ᠣᠷᠤᠨ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  },
  divisionSearch: {
    zh: '请输入要查找的乡镇（街道）或村（社区）的名称或代码（1 到 40 个字）。',
    en: 'Type the name or code of the township or village to look for (1 to 40 characters).',
    // mn draft: erikU sumu (jegeli) buyu g_acag_a (qoriy_a)-yin ner_e buyu dugar-i orug_ulun_a uu (1-ece 40 UsUg).
    mn: 'ᠡᠷᠢᠬᠦ ᠰᠤᠮᠤ (ᠵᠡᠭᠡᠯᠢ) ᠪᠤᠶᠤ ᠭᠠᠴᠠᠭ᠎ᠠ (ᠬᠣᠷᠢᠶ᠎ᠠ) ᠶᠢᠨ ᠨᠡᠷ᠎ᠡ ᠪᠤᠶᠤ ᠳ᠋ᠤᠭᠠᠷ ᠢ ᠣᠷᠤᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ (1 ᠡᠴᠡ 40 ᠦᠰᠦᠭ)᠃',
  },
  serviceAreaEmpty: {
    zh: '司法所的服务区域至少包括一个乡镇（街道）。',
    en: 'A judicial office serves at least one township or street.',
    // mn draft: sigUkUi-yin tasag-un UilecilgE-yin orcin dor_a qamug_iyar nige sumu (jegeli)-yi bagtag_an_a.
    mn: 'ᠰᠢᠭᠦᠬᠦᠢ ᠶᠢᠨ ᠲᠠᠰᠠᠭ ᠤᠨ ᠦᠢᠯᠡᠴᠢᠯᠭᠡ ᠶᠢᠨ ᠣᠷᠴᠢᠨ ᠳᠣᠣᠷ᠎ᠠ ᠬᠠᠮᠤᠭ ᠢᠶᠠᠷ ᠨᠢᠭᠡ ᠰᠤᠮᠤ (ᠵᠡᠭᠡᠯᠢ) ᠶᠢ ᠪᠠᠭᠲᠠᠭᠠᠨ᠎ᠠ᠃',
  },
  entryPointId: {
    zh: '数据入口标识为小写字母、数字或“-”，以字母开头，例如 mediation-cases。',
    en: 'An entry point id is lower-case letters, digits and "-", starting with a letter, e.g. "mediation-cases".',
    // mn draft: tog_a barimta-yin orog_a-yin temdeg anu jijig UsUg, tog_a buyu `-`-ece bUridUn_e, UsUg-iyer ekilen_e, jisiyelebel `mediation-cases`.
    mn: 'ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠣᠷᠣᠭ᠎ᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ ᠠᠨᠤ ᠵᠢᠵᠢᠭ ᠦᠰᠦᠭ᠂ ᠲᠣᠭ᠎ᠠ ᠪᠤᠶᠤ - ᠡᠴᠡ ᠪᠦᠷᠢᠳᠦᠨ᠎ᠡ᠂ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠡᠬᠢᠯᠡᠨ᠎ᠡ᠂ ᠵᠢᠰᠢᠶᠡᠯᠡᠪᠡᠯ mediation-cases᠃',
  },
  entryPointGroupId: {
    zh: '数据入口分组标识为小写字母、数字或“-”，以字母开头，例如 mediation。',
    en: 'An entry point group id is lower-case letters, digits and "-", starting with a letter, e.g. "mediation".',
    // mn draft: tog_a barimta-yin orog_a-yin bUlUg-Un temdeg anu jijig UsUg, tog_a buyu `-`-ece bUridUn_e, UsUg-iyer ekilen_e, jisiyelebel `mediation`.
    mn: 'ᠲᠣᠭ᠎ᠠ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠣᠷᠣᠭ᠎ᠠ ᠶᠢᠨ ᠪᠦᠯᠦᠭ ᠦᠨ ᠲᠡᠮᠳᠡᠭ ᠠᠨᠤ ᠵᠢᠵᠢᠭ ᠦᠰᠦᠭ᠂ ᠲᠣᠭ᠎ᠠ ᠪᠤᠶᠤ - ᠡᠴᠡ ᠪᠦᠷᠢᠳᠦᠨ᠎ᠡ᠂ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠡᠬᠢᠯᠡᠨ᠎ᠡ᠂ ᠵᠢᠰᠢᠶᠡᠯᠡᠪᠡᠯ mediation᠃',
  },
  entryPointMetrics: {
    zh: '一个数据入口包含 1 至 12 项指标。',
    en: 'An entry point shows 1 to 12 metrics.',
    // mn draft: nige orog_a-du 1-ece 12 kUrtele UjUlelte bayin_a.
    mn: 'ᠨᠢᠭᠡ ᠣᠷᠣᠭ᠎ᠠ ᠳᠤ 1 ᠡᠴᠡ 12 ᠬᠦᠷᠲᠡᠯᠡ ᠦᠵᠦᠯᠡᠯᠲᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠃',
  },
  entryPointDuplicateMetric: {
    zh: '同一数据入口中指标不能重复。',
    en: 'A metric appears only once in an entry point.',
    // mn draft: nige orog_a-du nige UjUlelte-yi dakin orugulju bolqu Ugei.
    mn: 'ᠨᠢᠭᠡ ᠣᠷᠣᠭ᠎ᠠ ᠳᠤ ᠨᠢᠭᠡ ᠦᠵᠦᠯᠡᠯᠲᠡ ᠶᠢ ᠳᠠᠬᠢᠨ ᠣᠷᠤᠭᠤᠯᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃',
  },
  entryPointRatio: {
    zh: '比率（ratio）入口须恰好包含两项指标：分子在前，分母在后。',
    en: 'A ratio entry point has exactly two metrics: the numerator first, then the denominator.',
    // mn draft: qaricagulta (`ratio`) orog_a yag qoyar UjUlelte-tei bayiqu kereg-tei: kUrtegUr emUne, qubiyari qoyin_a.
    mn: 'ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠲᠠ (ratio) ᠣᠷᠣᠭ᠎ᠠ ᠶᠠᠭ ᠬᠣᠶᠠᠷ ᠦᠵᠦᠯᠡᠯᠲᠡ ᠲᠡᠢ ᠪᠠᠶᠢᠬᠤ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠄ ᠬᠦᠷᠲᠡᠭᠦᠷ ᠡᠮᠦᠨᠡ᠂ ᠬᠤᠪᠢᠶᠠᠷᠢ ᠬᠣᠶᠢᠨ᠎ᠠ᠃',
  },
  entryPointFigureTitle: {
    zh: '合计（sum）或比率（ratio）入口须填写合并后数值的标题 figureTitle。',
    en: 'A sum or ratio entry point needs figureTitle, the title of its single figure.',
    // mn draft: nemegsen (`sum`) buyu qaricagulta (`ratio`) orog_a-du nigedUgsen tog_a-yin garcag `figureTitle`-i bicikU kereg-tei.
    mn: 'ᠨᠡᠮᠡᠭᠰᠡᠨ (sum) ᠪᠤᠶᠤ ᠬᠠᠷᠢᠴᠠᠭᠤᠯᠲᠠ (ratio) ᠣᠷᠣᠭ᠎ᠠ ᠳᠤ ᠨᠢᠭᠡᠳᠦᠭᠰᠡᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢᠨ ᠭᠠᠷᠴᠠᠭ figureTitle ᠢ ᠪᠢᠴᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ᠃',
  },
} as const satisfies Record<string, CatalogText>;

export type ValidationMessageKey = keyof typeof validationMessages;

const marker = '§';

/** The message argument for a zod check whose text lives in the catalog. */
export function msg(key: ValidationMessageKey): string {
  return `${marker}${key}`;
}

/** Catalogs plugins registered with `defineMessages`, by namespace (the plugin id). */
const pluginCatalogs = new Map<string, Readonly<Record<string, LocalizedText>>>();

/**
 * A plugin's own validation messages, rendered in the reader's language by the same error path
 * as core's (`fieldIssuesOf`, so every procedure's VALIDATION_FAILED issues): returns the key
 * function to pass as a zod check's message, like `msg()`. `namespace` is the plugin id.
 */
export function defineMessages<const T extends Record<string, LocalizedText>>(namespace: string, catalog: T): (key: keyof T & string) => string {
  pluginCatalogs.set(namespace, catalog);
  return (key) => `${marker}${namespace}:${key}`;
}

/** The catalog text behind a `msg()` (or a plugin's `defineMessages`) key, or null when `message` is not one. */
export function catalogMessage(message: string): LocalizedText | null {
  if (!message.startsWith(marker)) return null;
  const key = message.slice(marker.length);
  const colon = key.indexOf(':');
  if (colon >= 0) return pluginCatalogs.get(key.slice(0, colon))?.[key.slice(colon + 1)] ?? null;
  return validationMessages[key as ValidationMessageKey] ?? null;
}
