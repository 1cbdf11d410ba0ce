/**
 * Standard Webhooks signing secrets (standard-webhooks spec, "Signature scheme"): `whsec_`
 * followed by the key in base64, or (config.md) a plain string whose UTF-8 bytes are the key.
 */

/** The prefix that says "the rest is the key in base64". */
export const WHSEC_PREFIX = 'whsec_';

// Standard base64 (RFC 4648 §4), padding optional: what the Standard Webhooks libraries decode.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/** What is wrong with `secret` as a signing secret, or undefined when it is usable. */
export function webhookSecretProblem(secret: string): string | undefined {
  if (!secret.startsWith(WHSEC_PREFIX)) return undefined;
  const key = secret.slice(WHSEC_PREFIX.length);
  if (key === '') return 'whsec_ is followed by no key; write whsec_ and the key in base64';
  if (!BASE64.test(key))
    return 'the key after whsec_ is not valid base64 (A-Z, a-z, 0-9, +, /, = padding)';
  return undefined;
}
