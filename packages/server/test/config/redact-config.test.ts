// redactConfig: every secret of the spec example replaced, nothing else changed, the input untouched.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REDACTED, redactConfig, validateConfig } from '../../src/config/index.js';
import { SPEC_ENV, specExample } from './spec-example.js';

describe('redactConfig', () => {
  const config = validateConfig(parse(specExample()), { env: SPEC_ENV });
  const redacted = redactConfig(config);
  const text = JSON.stringify(redacted);

  it('leaves no secret of the spec example in the printed config', () => {
    for (const value of Object.values(SPEC_ENV)) expect(text).not.toContain(value);
  });

  it('replaces exactly the secret fields and keeps everything else', () => {
    expect(redacted.tokens.map((t) => t.token)).toEqual([REDACTED, REDACTED]);
    expect(redacted.probes[0]?.api_key).toBe(REDACTED);
    expect(redacted.notify.map((n) => ('url' in n ? n.url : undefined))).toEqual([
      REDACTED,
      'https://events.pagerduty.com/v2/enqueue',
      'https://example.internal/faultline',
    ]);
    expect(redacted.notify[1]).toMatchObject({ routing_key: REDACTED });
    expect(redacted.notify[2]).toMatchObject({ secret: REDACTED });
    expect(redacted.gateway?.records?.token).toBe(REDACTED);
    // null keys mean "the client's own key passes through": nothing to hide, and worth seeing.
    expect(redacted.gateway?.targets.map((t) => t.api_key)).toEqual([null, null]);
    const keep = (c: typeof config) => ({
      ...c,
      tokens: [],
      probes: [],
      notify: [],
      gateway: { ...c.gateway, records: null },
    });
    expect(keep(redacted)).toEqual(keep(config));
  });

  it('does not change the config it was given', () => {
    expect(config.tokens[0]?.token).toBe(SPEC_ENV.FAULTLINE_INGEST_TOKEN);
  });

  it.each([
    [
      'postgres://app:s3cret-pw@db.internal:5432/faultline',
      'postgres://app:redacted@db.internal:5432/faultline',
    ],
    [
      'postgresql://db.internal/faultline?password=s3cret-pw&sslmode=require',
      'postgresql://db.internal/faultline?password=redacted&sslmode=require',
    ],
    ['postgres://db.internal/faultline', 'postgres://db.internal/faultline'],
  ])('hides the password of the store URL %s', (url, shown) => {
    const c = redactConfig(validateConfig({ store: url }, { env: {} }));
    expect(c.store).toEqual({ driver: 'postgres', url: shown });
  });

  it('hides secrets of every notify kind and gateway target keys', () => {
    const c = validateConfig(
      {
        metrics: { token: 'metrics-token-value' },
        notify: [
          { name: 't', kind: 'teams', url: 'https://teams.example/hook/secret-path' },
          {
            name: 's',
            kind: 'statuspage',
            url: 'https://api.statuspage.io/v1/pages/abc',
            api_key: 'sp-key-value',
          },
        ],
        gateway: {
          targets: [
            {
              name: 'o',
              api: 'openai',
              provider: 'openai',
              base_url: 'https://api.openai.com/v1',
              api_key: 'sk-target-key',
            },
          ],
          routes: [{ path: '/o', targets: ['o'] }],
        },
      },
      { env: {} },
    );
    const shown = JSON.stringify(redactConfig(c));
    for (const secret of ['metrics-token-value', 'secret-path', 'sp-key-value', 'sk-target-key'])
      expect(shown).not.toContain(secret);
    expect(shown).toContain('https://api.statuspage.io/v1/pages/abc');
  });
});
