// Plugins and static folders of the Sifa server started by `npm start` (see README).
// A host installation writes its own config module in the same shape.
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createMediationPlugin } from '@sifa/plugin-mediation/server';
import { createInstitutionsPlugin } from '@sifa/plugin-institutions/server';
import { createToursPlugin } from '@sifa/plugin-tours/server';
import { createAssessmentPlugin } from '@sifa/plugin-assessment/server';
import { createPlansPlugin } from '@sifa/plugin-plans/server';
import { createWarningsPlugin } from '@sifa/plugin-warnings/server';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { createVillageAdvisersPlugin } from '@chifeng-justice/plugin-village-advisers/server';
import { createConsultationPlugin } from '@sifa/plugin-consultation/server';
import { createLegalityReviewPlugin } from '@sifa/plugin-legality-review/server';
import { createApplicationsPlugin } from '@sifa/plugin-applications/server';
import { createCorrectionPlugin } from '@sifa/plugin-correction/server';

const embed = new URL('./packages/components/dist/embed/', import.meta.url).pathname;

export default {
  // Tours seed before institutions: the demo offices' map entries link to their VR tours.
  // Mediation, consultation and legality review start after the diary: their case files feed the diary's figures.
  plugins: [createDiaryPlugin(), createMediationPlugin(), createConsultationPlugin(), createLegalityReviewPlugin(), createApplicationsPlugin(), createCorrectionPlugin(), createToursPlugin(), createInstitutionsPlugin(), createPlansPlugin(), createAssessmentPlugin(), createWarningsPlugin(), createStatisticsPlugin(), createVillageAdvisersPlugin()],
  // The script-tag distribution (`pnpm build` writes it): /embed.js, the loader, is revalidated
  // on every use; the chunks it loads have content hashes in their names and never change.
  staticRoots: [
    { prefix: '/chunks/', dir: `${embed}chunks/`, immutable: true },
    { prefix: '/', dir: embed },
  ],
};
