/** The work of `faultline token`: opens the configured store and changes or lists its tokens. */
import { existsSync } from 'node:fs';
import { UsageError } from '@faultline/core';
import { loadConfig, type Env } from '../../config/index.js';
import { openStore } from '../../store/open-store.js';
import type { Store, TokenRole } from '../../store/port.js';
import { newToken, TOKEN_ROLES } from '../../tokens/token-secret.js';
import type { CliStreams } from '../command/define-command.js';

export interface TokenInput {
  readonly sub: 'create' | 'list' | 'revoke';
  readonly target: string | undefined;
  readonly options: {
    readonly role: string | undefined;
    readonly name: string | undefined;
    readonly config: string | undefined;
    readonly store: string | undefined;
    readonly json: boolean;
  };
  readonly env: Env;
  readonly cwd: string;
}

/** Where the tokens live: `--store`, else the config's `store`. */
async function storeLocation(input: TokenInput): Promise<string> {
  if (input.options.store !== undefined) return input.options.store;
  const { config } = await loadConfig({
    ...(input.options.config === undefined ? {} : { file: input.options.config }),
    env: input.env,
    cwd: input.cwd,
  });
  return config.store.driver === 'sqlite' ? config.store.path : config.store.url;
}

function isRole(role: string): role is TokenRole {
  return (TOKEN_ROLES as readonly string[]).includes(role);
}

/** Runs one subcommand; resolves with the exit status. */
export async function runToken(input: TokenInput, io: CliStreams): Promise<number> {
  const { sub, target, options } = input;
  if (sub === 'create') {
    if (options.role === undefined || !isRole(options.role))
      throw new UsageError('token create needs --role ingest, read or admin');
    if (options.name === undefined || options.name.trim() === '')
      throw new UsageError('token create needs --name NAME (e.g. checkout-api)');
    if (target !== undefined) throw new UsageError('token create takes no ID or NAME; use --name');
  } else if (sub === 'revoke' && target === undefined) {
    throw new UsageError('token revoke needs the ID or NAME of the token');
  }
  const location = await storeLocation(input);
  // Listing or revoking in a store that is not there would create an empty one: a typo.
  if (
    sub !== 'create' &&
    !/^postgres(ql)?:\/\//i.test(location) &&
    location !== ':memory:' &&
    !existsSync(location)
  )
    throw new UsageError(
      `no store at ${location}; give the path the service uses (--store or --config)`,
    );
  const store = await openStore(location);
  try {
    return await perform(store, input, io);
  } finally {
    await store.close();
  }
}

async function perform(store: Store, input: TokenInput, io: CliStreams): Promise<number> {
  const now = Date.now();
  if (input.sub === 'create') {
    const name = input.options.name ?? '';
    const taken = (await store.listTokens()).some((t) => t.name === name && t.revokedAtMs === null);
    if (taken) {
      io.stderr.write(
        `faultline token: an active token is already named "${name}"; revoke it first or pick another name\n`,
      );
      return 1;
    }
    const token = newToken(input.options.name ?? '', input.options.role as TokenRole, now);
    await store.createToken(token.row);
    io.stdout.write(`${token.secret}\n`);
    io.stderr.write(
      `Created ${token.row.role} token "${token.row.name}" (id ${token.row.id}). It is shown only now; only its hash is stored.\n`,
    );
    return 0;
  }
  if (input.sub === 'revoke') {
    const n = await store.revokeToken(input.target ?? '', now);
    if (n === 0) {
      io.stderr.write(`faultline token: no unrevoked token with id or name "${input.target}"\n`);
      return 1;
    }
    io.stdout.write(`revoked ${n} token${n === 1 ? '' : 's'}\n`);
    return 0;
  }
  const tokens = await store.listTokens();
  if (input.options.json) {
    const rows = tokens.map((t) => ({
      id: t.id,
      name: t.name,
      role: t.role,
      created_at: new Date(t.createdAtMs).toISOString(),
      revoked_at: t.revokedAtMs === null ? null : new Date(t.revokedAtMs).toISOString(),
    }));
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (tokens.length === 0) io.stdout.write('no tokens in the store\n');
  for (const t of tokens) {
    const state =
      t.revokedAtMs === null ? 'active' : `revoked ${new Date(t.revokedAtMs).toISOString()}`;
    io.stdout.write(`${t.id}  ${t.role.padEnd(6)}  ${t.name}  (${state})\n`);
  }
  return 0;
}
