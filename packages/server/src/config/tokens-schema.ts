/** The schemas of `tokens` (API tokens given in the file) and `metrics`. */
import { z } from 'zod';
import { secret } from './secret.js';
import { checkUnique } from './unique-names.js';

/** The roles a token can have (spec/server-api.md "Authentication"). */
export const TOKEN_ROLES = ['ingest', 'read', 'admin'] as const;

const tokenSchema = z.strictObject({
  name: z
    .string()
    .min(1, 'must not be empty')
    .describe('A name for the token, shown by `faultline token list`.'),
  role: z
    .enum(TOKEN_ROLES)
    .describe(
      '`ingest` writes records; `read` reads everything; `admin` does both and manages tokens.',
    ),
  token: secret(
    z
      .string()
      .min(1, 'must not be empty')
      .describe(
        'The bearer token itself. Use 32 or more random characters.; only its SHA-256 hash is kept.',
      ),
  ),
});

/** `tokens`: accepted as well as the tokens created with `faultline token create`. */
export const tokensSchema = z
  .array(tokenSchema)
  .superRefine((tokens, ctx) => {
    checkUnique(tokens, 'name', ctx);
    checkUnique(tokens, 'token', ctx, { quote: false });
  })
  .prefault([])
  .describe('Tokens accepted as well as the ones created with `faultline token create`.');

/** `metrics`: how `/metrics` is protected. */
export const metricsSchema = z
  .strictObject({
    token: secret(
      z
        .string()
        .min(1, 'must not be empty')
        .nullable()
        .prefault(null)
        .describe('A bearer token /metrics then requires; null: /metrics is open.'),
    ),
  })
  .prefault({})
  .describe('The Prometheus endpoint /metrics.');
