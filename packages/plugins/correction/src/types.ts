/**
 * The plugin's domain types, written once: the server returns them and widgets show them. They
 * are what the wire carries (dates as ISO strings), so a client sees exactly these.
 */

/** One record of an office. */
export interface CorrectionRecord {
  id: string;
  /** The office (or county) it belongs to. */
  orgCode: string;
  title: string;
  /** The day it happened, YYYY-MM-DD (China time). */
  day: string;
  /** People served. */
  people: number;
  /** When it was recorded (ISO instant). */
  createdAt: string;
}
