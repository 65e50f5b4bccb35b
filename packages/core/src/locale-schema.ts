/** The zod schema of LocalizedText (manifests, catalogues): kept apart so widgets need no zod classic. */
import { z } from 'zod';
import type { LocalizedText } from './locale.js';

export const localizedTextSchema: z.ZodType<LocalizedText, LocalizedText> = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
  mn: z.string().min(1).optional(),
});
