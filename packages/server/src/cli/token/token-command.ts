/** `faultline token create|list|revoke`: manage the service's API tokens in its store. */
import { UsageError } from '@faultline/core';
import { defineCommand } from '../command/define-command.js';
import { runToken } from './run-token.js';

export const tokenCommand = defineCommand({
  name: 'token',
  summary: "create, list or revoke the service's API tokens",
  usage: 'create|list|revoke [ID|NAME]',
  positionals: { max: 2, tooMany: 'token takes a subcommand and at most one ID or NAME' },
  options: {
    role: {
      type: 'string',
      value: 'ROLE',
      description:
        'create: the role, ingest (write records), read (the read API) or admin (everything)',
    },
    name: {
      type: 'string',
      value: 'NAME',
      description: 'create: a name to know the token by, e.g. checkout-api',
    },
    config: {
      type: 'string',
      value: 'FILE',
      description:
        'the configuration whose store holds the tokens (default ./faultline.yaml when present)',
    },
    store: {
      type: 'string',
      value: 'LOCATION',
      description: 'the store itself, overriding the config: a SQLite path or a postgres:// URL',
    },
    json: { type: 'boolean', description: 'list: print JSON instead of a table' },
  },
  description: `
Tokens are kept in the service's store as sha256 hashes only: "create" prints the new token once
and it cannot be shown again. Every request to the API but /healthz, /readyz and /status needs
one ("Authorization: Bearer <token>"). Tokens written in the configuration file are accepted too;
this command manages the ones in the store.

  faultline token create --role ingest --name checkout-api
  faultline token list
  faultline token revoke checkout-api      (by name or id; a running server refuses it within seconds)`,
  notes:
    'Exit status: 0 on success, 1 when revoke finds no such token, 2 on a usage or configuration error.',
  async run({ options, positionals }, io) {
    const [sub, target] = positionals;
    if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') {
      throw new UsageError(
        sub === undefined
          ? 'token needs a subcommand: create, list or revoke'
          : `unknown subcommand "${sub}"; use create, list or revoke`,
      );
    }
    return runToken({ sub, target, options, env: process.env, cwd: process.cwd() }, io);
  },
});
