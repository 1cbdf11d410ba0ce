/** The schema of a notify channel's `when`: which incidents it receives. */
import { z } from 'zod';
import { FAILURE_LAYERS, OWNERS, SCOPES } from '@faultline/core';
import { failureLayerEnum } from './failure-layer-enum.js';

/** One value or a list of them in the file; always a non-empty list in the config. */
function oneOrMany<T extends z.ZodType<string>>(item: T, description: string) {
  return z
    .union([
      item.transform((v) => [v]),
      z.array(item).min(1, 'list at least one, or leave the key out'),
    ])
    .optional()
    .describe(description);
}

/** `when`: every key given must match; absent keys match everything. */
export const notifyWhenSchema = z
  .strictObject({
    layer: oneOrMany(failureLayerEnum(), `Incident layers: ${FAILURE_LAYERS.join(', ')}.`),
    owner: oneOrMany(z.enum(OWNERS), `Whose move it is: ${OWNERS.join(', ')}.`),
    scope: oneOrMany(z.enum(SCOPES), `Incident scopes: ${SCOPES.join(', ')}.`),
    provider: oneOrMany(z.string().min(1, 'must not be empty'), 'Providers, as in call records.'),
  })
  .prefault({})
  .describe(
    'Which incidents this channel receives: each key given must match. Absent: every incident.',
  );
