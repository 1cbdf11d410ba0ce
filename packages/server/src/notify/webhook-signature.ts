/**
 * Standard Webhooks signing (alerting.md §5; standard-webhooks spec): HMAC-SHA256 over
 * `${id}.${timestamp}.${body}`, sent as `webhook-signature: v1,<base64>`.
 */
import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

/** The key bytes of a secret: `whsec_<base64>` decoded, or a plain string's UTF-8 bytes (config.md). */
export function signingKey(secret: string): Buffer {
  return secret.startsWith(PREFIX)
    ? Buffer.from(secret.slice(PREFIX.length), 'base64')
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
