/** The internal voice: a terse message for the team with the evidence and whose move it is. */
import { sideOf } from './cause-words.js';
import { clockUtc, count, durationWords, listWords, percent } from '../format/index.js';
import type { IncidentFacts } from './incident-facts.js';
import { nextMove } from './next-move.js';
import type { UpdateStage } from './update-vocabulary.js';

/** The broken layer as the team says it. */
function layerWords(f: IncidentFacts): string {
  const to = f.global ? 'the providers' : f.party;
  switch (f.incident.layer) {
    case 'provider':
      return `provider layer (${f.api})`;
    case 'network':
      return `network layer (our path to ${to})`;
    case 'integration':
      return `integration layer (our integration with ${to})`;
    case 'model':
      return `model layer (output of ${f.modelWords})`;
  }
}

function whoseMove(f: IncidentFacts, stage: UpdateStage): string {
  const owner = f.incident.owner;
  if (stage === 'resolved') {
    const back = f.global ? 'all providers' : f.party;
    return `Next: check that traffic is back on ${back} and nothing stays disabled; write it up.`;
  }
  if (stage === 'monitoring') {
    return owner === 'ours'
      ? 'Next: watch error rates until they stay normal; make sure the fix stays in place.'
      : 'Next: keep the current routing until error rates stay normal, then switch back.';
  }
  if (owner === 'ours') return `Whose move: ours. Next: ${nextMove(f)}.`;
  if (owner === 'unknown') return `Whose move: not yet known. Next: ${nextMove(f)}.`;
  const whose = f.global ? "the providers'" : sideOf(f);
  return `Whose move: ${whose}. Ours meanwhile: ${nextMove(f)}.`;
}

function timeLine(f: IncidentFacts): string {
  const i = f.incident;
  const detected = Date.parse(i.detected_at);
  const parts = [`Since ${clockUtc(f.startMs)}`];
  if (Number.isFinite(detected)) parts.push(`detected ${clockUtc(detected)}`);
  if (i.resolved_at !== null && f.endMs !== undefined) {
    parts.push(`resolved ${clockUtc(f.endMs)} (${durationWords(f.endMs - f.startMs)})`);
  } else {
    parts.push('still open');
  }
  return parts.join(', ');
}

/** The internal message for `stage`, several short lines. */
export function internalUpdate(f: IncidentFacts, stage: UpdateStage): string {
  const i = f.incident;
  const lines = [
    `[${stage}] ${i.id} · ${layerWords(f)} · ${i.reason} · owner: ${i.owner} · confidence ${percent(i.confidence)}`,
    `${timeLine(f)} · ${i.scope} scope: ${f.global ? '' : `${f.party}, `}${f.modelWords} · peak ${percent(i.peak_error_rate)} failing · ${count(i.affected_calls)} calls affected`,
  ];
  if (i.evidence.length > 0) lines.push('Evidence:', ...i.evidence.map((e) => `- ${e.text}`));
  lines.push(whoseMove(f, stage));
  const doing = stage === 'resolved' ? 'Done' : 'Doing';
  if (f.actions.length > 0) lines.push(`${doing}: ${listWords(f.actions)}.`);
  return lines.join('\n');
}
