/** Drafts an incident update from the diagnosis: public or internal voice, at any stage. */
import type { IncidentInput } from '../diagnosis/index.js';
import { incidentFacts, type FactOptions } from './incident-facts.js';
import { internalUpdate } from './internal-update.js';
import { publicUpdate } from './public-update.js';
import type { UpdateStage, Voice } from './update-vocabulary.js';

/** How to draft: the stage, the voice, and what only the team knows (actions, product name). */
export interface DraftOptions extends FactOptions {
  readonly stage: UpdateStage;
  readonly voice: Voice;
}

/**
 * Drafts the update for an incident. The public voice follows spec/diagnosis.md "The update text":
 * it names the layer and its owner, states the fact and the start time in UTC, says what is not
 * affected and what is being done, and never uses vague wording. The internal voice is a terse
 * message for the team with the evidence, the owner, the confidence and the next move.
 * Pure: every time comes from the incident or `options.now`.
 * @example
 * draftUpdate(incident, { stage: 'investigating', voice: 'public', actions: ['failing over to OpenAI'] })
 * // "Anthropic's API has been returning overloaded (HTTP 529) errors for claude-opus-4-7 … since 04:12 UTC. …"
 */
export function draftUpdate(incident: IncidentInput, options: DraftOptions): string {
  const facts = incidentFacts(incident, options);
  return options.voice === 'internal'
    ? internalUpdate(facts, options.stage)
    : publicUpdate(facts, options.stage);
}
