/**
 * The server's start and stop as one ordered list of named steps. Each step that leaves
 * something running (an open database, a listening socket, a scheduler) registers how to stop
 * it; stopping runs those in reverse order. When a step fails, what the earlier steps started
 * is stopped (in reverse) before the error is rethrown, so a refused start leaves nothing open.
 */
import type { Logger } from '../logging.js';

interface Started {
  step: string;
  stop(): void | Promise<void>;
}

export class Lifecycle {
  readonly #started: Started[] = [];
  readonly #logger: Logger;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /**
   * Runs one start step. `stop` (given what `start` returned) is how to undo it; it runs at
   * `stop()`, or at once when a later step fails. A step without `stop` leaves nothing running.
   */
  async step<T>(step: string, start: () => T | Promise<T>, stop?: (started: T) => void | Promise<void>): Promise<T> {
    const value = await Promise.resolve()
      .then(start)
      .catch(async (error: unknown) => {
        await this.stop();
        throw error;
      });
    if (stop) this.#started.push({ step, stop: () => stop(value) });
    return value;
  }

  /** Stops what was started, last first; a failing stop is logged and the others still run. */
  async stop(): Promise<void> {
    for (let started = this.#started.pop(); started; started = this.#started.pop()) {
      try {
        await started.stop();
      } catch (error) {
        this.#logger.error({ err: error, step: started.step }, 'stopping failed');
      }
    }
  }
}
