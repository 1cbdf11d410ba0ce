/**
 * Faultline's gateway in a process of its own for the gateway benchmark: one OpenAI route
 * (`/openai`) to one target, the upstream at `--upstream URL`, with the per-target breakers the
 * stand-alone command runs. Records are counted, then dropped. Prints its port. `--dist DIR`
 * loads the server's compiled code from another build (the A/B benchmark, gateway-ab.ts).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as BreakersModule from '../../packages/server/dist/breakers/index.js';
import type * as ConfigModule from '../../packages/server/dist/config/index.js';
import type * as GatewayModule from '../../packages/server/dist/gateway/index.js';
import { REPO_ROOT } from './paths.js';

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};
const upstream = flag('upstream');
if (upstream === undefined)
  throw new Error('usage: gateway-process.js --upstream URL [--dist DIR]');
const dist = flag('dist') ?? join(REPO_ROOT, 'packages/server/dist');
const load = (path: string): Promise<Record<string, unknown>> =>
  import(pathToFileURL(join(dist, path)).href) as Promise<Record<string, unknown>>;
const { validateConfig } = (await load('config/index.js')) as typeof ConfigModule;
const gw = (await load('gateway/index.js')) as typeof GatewayModule;

const config = validateConfig(
  {
    gateway: {
      listen: '127.0.0.1:0',
      targets: [{ name: 'bench', api: 'openai', provider: 'openai', base_url: `${upstream}/v1` }],
      routes: [{ path: '/openai', targets: ['bench'], failover: true }],
    },
  },
  { env: {} },
);
let records = 0;
const log = (line: string): void => void process.stderr.write(`${line}\n`);
// Builds from before the per-target breakers have no `GatewayTargetBreakers`: they run without.
const { GatewayTargetBreakers: Breakers } = (await load('breakers/index.js')) as Partial<
  typeof BreakersModule
>;
const breakers =
  Breakers === undefined
    ? undefined
    : new Breakers({ targets: config.gateway!.targets, breaker: {}, onChange: () => undefined });
const gateway = gw.createGateway({
  config: config.gateway!,
  sink: () => void records++,
  log,
  ...(breakers === undefined ? {} : { breakers }),
});
const { port } = await gateway.listen();
process.stdout.write(`port ${port}\n`);
process.on('SIGTERM', () => {
  process.stderr.write(`gateway: ${records} records\n`);
  void gateway.close().then(() => process.exit(0));
});
