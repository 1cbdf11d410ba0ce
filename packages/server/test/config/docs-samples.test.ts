// The configuration samples in the docs are valid configurations (they would rot otherwise).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument, validateConfig } from '../../src/config/index.js';

const ENV = {
  PAGERDUTY_ROUTING_KEY: 'routing-key',
  SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x',
  WEBHOOK_SECRET: 'whsec_c2VjcmV0',
  STATUSPAGE_API_KEY: 'statuspage-key',
};

function yamlBlocks(doc: string): string[] {
  const text = readFileSync(
    fileURLToPath(new URL(`../../../../docs/${doc}`, import.meta.url)),
    'utf8',
  );
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('configuration samples in the docs', () => {
  it('docs/notifications.md routes our own faults to the pager and provider faults to Slack', () => {
    const [sample] = yamlBlocks('notifications.md');
    const read = readDocument(sample!);
    expect(read.ok).toBe(true);
    const config = validateConfig(read.ok ? read.document : {}, { env: ENV });
    const byName = Object.fromEntries(config.notify.map((n) => [n.name, n]));
    expect(byName.pager).toMatchObject({ kind: 'pagerduty', when: { owner: ['ours'] } });
    expect(byName['incidents-slack']).toMatchObject({
      kind: 'slack',
      when: { owner: ['provider', 'unknown'] },
    });
  });
});
