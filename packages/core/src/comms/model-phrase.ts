/** The fact sentence of a model-layer incident: responses arrive, but their content is wrong. */
import type { ModelReason } from '../classify/index.js';
import { phrase, type FaultPhrase } from './fault-phrase.js';
import type { IncidentFacts } from './incident-facts.js';
import { possessive } from '../format/index.js';

const DOING: Readonly<Record<ModelReason, (f: IncidentFacts) => string>> = {
  empty: () => 'arriving empty: a success status but no output',
  truncated: () => 'arriving cut off before the end (stopped at the output token limit)',
  refusal: () => 'arriving as refusals of requests the model normally answers',
  content_filter: (f) =>
    `blocked by ${f.global ? "the providers'" : possessive(f.party)} content filter`,
  malformed: (f) =>
    `arriving malformed, not in the format we ask for${f.failedCheck === undefined ? '' : ` (failing our ${checkWords(f.failedCheck)})`}`,
  check_failed: (f) => `arriving but failing our ${checkWords(f.failedCheck)}`,
};

/**
 * A failed user check by its name ("json_valid check"); a golden canary (`checks.golden`, a
 * known-answer prompt) as what it is; no name known, our format checks in general.
 */
function checkWords(name: string | undefined): string {
  if (name === undefined) return 'format checks';
  if (name === 'golden') return 'known-answer checks';
  return `${name} check`;
}

/** "Responses from OpenAI's gpt-5.1 have been arriving but failing our format checks …". */
export function modelPhrase(f: IncidentFacts): FaultPhrase {
  const whose =
    f.global || f.modelCount === 0 ? f.modelWords : `${possessive(f.party)} ${f.modelWords}`;
  const reason = f.incident.reason;
  // Golden canaries: the one case an update speaks of answers' quality, and then precisely.
  if (reason === 'check_failed' && f.failedCheck === 'golden')
    return phrase(`Answers from ${whose}`, 'failing our known-answer checks', {
      plural: true,
      namesModels: true,
    });
  const doing = Object.hasOwn(DOING, reason)
    ? DOING[reason as ModelReason](f)
    : 'arriving but wrong';
  return phrase(`Responses from ${whose}`, doing, { plural: true, namesModels: true });
}
