/** Schemas of the fields that hold credentials: marked so `redactConfig` hides them. */
import { z } from 'zod';
import { httpUrl } from './http-url.js';
import { secret } from './secret.js';
import { webhookSecretProblem } from './webhook-secret.js';

/** An http(s) URL that is itself a credential (a Slack or Teams webhook URL). */
export function secretHttpUrl(description: string) {
  return secret(httpUrl(`${description}`));
}

/** A non-empty string that is a credential (an API key, a token, a routing key). */
export function secretString(description: string) {
  return secret(z.string().min(1, 'must not be empty').describe(`${description}`));
}

/** A Standard Webhooks signing secret: `whsec_` must be followed by a key in base64. */
export function webhookSecret(description: string) {
  return secret(
    z
      .string()
      .min(1, 'must not be empty')
      .superRefine((value, ctx) => {
        const problem = webhookSecretProblem(value);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe(description),
  );
}
