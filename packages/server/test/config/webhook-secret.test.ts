// A Standard Webhooks secret `whsec_` with no key or a key that is not base64 is refused at load,
// with its path and never its value; the signer refuses it too rather than sign with a bad key.
import { createHmac } from 'node:crypto';
import { isConfigError } from '@faultline/core';
import { describe, expect, it } from 'vitest';
import { redactConfig, validateConfig } from '../../src/config/index.js';
import { signingKey, webhookHeaders } from '../../src/notify/webhook-signature.js';

const hook = (secret: string) => ({
  notify: [{ name: 'ops', kind: 'webhook', url: 'https://hooks.example.com/x', secret }],
});

function problemsOf(document: unknown, env: Record<string, string> = {}): readonly string[] {
  try {
    validateConfig(document, { env });
  } catch (e: unknown) {
    if (isConfigError(e)) return e.problems;
    throw e;
  }
  throw new Error('accepted');
}

describe('a webhook signing secret', () => {
  it.each([
    ['whsec_', /^notify\[0\]\.secret: whsec_ is followed by no key/],
    ['whsec_not base64!', /^notify\[0\]\.secret: the key after whsec_ is not valid base64/],
    ['whsec_abcde', /^notify\[0\]\.secret: the key after whsec_ is not valid base64/],
    ['whsec_YQ=', /^notify\[0\]\.secret: the key after whsec_ is not valid base64/],
  ])('refuses %j with path: problem', (secret, problem) => {
    const problems = problemsOf(hook(secret));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(problem);
  });

  it('names the reference, not the value, when the bad secret came from the environment', () => {
    const problems = problemsOf(hook('${HOOK_SECRET}'), { HOOK_SECRET: 'whsec_$$$$$$$$$$' });
    expect(problems).toEqual([expect.stringMatching(/^notify\[0\]\.secret: the key after whsec_/)]);
    expect(problems.join('\n')).not.toContain('$$$$');
  });

  it.each([
    ['a padded base64 key', 'whsec_c2VjcmV0LXNpZ25pbmcta2V5', 'secret-signing-key'],
    ['an unpadded one', 'whsec_YWI', 'ab'],
    ['a plain string, used as the key bytes', 'plain secret', 'plain secret'],
  ])('accepts %s and signs with its key bytes', (_what, secret, keyText) => {
    const config = validateConfig(hook(secret), { env: {} });
    expect(redactConfig(config).notify[0]).toMatchObject({ secret: '[redacted]' });
    expect(signingKey(secret).toString('utf8')).toBe(keyText);
    const mac = createHmac('sha256', keyText).update('id.1.{}').digest('base64');
    expect(webhookHeaders(signingKey(secret), 'id', 1, '{}')['webhook-signature']).toBe(
      `v1,${mac}`,
    );
  });

  it('is refused by the signer too, not turned into an empty key', () => {
    expect(() => signingKey('whsec_')).toThrow(/whsec_ is followed by no key/);
    expect(() => signingKey('whsec_*')).toThrow(/not valid base64/);
  });
});
