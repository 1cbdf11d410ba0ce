/** The sentences public updates are built from: the fact, the share, what is not affected. */
import { causeWords, layerIntro, sideOf } from './cause-words.js';
import { describeFault } from './describe-fault.js';
import {
  capitalize as upperFirst,
  clockUtc,
  durationWords,
  listWords,
  percent,
  timeMs,
} from '../format/index.js';
import type { IncidentFacts } from './incident-facts.js';
import { nextMove } from './next-move.js';

/** "Anthropic's API has been returning … since 04:12 UTC." (`when` is "since 04:12 UTC" etc.) */
export function factSentence(f: IncidentFacts, when: string, past: boolean): string {
  const p = describeFault(f);
  const aux = past ? (p.plural ? 'were' : 'was') : p.plural ? 'have been' : 'has been';
  const intro = layerIntro(f, past, p.subject.startsWith(f.api));
  const subject =
    intro !== '' && !p.subject.startsWith(f.party) ? lowerFirst(p.subject) : p.subject;
  const note = p.note === undefined ? '' : ` ${past ? p.note.then : p.note.now}`;
  return sentence(f, `${intro}${subject} ${aux} ${p.doing} ${when}.${note}`);
}

/** "At the peak, 41% of requests to these models failed." */
export function shareSentence(f: IncidentFacts, past: boolean): string {
  const { layer, reason, peak_error_rate: peak } = f.incident;
  if (reason === 'slow' && peak === 0) {
    return past ? '' : 'Requests are still completing, only more slowly.';
  }
  const p = describeFault(f);
  const ref = p.namesModels ? (f.modelCount === 1 ? 'this model' : 'these models') : f.modelWords;
  const g = f.golden;
  if (layer === 'model' && g !== undefined && f.failedCheck === 'golden')
    return `${g.failed} of the last ${g.checks} known-answer checks of ${ref} (${percent(g.failed / Math.max(g.checks, 1))}) failed.`;
  if (layer === 'model')
    return `At the peak, ${percent(peak)} of responses from ${ref} were affected.`;
  return `At the peak, ${percent(peak)} of requests to ${ref} failed.`;
}

/** What the evidence shows is not affected: output quality, other providers, other models. */
export function notAffected(f: IncidentFacts, past: boolean): string[] {
  const { layer, reason } = f.incident;
  const out: string[] = [];
  const it = past ? 'it was' : 'this is';
  if (layer === 'provider' && reason === 'slow') {
    out.push(
      `The responses ${past ? 'stayed' : 'are'} complete and correct, only slower; ${it} not a change in model quality.`,
    );
  } else if (layer === 'provider' || layer === 'network') {
    const arrive =
      layer === 'network'
        ? past
          ? 'got through'
          : 'get through'
        : past
          ? 'did arrive'
          : 'do arrive';
    out.push(
      `The responses that ${arrive} ${past ? 'were' : 'are'} normal; ${it} not a change in model quality.`,
    );
  } else if (layer === 'integration') {
    const at = f.global ? 'any provider' : f.party;
    out.push(`${upperFirst(it)} not an outage at ${at}, and not a change in model quality.`);
  } else {
    out.push(
      `${sentence(f, f.api)} ${past ? 'stayed' : f.global ? 'are' : 'is'} up and answering requests; ${past ? 'it was' : 'this is'} not an outage.`,
    );
  }
  if (f.global) return out;
  const fine = past ? 'worked normally throughout' : 'are working normally';
  // "Our own service works" only when the fault is not ours; "other providers" only when seen.
  if (f.otherProvidersFine)
    out.push(
      f.incident.owner === 'ours'
        ? `Requests to other providers ${fine}.`
        : `${f.productName ?? 'Our own service'} and requests to other providers ${fine}.`,
    );
  if (f.otherModelsFine) out.push(`Other models from ${f.party} ${fine}.`);
  return out;
}

/** "We have traced this to Anthropic's API: …" */
export function causeSentence(f: IncidentFacts, past: boolean): string {
  return past
    ? `The cause was ${causeWords(f, true)}.`
    : `We have traced this to ${causeWords(f, false)}.`;
}

/**
 * When the provider's status page moved long after our first failures: "Anthropic's status page
 * has listed a problem since 04:29 UTC, 17 minutes after our first failed requests." Said so
 * readers who checked the page early know why it showed nothing.
 */
export function statusLagSentence(f: IncidentFacts, past: boolean): string {
  const lag = f.statusLag;
  const listedMs = lag === undefined ? undefined : timeMs(lag.listed_at);
  if (lag === undefined || listedMs === undefined) return '';
  const listed = past ? 'listed a problem from' : 'has listed a problem since';
  return `${sentence(f, sideOf(f))} status page ${listed} ${clockUtc(listedMs)}, ${durationWords(lag.lag_ms)} after our first failed requests.`;
}

/** What we are checking while investigating. */
export function checkingSentence(f: IncidentFacts): string {
  const lagged = statusLagSentence(f, false);
  const status =
    lagged !== ''
      ? ` ${lagged}`
      : f.statusPageShows
        ? ` ${sentence(f, sideOf(f))} status page also reports a problem.`
        : '';
  switch (f.incident.layer) {
    case 'provider':
      return `We are checking with ${f.global ? 'the providers' : f.party} and watching their status page.${status}`;
    case 'network':
      return f.incident.owner === 'ours'
        ? 'We are checking our DNS, outbound network and proxy settings.'
        : `We are checking our network path to ${f.party} and whether ${f.party} reports a problem.${status}`;
    case 'integration':
      return 'We are checking our recent changes and configuration.';
    case 'model':
      return `We are checking how many responses are affected and whether other models show the same.${status}`;
  }
}

/** The actions when known; otherwise the next move (ours → the fix, provider → watching). */
export function doingSentence(f: IncidentFacts): string {
  if (f.actions.length > 0) return `We are ${listWords(f.actions)}.`;
  if (f.incident.owner !== 'provider') return `We are ${nextMove(f)}.`;
  return `We are watching ${f.global ? "the providers' status pages" : `${sideOf(f)} status page`} and our own error rates, and will post again when this changes.`;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** Capitalizes a sentence start, except a provider id shown as given ("acme's API"). */
function sentence(f: IncidentFacts, s: string): string {
  return s.startsWith(f.party) ? s : upperFirst(s);
}
