/** Schemas of the fields that hold credentials: marked so `redactConfig` hides them. */
import { z } from 'zod';
import { httpUrl } from './http-url.js';
import { secret } from './secret.js';

/** An http(s) URL that is itself a credential (a Slack or Teams webhook URL). */
export function secretHttpUrl(description: string) {
  return secret(httpUrl(`${description}`));
}

/** A non-empty string that is a credential (an API key, a token, a routing key). */
export function secretString(description: string) {
  return secret(z.string().min(1, 'must not be empty').describe(`${description}`));
}
