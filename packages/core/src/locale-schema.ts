/** The zod schema of LocalizedText (manifests, catalogues): kept apart so widgets need no zod classic. */
import { z } from 'zod';
import type { LocalizedText } from './locale.js';
import { text } from './text.js';

export const localizedTextSchema: z.ZodType<LocalizedText, LocalizedText> = z.object({
  zh: text().min(1),
  en: text().min(1),
  mn: text().min(1).optional(),
});
