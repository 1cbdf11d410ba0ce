/**
 * Faultline's gateway in a process of its own for the gateway benchmark: one OpenAI route
 * (`/openai`) to one target, the upstream at `--upstream URL`. Records are counted, then dropped.
 * Prints its port.
 */
import { validateConfig } from '../../packages/server/dist/config/index.js';
import { createGateway } from '../../packages/server/dist/gateway/index.js';

const at = process.argv.indexOf('--upstream');
const upstream = at === -1 ? undefined : process.argv[at + 1];
if (upstream === undefined) throw new Error('usage: gateway-process.js --upstream URL');

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
const gateway = createGateway({
  config: config.gateway!,
  sink: () => void records++,
  log: (line) => process.stderr.write(`${line}\n`),
});
const { port } = await gateway.listen();
process.stdout.write(`port ${port}\n`);
process.on('SIGTERM', () => {
  process.stderr.write(`gateway: ${records} records\n`);
  void gateway.close().then(() => process.exit(0));
});
