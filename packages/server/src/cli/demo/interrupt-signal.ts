/**
 * What stops the demo early, as an AbortSignal: SIGINT, SIGTERM, or its output going away (a
 * closed pipe: `faultline demo | head`, a parent that stopped reading). The demo then still stops
 * its server and removes the temporary store; a second signal exits at once.
 */

/** A signal aborted by the first interruption, and how to stop listening. */
export interface Interrupt {
  readonly signal: AbortSignal;
  dispose(): void;
}

/** Starts listening for SIGINT, SIGTERM and write errors on `outputs`. */
export function listenForInterrupt(outputs: readonly NodeJS.WriteStream[]): Interrupt {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    // Someone pressing Ctrl-C twice wants out now, whatever is still closing.
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error(name));
  };
  // An unhandled 'error' (EPIPE) on stdout would end the process before it cleaned up.
  const onOutputError = (e: unknown): void => controller.abort(e);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  for (const out of outputs) out.on('error', onOutputError);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      for (const out of outputs) out.off('error', onOutputError);
    },
  };
}
