/** The schema of a probe's golden canary: a prompt and the one check its answer must pass. */
import { z } from 'zod';

/** How a golden answer is checked: exactly one of these. */
export type GoldenExpect =
  | { readonly contains: string }
  | { readonly equals: string }
  | { readonly regex: string }
  | { readonly json_schema: Readonly<Record<string, unknown>> };

const EXPECT_KEYS = ['contains', 'equals', 'regex', 'json_schema'] as const;

function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source);
    return undefined;
  } catch (e: unknown) {
    // V8 words it "Invalid regular expression: /(/: Unterminated group"; keep the reason only.
    const reason = e instanceof Error ? e.message.split(': ').pop() : undefined;
    return `not a valid regular expression (${reason ?? 'unknown reason'})`;
  }
}

const expectSchema = z
  .strictObject({
    contains: z.string().optional().describe('The answer contains this text.'),
    equals: z.string().optional().describe('The answer, trimmed, is exactly this text.'),
    regex: z.string().optional().describe('The answer matches this JavaScript regular expression.'),
    json_schema: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('The answer is JSON valid against this JSON Schema.'),
  })
  .superRefine((e, ctx) => {
    const given = EXPECT_KEYS.filter((k) => e[k] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message: `give exactly one of ${EXPECT_KEYS.join(', ')} (got ${given.length})`,
      });
    const problem = e.regex === undefined ? undefined : regexProblem(e.regex);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['regex'], message: problem });
  })
  .transform((e) => e as GoldenExpect)
  .describe('The check the answer must pass: exactly one of contains, equals, regex, json_schema.');

/** One golden canary. */
export const goldenSchema = z.strictObject({
  prompt: z.string().min(1, 'must not be empty').describe('The prompt sent.'),
  expect: expectSchema,
});
