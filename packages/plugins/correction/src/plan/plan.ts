/** What a plan holds: measures with the rules (and the profile's values) that chose them. */
import type { ConditionValue, LeafTest } from './catalogue.js';

/** One condition of a fired rule's reason: the test, the profile's value, and whether the test held. */
export interface ConditionWitness {
  condition: string;
  value: ConditionValue;
  /** The test as the catalogue writes it (shared, never copied). */
  test: LeafTest;
  /** False for a test under `not` whose failing made the rule fire ("not juvenile": juvenile is false). */
  holds: boolean;
}

/** A rule that fired, and why: the conditions that made its `when` true. */
export interface RuleFiring {
  rule: string;
  priority: number;
  because: readonly ConditionWitness[];
}

export interface StaffOverride {
  measureId: string;
  action: 'add' | 'remove';
  reason: string;
}

/**
 * A measure in a plan. In a plan straight from a planner, `chosenBy` and `overruled` (and an
 * excluded measure's `excludedBy` / `overruled`) are getters: built on first read from the
 * profile's values and the fired rules the plan keeps, then the same frozen arrays on every read;
 * `toJSON` writes them out, so JSON.stringify gives the plain value.
 */
export interface PlannedMeasure {
  measure: string;
  category: string;
  /** The fired rules that add it, highest priority first (empty when only staff added it). */
  chosenBy: readonly RuleFiring[];
  /** Fired rules that would exclude it but were outranked by a higher-priority addition. */
  overruled: readonly RuleFiring[];
  /** Set when staff added it by hand (then `chosenBy` may be empty). */
  staff?: StaffOverride;
}

export interface ExcludedMeasure {
  measure: string;
  category: string;
  /** The fired rules that exclude it, highest priority first. */
  excludedBy: readonly RuleFiring[];
  /** Fired rules that would add it but were outranked (or tied) by an exclusion. */
  overruled: readonly RuleFiring[];
}

/** A measure the rules chose that staff removed, with their reason. */
export interface RemovedMeasure {
  measure: string;
  category: string;
  chosenBy: readonly RuleFiring[];
  staff: StaffOverride;
}

export interface Plan {
  catalogue: { id: string; version: string };
  /** In catalogue order: categories in their order, measures in their order within a category. */
  measures: readonly PlannedMeasure[];
  /** Measures a fired rule excludes (whether or not another rule wanted them), same order. */
  excluded: readonly ExcludedMeasure[];
  /** Ids of the rules that fired, in catalogue order. */
  fired: readonly string[];
  /** Staff overrides applied (`applyOverrides`), kept so they survive regeneration. */
  overrides: readonly StaffOverride[];
  /** Measures the rules chose that an override removed. */
  removedByStaff: readonly RemovedMeasure[];
}
