/** The public voice: a status update that names the layer and its owner, per stage. */
import { clockUtc, durationWords, listWords, spanUtc } from '../format/index.js';
import type { IncidentFacts } from './incident-facts.js';
import {
  causeSentence,
  checkingSentence,
  doingSentence,
  factSentence,
  notAffected,
  shareSentence,
  statusLagSentence,
} from './update-sentences.js';
import type { UpdateStage } from './update-vocabulary.js';

/** What "back to normal" means for the incident's layer and reason. */
function recoveredSubject(f: IncidentFacts): string {
  if (f.incident.layer === 'model') return 'Responses have been passing our checks again';
  if (f.incident.reason === 'slow') return 'Response times have been back to normal';
  return 'Requests have been succeeding normally again';
}

function investigating(f: IncidentFacts): string[] {
  const more = f.actions.length > 0 ? [`Meanwhile we are ${listWords(f.actions)}.`] : [];
  return [
    factSentence(f, `since ${clockUtc(f.startMs)}`, false),
    shareSentence(f, false),
    ...notAffected(f, false),
    checkingSentence(f),
    ...more,
  ];
}

function identified(f: IncidentFacts): string[] {
  return [
    causeSentence(f, false),
    factSentence(f, `since ${clockUtc(f.startMs)}`, false),
    shareSentence(f, false),
    statusLagSentence(f, false),
    ...notAffected(f, false),
    doingSentence(f),
  ];
}

function monitoring(f: IncidentFacts): string[] {
  const since = f.endMs === undefined ? '' : ` since ${clockUtc(f.endMs)}`;
  const more = f.actions.length > 0 ? [`We are ${listWords(f.actions)}.`] : [];
  return [
    factSentence(f, `from ${clockUtc(f.startMs)}`, true),
    shareSentence(f, true),
    `${recoveredSubject(f)}${since}; we are watching closely before we close this incident.`,
    ...notAffected(f, true),
    ...more,
  ];
}

function resolved(f: IncidentFacts): string[] {
  const when =
    f.endMs === undefined
      ? `from ${clockUtc(f.startMs)}`
      : `${spanUtc(f.startMs, f.endMs)} (${durationWords(f.endMs - f.startMs)})`;
  const more = f.actions.length > 0 ? [`While it lasted, we were ${listWords(f.actions)}.`] : [];
  return [
    `Resolved: ${factSentence(f, when, true)}`,
    shareSentence(f, true),
    causeSentence(f, true),
    statusLagSentence(f, true),
    ...notAffected(f, true),
    ...more,
  ];
}

const STAGES: Readonly<Record<UpdateStage, (f: IncidentFacts) => string[]>> = {
  investigating,
  identified,
  monitoring,
  resolved,
};

/** The public update for `stage`, as one paragraph. */
export function publicUpdate(f: IncidentFacts, stage: UpdateStage): string {
  return STAGES[stage](f)
    .filter((s) => s !== '')
    .join(' ');
}
