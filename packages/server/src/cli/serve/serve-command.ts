/** `faultline serve`: the always-on service (server-api.md), configured by faultline.yaml (config.md). */
import { defineCommand } from '../command/define-command.js';
import { runServe } from './run-serve.js';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'run the service: ingest, store, live engine, API, OTLP and metrics',
  usage: '',
  positionals: { max: 0, tooMany: 'serve takes no arguments; use --config FILE' },
  options: {
    config: {
      type: 'string',
      value: 'FILE',
      description: 'the configuration (YAML or JSON; docs/configuration.md)',
      defaultHelp: './faultline.yaml when present, else the built-in defaults',
    },
  },
  description: `
Starts the service on its defaults when there is no configuration: SQLite in ./faultline.db,
listening on 127.0.0.1:7600. On the first start it creates one admin and one ingest token and
prints them once (only their hashes are stored); "faultline token create" makes more.

It takes call records on POST /v1/records (JSON Lines or JSON, gzip) and OTLP traces on
POST /v1/traces, keeps them, runs the diagnosis engine live in record time, and serves the
incidents, the verdict now (/v1/health), live changes (/v1/events, Server-Sent Events), the
records (/v1/records), /metrics, /healthz and /readyz: docs/server-api.md.

SIGINT or SIGTERM: stops accepting, finishes requests in flight, saves the engine's state and
closes the store, then exits 0 (within 10 s). A restart resumes every open incident.`,
  notes:
    'Exit status: 0 after a clean shutdown, 1 when the service cannot start (store, port), 2 on a usage or configuration error.',
  run: async ({ options }, io) =>
    runServe({ config: options.config, env: process.env, cwd: process.cwd() }, io),
});
