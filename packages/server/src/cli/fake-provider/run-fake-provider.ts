/** The work of `faultline fake-provider`: serves the emulated APIs until a signal stops it. */
import { loadScenario, startFakeProvider, type Scenario } from '@faultline/fake-provider';
import type { CliStreams } from '../command/define-command.js';

/** The checked settings of one run. */
export interface FakeProviderSettings {
  readonly port: number;
  readonly host: string;
  readonly seed: number;
  readonly tokensPerSecond: number;
  readonly maxBodyBytes: number;
  /** Empty for none. */
  readonly adminToken: string;
  readonly scenarioFile: string | undefined;
}

/** Starts the server and resolves with the exit status once it is stopped by a signal. */
export async function runFakeProvider(s: FakeProviderSettings, io: CliStreams): Promise<number> {
  let scenario: Scenario | undefined;
  if (s.scenarioFile !== undefined) scenario = await loadScenario(s.scenarioFile);
  const provider = await startFakeProvider({
    port: s.port,
    host: s.host,
    seed: s.seed,
    tokensPerSecond: s.tokensPerSecond,
    maxBodyBytes: s.maxBodyBytes,
    ...(s.adminToken === '' ? {} : { adminToken: s.adminToken }),
    ...(scenario === undefined ? {} : { scenario }),
  });
  io.stdout.write(
    `fake provider listening on ${provider.url}\n` +
      `  Anthropic baseURL ${provider.url}   OpenAI baseURL ${provider.url}/v1   Gemini baseUrl ${provider.url}\n` +
      `  admin: ${provider.url}/_faultline/faults` +
      (s.adminToken === '' ? '' : ' (Authorization: Bearer <admin token>)') +
      (scenario === undefined ? '' : `   scenario: ${scenario.name ?? s.scenarioFile}`) +
      '\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await provider.close();
  io.stdout.write(`stopped after ${provider.requestCount} requests\n`);
  return 0;
}
