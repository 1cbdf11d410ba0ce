/** `faultline demo --keep`: the demo's server stays up to be explored, until Ctrl-C. */
import type { DemoServer } from './demo-server.js';

/** Prints how to reach the server, then resolves when `interrupt` aborts. */
export async function keepServing(
  demo: DemoServer,
  providerUrl: string,
  out: (line: string) => void,
  interrupt: AbortSignal,
): Promise<void> {
  out(`\nThe demo's server keeps running (--keep):`);
  out(`  url     ${demo.url}/ (API: ${demo.url}/v1/)`);
  out(`  admin   ${demo.tokens.admin}`);
  out(`  read    ${demo.tokens.read}`);
  out(`  ingest  ${demo.tokens.ingest}`);
  out(`  store   ${demo.dir} (kept after it stops)`);
  out(`  fake    ${providerUrl}/ (still probed, its status page still polled, all healthy now)`);
  out(`Try: curl -H "Authorization: Bearer ${demo.tokens.read}" ${demo.url}/v1/incidents`);
  out('Its clock runs at normal speed again. Press Ctrl-C to stop it.');
  if (interrupt.aborted) return;
  await new Promise<void>((resolve) =>
    interrupt.addEventListener('abort', () => resolve(), { once: true }),
  );
}
