/** A copy of the config safe to log or print: every field marked secret replaced. */
import type { FaultlineConfig } from './config-schema.js';
import { configSchema } from './config-schema.js';
import { walkSchema } from './schema-walk.js';
import { redactorOf } from './secret.js';

/**
 * The config with API keys, tokens, routing keys, webhook secrets, Slack and Teams URLs and a
 * PostgreSQL password replaced by "[redacted]", for logs and `faultline config check --json`.
 */
export function redactConfig(config: FaultlineConfig): FaultlineConfig {
  return walkSchema(configSchema, config, (schema, value) => {
    const redactor = redactorOf(schema);
    return redactor === undefined ? undefined : { value: redactor(value) };
  }) as FaultlineConfig;
}
