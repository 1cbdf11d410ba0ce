/** Runs the service until SIGINT or SIGTERM, then shuts it down within the deadline. */
import { loadConfig, type Env } from '../../config/index.js';
import { startService } from '../../serve/start-service.js';
import { firstTokenLines } from '../../tokens/first-start-tokens.js';
import type { CliStreams } from '../command/define-command.js';

export interface ServeInput {
  readonly config: string | undefined;
  readonly env: Env;
  readonly cwd: string;
}

/** How long a shutdown may take before the process exits anyway (the spec: within 10 s). */
const SHUTDOWN_DEADLINE_MS = 9_000;

export async function runServe(input: ServeInput, io: CliStreams): Promise<number> {
  const loaded = await loadConfig({
    ...(input.config === undefined ? {} : { file: input.config }),
    env: input.env,
    cwd: input.cwd,
  });
  const log = (line: string): void => void io.stderr.write(`faultline serve: ${line}\n`);
  log(
    loaded.file === undefined
      ? 'no configuration file; using the defaults'
      : `configuration: ${loaded.file}`,
  );
  // Each names the path of a secret written in the file, never its value.
  for (const w of loaded.warnings) log(`configuration warning: ${w}`);
  let service;
  try {
    service = await startService({ config: loaded.config, log });
  } catch (e: unknown) {
    log(`cannot start: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  for (const line of firstTokenLines(service.createdTokens)) io.stdout.write(`${line}\n`);
  io.stdout.write(
    `Faultline is running at ${service.address.url}/ (API: ${service.address.url}/v1/)\n`,
  );
  void service.caughtUp.then(
    () =>
      log(service.role() === 'leader' ? 'engine caught up; ready' : 'following the leader; ready'),
    (e: unknown) => log(`engine could not catch up: ${e instanceof Error ? e.message : String(e)}`),
  );
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log(`${signal}: shutting down`);
  const deadline = setTimeout(() => {
    log('shutdown took too long; exiting');
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  deadline.unref();
  await service.close();
  clearTimeout(deadline);
  log('stopped');
  return 0;
}
