/**
 * Ctrl-C for the long-running commands: the first one asks the run to stop (it ends the step in
 * progress and cleans up); a second one quits at once.
 *
 * @module
 */
import { EXIT } from '../common/exit-codes.js';

export interface Interrupt {
  /** Aborted by the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** Stops listening for Ctrl-C. */
  stop(): void;
}

/** Listens for Ctrl-C until `stop()`: the first calls `say` and aborts `signal`, the next exits with EXIT.interrupted. */
export function onInterrupt(say: () => void): Interrupt {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    say();
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, stop: () => process.off('SIGINT', onSigint) };
}
