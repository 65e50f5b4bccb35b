/**
 * The one error type of `sifa backup` / `sifa restore`: a closed set of codes, each with a zh and
 * an en message that says what the operator should do. The CLI prints the message and exits 1;
 * tests match on `code`.
 */
export type BackupErrorCode =
  /** The backup file named does not exist or cannot be read. */
  | 'file-missing'
  /** `sifa backup` would overwrite an existing file (without --force). */
  | 'file-exists'
  /** The file is not a Sifa backup (no header), or its header cannot be read. */
  | 'not-a-backup'
  /** The payload's size or SHA-256 differs from the header: truncated or damaged. */
  | 'file-damaged'
  /** The backup was made on the other engine than the one configured for the restore. */
  | 'engine-mismatch'
  /** PGlite: the backup's PostgreSQL major version differs from this PGlite's. */
  | 'version-mismatch'
  /** pg_dump / pg_restore not installed (or not at SIFA_PG_BIN_DIR). */
  | 'tool-missing'
  /** pg_dump older than the server it should dump. */
  | 'tool-too-old'
  /** pg_dump / pg_restore exited with an error. */
  | 'tool-failed'
  /** The database to back up does not exist (PGlite folder without a database, PostgreSQL refusing the connection). */
  | 'source-missing'
  /** PGlite: the data folder is open in a running server (postmaster.pid present). */
  | 'source-in-use'
  /** The restore target already holds data (without --force). */
  | 'target-not-empty'
  /** After the restore the tables do not hold the rows the backup counted. */
  | 'counts-differ';

export interface BackupMessage {
  zh: string;
  en: string;
}

export class BackupError extends Error {
  override name = 'BackupError';
  readonly code: BackupErrorCode;
  readonly messages: BackupMessage;

  constructor(code: BackupErrorCode, messages: BackupMessage, options: { cause?: unknown } = {}) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = messages;
  }

  /** Both languages, Chinese first (the operators' language), for the console. */
  bilingual(): string {
    return `${this.messages.zh}\n${this.messages.en}`;
  }
}

export const isBackupError = (error: unknown): error is BackupError => error instanceof BackupError;
