/**
 * Runs the stand-alone gateway until SIGINT or SIGTERM, sending its records to the service. Its
 * per-target breakers run on its own attempts (config `breaker.open_on`); changes are logged.
 */
import { UsageError, type CallRecord } from '@faultline/core';
import { createHttpBatchSink } from '@faultline/sdk';
import { breakerChangeLine, GatewayTargetBreakers } from '../../breakers/index.js';
import { formatListen, loadConfig, type Env } from '../../config/index.js';
import { createGateway } from '../../gateway/index.js';
import type { CliStreams } from '../command/define-command.js';

export interface GatewayInput {
  readonly config: string | undefined;
  readonly env: Env;
  readonly cwd: string;
}

export async function runGateway(input: GatewayInput, io: CliStreams): Promise<number> {
  const { config } = await loadConfig({
    ...(input.config === undefined ? {} : { file: input.config }),
    env: input.env,
    cwd: input.cwd,
  });
  const g = config.gateway;
  if (g === null)
    throw new UsageError('the configuration has no gateway section (docs/gateway.md)');
  const log = (line: string): void => void io.stderr.write(`faultline gateway: ${line}\n`);
  const http =
    g.records === undefined
      ? undefined
      : createHttpBatchSink({
          url: g.records.url,
          token: g.records.token,
          onError: (e: unknown) => log(`records: ${e instanceof Error ? e.message : String(e)}`),
        });
  const sink =
    http === undefined
      ? (r: CallRecord): void => void io.stdout.write(`${JSON.stringify(r)}\n`)
      : (r: CallRecord): void => http.write(r);
  const breakers = new GatewayTargetBreakers({
    targets: g.targets,
    breaker: { openOn: config.breaker.open_on },
    onChange: (c) => log(breakerChangeLine(c)),
  });
  const gateway = createGateway({ config: g, sink, log, breakers });
  let url: string;
  try {
    url = (await gateway.listen()).url;
  } catch (e: unknown) {
    log(
      `cannot listen on ${formatListen(g.listen)}: ${e instanceof Error ? e.message : String(e)}`,
    );
    await gateway.close();
    return 1;
  }
  log(`listening on ${url}; routes: ${g.routes.map((r) => `${url}${r.path}`).join(', ')}`);
  log(http === undefined ? 'records: stdout (JSON Lines)' : `records: ${g.records!.url}`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  log(`${signal}: stopping`);
  await gateway.close();
  await http?.shutdown();
  return 0;
}
