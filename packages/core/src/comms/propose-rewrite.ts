/** Proposes a replacement for a weak update: the draft for the stage the text seems to be at. */
import type { IncidentInput } from '../diagnosis/index.js';
import { draftUpdate } from './draft-update.js';
import type { FactOptions } from './incident-facts.js';
import { findAll, isNegated } from './text-spans.js';
import type { UpdateStage } from './update-vocabulary.js';

/** Words that mark each stage, latest stage first (a resolved post often says "identified" too). */
const STAGE_WORDS: readonly (readonly [UpdateStage, RegExp])[] = [
  ['resolved', /\b(?:resolved|fixed|is over|has ended|fully recovered|restored)\b/i],
  [
    'monitoring',
    /\b(?:monitoring|recovered|recovering|back to normal|(?:succeeding normally|passing our checks) again)\b/i,
  ],
  ['identified', /\b(?:identified|root cause|the cause|traced|found the)\b/i],
];

/** The stage a text seems to be at; "investigating" unless it says otherwise (and means it). */
export function guessStage(text: string): UpdateStage {
  for (const [stage, words] of STAGE_WORDS) {
    if (findAll(text, words).some((s) => !isNegated(text, s.start))) return stage;
  }
  return 'investigating';
}

/** Options of `proposeRewrite`: those of `draftUpdate`, with the stage guessed when not given. */
export interface RewriteOptions extends FactOptions {
  readonly stage?: UpdateStage;
}

/**
 * The public draft for `incident` at the stage `text` seems to be at (or `options.stage`).
 * @example
 * proposeRewrite('We are seeing degraded performance on Claude.', incident)
 * // "Anthropic's API has been returning overloaded (HTTP 529) errors for … since 04:12 UTC. …"
 */
export function proposeRewrite(
  text: string,
  incident: IncidentInput,
  options: RewriteOptions = {},
): string {
  return draftUpdate(incident, {
    ...options,
    stage: options.stage ?? guessStage(text),
    voice: 'public',
  });
}
