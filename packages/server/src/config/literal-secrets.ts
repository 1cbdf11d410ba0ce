/**
 * Secrets written into the file itself. config.md: secrets are read through `${NAME}`, so that
 * they never sit in a file that is copied, committed and shown. A literal one still loads (an
 * operator's file must keep working) but is named in a warning, never with its value. So is a
 * password written into a literal `store` URL.
 */
import { formatPath } from './config-path.js';
import type { FaultlineConfig } from './config-schema.js';
import { configSchema } from './config-schema.js';
import type { Expansion } from './expand-env.js';
import { walkSchema } from './schema-walk.js';
import { isMarkedSecret } from './secret.js';

/** One warning per secret field whose value did not come from the environment. */
export function literalSecretWarnings(
  config: FaultlineConfig,
  expansions: readonly Expansion[],
): string[] {
  const fromEnv = new Set(expansions.map((e) => e.path));
  const warnings: string[] = [];
  walkSchema(configSchema, config, (schema, value, path) => {
    if (!isMarkedSecret(schema)) return undefined;
    const where = formatPath(path);
    if (typeof value === 'string' && !fromEnv.has(where))
      warnings.push(`${where}: a literal secret; write \${ENV_NAME} so it never sits in the file`);
    return { value };
  });
  const store = config.store;
  if (store.driver === 'postgres' && !fromEnv.has('store') && hasPassword(store.url))
    warnings.push(`store: a literal PostgreSQL password; write \${ENV_NAME} for it (or the URL)`);
  return warnings;
}

/** Whether a PostgreSQL URL carries a password, in its authority or as `?password=`. */
function hasPassword(url: string): boolean {
  try {
    const u = new URL(url);
    return u.password !== '' || u.searchParams.has('password');
  } catch {
    return false;
  }
}
