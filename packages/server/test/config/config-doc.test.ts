// docs/configuration.md is what the schema generates: every key documented, the committed file current.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, renderConfigDoc } from '../../src/config/config-doc.js';
import { schemaRows } from '../../src/config/schema-rows.js';

const DOC = fileURLToPath(new URL('../../../../docs/configuration.md', import.meta.url));

describe('docs/configuration.md', () => {
  it('equals what scripts/gen-config-doc.mjs generates from the schema', async () => {
    const generated = await format(renderConfigDoc(), {
      ...((await resolveConfig(DOC)) ?? {}),
      filepath: DOC,
    });
    expect(readFileSync(DOC, 'utf8')).toBe(generated);
  });

  it('gives every key a description, a type and a default or "required"', () => {
    const root = configJsonSchema();
    const rows = Object.entries(root.properties ?? {}).flatMap(([k, node]) =>
      schemaRows(node, k, false),
    );
    expect(rows.filter((r) => r.description === '' || r.type === '' || r.default === '')).toEqual(
      [],
    );
    expect(rows.length).toBeGreaterThan(60);
  });

  it('documents every key of the spec example, and marks its secrets', () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const path of [
      'listen',
      'retention.records',
      'tokens[].token',
      'status_pages[].components',
      'probes[].golden[].expect.json_schema',
      'notify[].when.owner',
      'notify[kind=pagerduty].routing_key',
      'gateway.records.token',
      'gateway.routes[].failover',
      'status_page.components[].uses',
      'breaker.recovery',
    ])
      expect(doc).toContain(`| \`${path}\``);
    for (const secret of [
      'tokens[].token',
      'probes[].api_key',
      'notify[kind=slack].url',
      'notify[kind=teams].url',
      'notify[kind=webhook].secret',
      'gateway.targets[].api_key',
    ])
      expect(doc).toMatch(
        new RegExp(`\\| \`${secret.replace(/[[\]().]/g, '\\$&')}\` .*\\*\\*Secret\\.\\*\\*`),
      );
  });
});
