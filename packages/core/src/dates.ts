/** Calendar days as ISO strings (YYYY-MM-DD): what a diary day or a fact day is, with no time zone. */
import { z } from 'zod';
import { msg } from './messages.js';

export const isoDaySchema = z.iso.date({ message: msg('isoDay') });
export type IsoDay = z.infer<typeof isoDaySchema>;
