/** `faultline gateway`: the stand-alone reverse proxy (issue 12), configured by faultline.yaml's `gateway`. */
import { defineCommand } from '../command/define-command.js';
import { runGateway } from './run-gateway.js';

export const gatewayCommand = defineCommand({
  name: 'gateway',
  summary: 'run the gateway: a reverse proxy that records every attempt and fails over',
  usage: '',
  positionals: { max: 0, tooMany: 'gateway takes no arguments; use --config FILE' },
  options: {
    config: {
      type: 'string',
      value: 'FILE',
      description: 'the configuration with a gateway section (YAML or JSON; docs/gateway.md)',
      defaultHelp: './faultline.yaml',
    },
  },
  description: `
Serves the gateway of the configuration on gateway.listen (default 127.0.0.1:7601). A request to
<gateway>/<route path>/<rest> goes to <target base_url>/<rest>, trying the route's targets in
order until one answers before any byte reached the client (failover: true). Every answer carries
x-faultline-target and x-faultline-attempts.

One call record per upstream attempt (source "gateway") goes to gateway.records.url with its
token; without gateway.records, records are written to stdout as JSON Lines. Keys are never
stored or logged. SIGINT or SIGTERM stops it after flushing the records.`,
  notes:
    'Exit status: 0 after a clean stop, 1 when it cannot listen, 2 on a usage or configuration error.',
  run: async ({ options }, io) =>
    runGateway({ config: options.config, env: process.env, cwd: process.cwd() }, io),
});
