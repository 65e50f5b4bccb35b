/** The correction plan engine (isomorphic: no Node APIs, no DOM). */
export * from './catalogue.js';
export { catalogueIssues, parseCatalogue, CatalogueError, type CatalogueIssue } from './validate.js';
export { parseProfile, profileSchemaOf, ProfileError, type Profile } from './profile.js';
export type { ConditionWitness, ExcludedMeasure, Plan, PlannedMeasure, RemovedMeasure, RuleFiring, StaffOverride } from './plan.js';
export { compileCatalogue, compiledCatalogue, type Evaluation, type PlanDecision, type Planner } from './compile.js';
export { planByInterpreter, evaluate } from './reference.js';
export { explainMeasure, explainPlan, describeWitness, type ExplainLanguage } from './explain.js';
export { applyOverrides, diffPlans, regeneratePlan, staffOverrideSchema, type DiffEntry, type PlanDiff, type UnchangedEntry } from './overrides.js';
export { sampleProfiles, mulberry32 } from './sample-profiles.js';
export { demoCatalogue } from './demo-catalogue.js';
