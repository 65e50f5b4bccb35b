/**
 * Who issues a document and how it is numbered and dated (GB/T 9704-2012 §7.2.4, §7.3.5):
 * the issuing authority's name and its 机关代字, the 文号 `红司督〔2026〕3号`, and the
 * 成文日期 written in full without padding (`2026年11月26日`).
 *
 * The org tree holds administrative divisions (红山区), not the bureaus that issue documents
 * (红山区司法局), so the issuing name is derived from the division by level; an installation
 * that knows the official names and marks configures them (`IssuerOverrides`).
 */
import { z } from 'zod';
import type { OrgNode } from '@sifa/core';

export interface Issuer {
  code: string;
  path: string;
  /** The issuing authority's name in Chinese and, when known, Mongolian. */
  name: { zh: string; mn?: string | undefined };
  /** 机关代字: the short mark that starts every 文号 of this issuer. */
  mark: string;
}

export const issuerOverridesSchema = z.record(
  z.string().regex(/^\d{2,12}$/),
  z.object({
    name: z.object({ zh: z.string().trim().min(2).max(40), mn: z.string().trim().min(1).max(120).optional() }).optional(),
    mark: z
      .string()
      .trim()
      .regex(/^[\p{Script=Han}A-Za-z]{1,6}$/u, 'An issuer mark (机关代字) is 1–6 Chinese characters or letters, e.g. 红司.')
      .optional(),
  }),
);
/** Official names and marks by org code, where the derived ones are not right. */
export type IssuerOverrides = z.infer<typeof issuerOverridesSchema>;

const bureauSuffixes = ['司法厅', '司法局', '司法所'];

/** 红山区 → 红山区司法局; 西屯街道司法所 stays; the region's bureau is a 厅. */
export function issuingNameOf(org: Pick<OrgNode, 'level' | 'name'>): string {
  const name = org.name.zh.trim();
  if (bureauSuffixes.some((s) => name.endsWith(s))) return name;
  switch (org.level) {
    case 'region':
      return `${name}司法厅`;
    case 'city':
    case 'county':
      return `${name}司法局`;
    default:
      return `${name}司法所`;
  }
}

/**
 * The usual 机关代字: the first character of the place and 司 for a justice body
 * (红山区司法局 → 红司, 赤峰市司法局 → 赤司); otherwise the first two characters.
 */
export function defaultIssuerMark(issuingName: string): string {
  const chars = [...issuingName.trim()];
  if (chars.length === 0) return '';
  if (issuingName.includes('司法')) return `${chars[0]}司`;
  return chars.slice(0, 2).join('');
}

export function issuerOf(org: OrgNode, overrides: IssuerOverrides): Issuer {
  const override = overrides[org.code];
  const zh = override?.name?.zh ?? issuingNameOf(org);
  return {
    code: org.code,
    path: org.path,
    name: { zh, mn: override?.name?.mn ?? undefined },
    mark: override?.mark ?? defaultIssuerMark(zh),
  };
}

/** 文号: issuer mark + the slot's mark + 〔year〕 + serial + 号 (no leading zeros, no 第). */
export function documentNumber(parts: { issuerMark: string; numberMark: string | null; year: number; serial: number | null }): string {
  // A preview takes no number: the serial stays blank, as on a draft awaiting registration.
  const serial = parts.serial === null ? '\u3000' : String(parts.serial);
  return `${parts.issuerMark}${parts.numberMark ?? ''}\u3014${parts.year}\u3015${serial}号`;
}

/** The calendar day and year of `instant` in `timeZone` (documents are dated in China time). */
export function issueDayOf(instant: Date, timeZone: string): { day: string; year: number } {
  // en-CA formats as YYYY-MM-DD.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return { day, year: Number(day.slice(0, 4)) };
}

const dayParts = (isoDay: string) => {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};

/** 成文日期: 2026年11月26日 (months and days without a leading zero). */
export function chineseDate(isoDay: string): string {
  const { y, m, d } = dayParts(isoDay);
  return `${y}年${m}月${d}日`;
}

/**
 * The date in traditional Mongolian: `2026 on-u 11 sar_a-yin 26` (DRAFT wording, the same
 * pattern as the diary's Mongolian dates; to be checked by a native speaker).
 */
export function mongolianDate(isoDay: string): string {
  const { y, m, d } = dayParts(isoDay);
  return `${y} \u1823\u1828\u202F\u1824 ${m} \u1830\u1820\u1837\u180E\u1820\u202F\u1836\u1822\u1828 ${d}`;
}

/** Name of an org for a template, in the locale of the text it writes. */
export function orgDisplayName(org: Pick<OrgNode, 'name'>, locale: 'zh-CN' | 'mn-Mong'): string {
  return locale === 'mn-Mong' ? (org.name.mn ?? org.name.zh) : org.name.zh;
}

