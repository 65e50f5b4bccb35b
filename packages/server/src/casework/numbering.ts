/**
 * Case numbers: （2026）红山调字第12号 — the year of the opening day, the owning org's short name
 * (红山区 → 红山, 西屯街道司法所 → 西屯), the case type's mark and the sequence of the org, type and
 * year (taken from `case_counters` under its row lock, so concurrent openings never share one).
 */
import type { OrgNode } from '@sifa/core';

const bureauSuffixes = ['司法厅', '司法局', '司法所', '人民调解委员会'];
const placeSuffixes = ['自治区', '自治州', '自治县', '自治旗', '街道办事处', '街道', '苏木', '地区', '盟', '市', '区', '县', '旗', '镇', '乡'];

/** 红山区 → 红山, 西屯街道司法所 → 西屯, 赤峰市 → 赤峰 (a name that would be emptied stays whole). */
export function orgShortName(org: Pick<OrgNode, 'name'>): string {
  let name = org.name.zh.trim();
  for (const suffix of bureauSuffixes) if (name.endsWith(suffix) && name.length > suffix.length) name = name.slice(0, -suffix.length);
  for (const suffix of placeSuffixes) {
    if (name.endsWith(suffix) && [...name].length - [...suffix].length >= 2) {
      name = name.slice(0, -suffix.length);
      break;
    }
  }
  return name;
}

export function caseNumber(parts: { year: number; shortName: string; mark: string; seq: number }): string {
  return `（${parts.year}）${parts.shortName}${parts.mark}字第${parts.seq}号`;
}
