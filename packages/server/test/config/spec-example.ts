// The complete example of spec/config.md (docs/config.md is its byte-identical copy), and an env for it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CONFIG_MD = fileURLToPath(new URL('../../../../docs/config.md', import.meta.url));

/** The YAML block of docs/config.md, as operators copy it. */
export function specExample(): string {
  const text = readFileSync(CONFIG_MD, 'utf8');
  const match = /```yaml\n([\s\S]*?)\n```/.exec(text);
  if (match?.[1] === undefined) throw new Error('docs/config.md has no yaml block');
  return `${match[1]}\n`;
}

/** Every variable the example reads, each with a distinct value. */
export const SPEC_ENV = {
  FAULTLINE_INGEST_TOKEN: 'ingest-token-0123456789abcdef',
  FAULTLINE_ADMIN_TOKEN: 'admin-token-0123456789abcdef',
  ANTHROPIC_API_KEY: 'sk-ant-test-key-0123456789',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXXXXXX',
  PAGERDUTY_ROUTING_KEY: 'R0UTINGKEY0123456789',
  WEBHOOK_SECRET: 'whsec_c2VjcmV0LXNpZ25pbmcta2V5',
} as const;
