// What the diary takes from @sifa/core to validate like the server (zod and the shared schema),
// bundled alone to show its share of the diary's first load.
export { assessmentParts, diaryFieldsSchema, fieldIssuesOf } from '@sifa/core';
