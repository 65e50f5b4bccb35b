/**
 * What `sifa start` does with errors nothing caught. An unhandled promise rejection is logged
 * with its context and the server goes on (Node's default would kill it: one forgotten `.catch`
 * on a query during a database outage must not end the service). An uncaught exception leaves
 * the process in an unknown state: it is logged, the server gets a bounded time to close
 * (in-flight requests finish), and the process exits non-zero so its supervisor (systemd
 * `Restart=on-failure`, README Operations) starts a fresh one. Never a silent hang.
 */
import type { Logger } from './logging.js';

export interface ProcessGuardOptions {
  logger: Logger;
  /** Closes the server (socket, jobs, database); given `closeTimeoutMs` before the exit. */
  close(): Promise<void>;
  /** How long the close may take after an uncaught exception (default 5 s). */
  closeTimeoutMs?: number;
  /** Ends the process (tests replace it). */
  exit?(code: number): void;
}

/** Installs the handlers; returns a function that removes them. */
export function installProcessGuards(options: ProcessGuardOptions): () => void {
  const { logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let exiting = false;

  const onRejection = (reason: unknown) => {
    logger.error({ err: reason, pid: process.pid }, 'unhandled promise rejection (the server goes on; this is a bug to fix)');
  };
  const onException = (error: unknown, origin: string) => {
    logger.fatal({ err: error, origin, pid: process.pid }, 'uncaught exception: closing and exiting with status 1 for the supervisor to restart');
    if (exiting) return;
    exiting = true;
    const deadline = setTimeout(() => exit(1), options.closeTimeoutMs ?? 5_000);
    deadline.unref();
    options.close().then(
      () => exit(1),
      (closeError: unknown) => {
        logger.error({ err: closeError }, 'close after an uncaught exception failed');
        exit(1);
      },
    );
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
