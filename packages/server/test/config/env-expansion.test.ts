// `${NAME}` expansion: every string value, unset variables named, expanded values never in errors.
import { isConfigError } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';

function problems(document: unknown, env: Record<string, string>): string {
  try {
    validateConfig(document, { env });
  } catch (e: unknown) {
    if (isConfigError(e)) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

describe('environment expansion', () => {
  it('replaces ${NAME} anywhere in any string value, several per string, and $${ writes ${', () => {
    const c = validateConfig(
      {
        listen: '${HOST}:${PORT}',
        store: 'postgres://app:${PGPASS}@127.0.0.1:5432/faultline',
        status_pages: [
          {
            provider: 'p',
            kind: 'rss',
            url: 'https://${DOMAIN}/feed',
            components: { 'API $${x}': ['*'] },
          },
        ],
      },
      { env: { HOST: '127.0.0.1', PORT: '0', PGPASS: 'pw', DOMAIN: 'status.example' } },
    );
    expect(c.listen).toEqual({ host: '127.0.0.1', port: 0 });
    expect(c.store).toEqual({
      driver: 'postgres',
      url: 'postgres://app:pw@127.0.0.1:5432/faultline',
    });
    expect(c.status_pages[0]?.url).toBe('https://status.example/feed');
    // Keys are not expanded; the escape only applies in values.
    expect(Object.keys(c.status_pages[0]?.components ?? {})).toEqual(['API $${x}']);
  });

  it('names the path and the variable of each unset one, without follow-on problems', () => {
    expect(
      problems(
        { tokens: [{ name: 'a', role: 'read', token: '${A_TOKEN}' }], metrics: { token: '${M}' } },
        {},
      ),
    ).toBe(
      'invalid configuration:\n  tokens[0].token: environment variable A_TOKEN is not set\n  metrics.token: environment variable M is not set',
    );
  });

  it('refuses a reference that is not a variable name', () => {
    expect(problems({ store: '${not-a-name}' }, {})).toBe(
      'invalid configuration:\n  store: "${not-a-name}" is not a variable; write ${NAME}: letters, digits, _',
    );
  });

  it('accepts a variable set to the empty string as set', () => {
    expect(problems({ tokens: [{ name: 'a', role: 'read', token: '${T}' }] }, { T: '' })).toBe(
      'invalid configuration:\n  tokens[0].token: must not be empty',
    );
  });

  it.each([
    [
      'a duration',
      { probes: [{ provider: 'anthropic', model: 'm', every: '${EVERY}' }] },
      { EVERY: 'thirty-seconds-please' },
      'probes[0].every: not a duration ("${EVERY}")',
    ],
    [
      'an address',
      { listen: '${LISTEN}' },
      { LISTEN: 'hunter2-secret-host' },
      'listen: not a host:port ("${LISTEN}")',
    ],
    [
      'a route target',
      {
        gateway: {
          targets: [
            { name: 'a', api: 'openai', provider: 'openai', base_url: 'https://x.example/v1' },
          ],
          routes: [{ path: '/a', targets: ['${T}'] }],
        },
      },
      { T: 'secret-target-name' },
      'gateway.routes[0].targets[0]: no target named "${T}"',
    ],
  ])(
    'shows the reference, never the value, in a problem about %s',
    (_what, document, env, expected) => {
      const message = problems(document, env);
      expect(message).toContain(expected);
      for (const value of Object.values(env)) expect(message).not.toContain(value);
    },
  );
});
