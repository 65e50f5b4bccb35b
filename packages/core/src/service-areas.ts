/**
 * Service areas: which judicial office serves which township. An office usually serves one
 * township-level division, but some serve several (Chifeng: 176 offices for 197 townships), so the
 * divisions are reference data of their own (`divisions`: townships, and villages under them once
 * imported) and each township is served by exactly one office (`org_service_areas`). A village is
 * served by its township's office. Public widgets resolve the place a citizen lives to the office
 * with `platform.org.servingOffice`; county and city admins change areas with
 * `platform.org.setServiceArea`.
 */
import { z } from 'zod';
import { msg } from './messages.js';
import type { OrgNode } from './org.js';

export const divisionLevels = ['township', 'village'] as const;
export type DivisionLevel = (typeof divisionLevels)[number];

/** A township (9 digits) or village (12 digits) statistical division code. */
export const divisionCodeSchema = z.string().regex(/^(\d{9}|\d{12})$/, msg('divisionCode'));
const townshipCodeSchema = z.string().regex(/^\d{9}$/, msg('divisionCode'));
const officeCodeSchema = z.string().regex(/^\d{9}$/, msg('orgCode'));

/** A township or village: reference data, like the org tree (official codes and names). */
export interface DivisionNode {
  code: string;
  /** The county (a township's) or the township (a village's). */
  parentCode: string;
  level: DivisionLevel;
  /** Materialised like org paths: `/15/1504/150402/150402001/`. */
  path: string;
  name: { zh: string; en?: string | undefined; mn?: string | undefined };
}

export const servingOfficeInputSchema = z.object({ division: divisionCodeSchema });
export type ServingOfficeInput = z.input<typeof servingOfficeInputSchema>;
/** The office serving a division, and everything it serves. */
export interface ServingOffice {
  /** The division asked about. */
  division: DivisionNode;
  /** Its township (the division itself for a township). */
  township: DivisionNode;
  office: OrgNode;
  /** Every township the office serves, by code. */
  serviceArea: DivisionNode[];
}

export const serviceAreaInputSchema = z.object({ office: officeCodeSchema });
export type ServiceAreaInput = z.input<typeof serviceAreaInputSchema>;
export interface ServiceArea {
  office: OrgNode;
  /** The townships it serves, by code (empty for an office whose townships went to another). */
  divisions: DivisionNode[];
}

export const countyDivisionsInputSchema = z.object({ county: z.string().regex(/^\d{6}$/, msg('orgCode')) });
export type CountyDivisionsInput = z.input<typeof countyDivisionsInputSchema>;
/** A township of a county with the office serving it. */
export interface TownshipServed extends DivisionNode {
  office: OrgNode;
}

/**
 * "Which office serves my township?": townships and villages whose name (in any language) or
 * code contains `q`, within an area (a city or county code; the whole tree without it).
 */
export const divisionSearchInputSchema = z.object({
  q: z.string().trim().min(1, msg('divisionSearch')).max(40, msg('divisionSearch')),
  within: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, msg('orgCode')).optional(),
  limit: z.number().int().min(1).max(20).default(8),
});
export type DivisionSearchInput = z.input<typeof divisionSearchInputSchema>;
/** A division found by name or code, where it is and the office serving it. */
export interface DivisionMatch {
  division: DivisionNode;
  /** Its township (the division itself for a township). */
  township: DivisionNode;
  /** The county (org unit) it lies in. */
  county: OrgNode;
  office: OrgNode;
}

export const setServiceAreaInputSchema = z.object({
  office: officeCodeSchema,
  /** Every township the office is to serve (replaces its area). */
  divisions: z.array(townshipCodeSchema).min(1, msg('serviceAreaEmpty')).max(200),
  /**
   * Move townships another office serves now to this one. Without it such a township is
   * refused (CONFLICT naming it), so an area never takes a neighbour's township by mistake.
   */
  move: z.boolean().default(false),
});
export type SetServiceAreaInput = z.input<typeof setServiceAreaInputSchema>;
export interface SetServiceAreaResult extends ServiceArea {
  /** Townships taken from other offices, with the office that served them before. */
  moved: { division: string; from: string }[];
}
