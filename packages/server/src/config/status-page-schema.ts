/** The schema of `status_page`: the team's own public page at /status. */
import { z } from 'zod';
import { checkUnique } from './unique-names.js';

const PROVIDER_MODEL = /^[^/\s]+\/\S+$/;

const componentSchema = z.strictObject({
  name: z
    .string()
    .min(1, 'must not be empty')
    .describe('The feature as users know it ("Writing assistant").'),
  uses: z
    .array(
      z
        .string()
        .regex(PROVIDER_MODEL, 'expected "provider/model", e.g. "anthropic/claude-opus-4-7"'),
    )
    .min(1, 'list at least one "provider/model"')
    .describe('The provider models it depends on, as "provider/model".'),
});

/** `status_page`: null means one component per provider seen. */
export const statusPageSchema = z
  .strictObject({
    title: z.string().min(1, 'must not be empty').prefault('Status').describe('The page title.'),
    components: z
      .array(componentSchema)
      .superRefine((components, ctx) => checkUnique(components, 'name', ctx))
      .prefault([])
      .describe(
        'The features users see and the models each depends on. Empty: one component per provider seen.',
      ),
  })
  .nullable()
  .prefault(null)
  .describe(
    'The team\'s own public page at /status. null: titled "Status", one component per provider seen.',
  );
