/**
 * Standard Webhooks signing (alerting.md §5; standard-webhooks spec): HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`, sent as `webhook-signature: v1,<base64>`.
 */
import { createHmac } from 'node:crypto';
import { ConfigError } from '@faultline/core';
import { WHSEC_PREFIX, webhookSecretProblem } from '../config/index.js';

/**
 * The key bytes of a secret: `whsec_<base64>` decoded, or a plain string's UTF-8 bytes
 * (config.md). A `whsec_` with no key or bad base64 throws: Node's decoder would quietly make an
 * empty or garbled key of it, and every signature would then be wrong (config loading refuses it
 * first; this guards other callers).
 */
export function signingKey(secret: string): Buffer {
  const problem = webhookSecretProblem(secret);
  if (problem !== undefined) throw new ConfigError('invalid webhook secret', [problem]);
  return secret.startsWith(WHSEC_PREFIX)
    ? Buffer.from(secret.slice(WHSEC_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** The three headers of a signed (or, without a key, unsigned) delivery. */
export function webhookHeaders(
  key: Buffer | undefined,
  id: string,
  timestampS: number,
  body: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    'webhook-id': id,
    'webhook-timestamp': String(timestampS),
  };
  if (key !== undefined) {
    const mac = createHmac('sha256', key).update(`${id}.${timestampS}.${body}`).digest('base64');
    headers['webhook-signature'] = `v1,${mac}`;
  }
  return headers;
}
