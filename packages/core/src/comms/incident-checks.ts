/** Checks of an update against its diagnosed incident: the right layer, the right provider. */
import { LAYER_PLAIN, layerMentions, qualityClaims } from './layer-mentions.js';
import type { LintContext, LintFinding } from './lint-finding.js';
import { providerMentions } from './party-mentions.js';
import { providerDisplayName } from '../format/index.js';
import { sentenceAt } from './text-spans.js';

type Incident = NonNullable<LintContext['incident']>;

/** A claim that the model got worse, when the diagnosis puts the fault in another layer. */
function modelQualityClaims(text: string, incident: Incident): LintFinding[] {
  if (incident.layer === 'model') return [];
  return qualityClaims(text).map((s) => ({
    rule: 'model-quality-claim',
    severity: 'error',
    message: `"${s.text}" claims a change in model quality, but the diagnosis puts the fault in ${LAYER_PLAIN[incident.layer]} (${incident.layer}/${incident.reason}); say which layer broke and that output quality is not affected`,
    excerpt: s.text,
    start: s.start,
    end: s.end,
  }));
}

/** The text names layers, but not the one the diagnosis found. */
function wrongLayer(text: string, incident: Incident, claimed: boolean): LintFinding[] {
  const named = layerMentions(text).filter((m) => !(claimed && m.layer === 'model'));
  if (named.length === 0 || named.some((m) => m.layer === incident.layer)) return [];
  const first = named[0]!;
  return [
    {
      rule: 'wrong-layer',
      severity: 'error',
      message: `"${first.text}" puts the fault in ${LAYER_PLAIN[first.layer]}, but the diagnosis says ${LAYER_PLAIN[incident.layer]} (${incident.layer}/${incident.reason}, owner ${incident.owner})`,
      excerpt: first.text,
      start: first.start,
      end: first.end,
    },
  ];
}

/** Another provider may be named as unaffected or as where traffic goes, not as the fault. */
const ELSEWHERE =
  /\b(?:working normally|unaffected|not affected|succeed(?:s|ed|ing)?|normal(?:ly)?|fail(?:s|ing|ed)? over|switch(?:es|ing|ed)?|rout(?:e|es|ing|ed)|fall(?:ing)? back|moving (?:traffic )?to)\b/i;

/** The text names a provider the incident does not involve, outside "unaffected"/failover sentences. */
function wrongProvider(text: string, incident: Incident, ctx: LintContext): LintFinding[] {
  const id = incident.provider;
  if (id === null || incident.scope === 'global') return [];
  const names = { [id]: providerDisplayName(id, ctx.providerNames), ...ctx.providerNames };
  const mentions = providerMentions(text, names);
  const namesOurs = mentions.some((m) => m.ids.includes(id));
  return mentions
    .filter((m) => !m.ids.includes(id) && !ELSEWHERE.test(sentenceAt(text, m.start).text))
    .map((m) => ({
      rule: 'wrong-provider',
      severity: namesOurs ? 'warning' : 'error',
      message: `names ${m.text}, but the incident is at ${names[id] ?? id}${namesOurs ? '; mention other providers only as unaffected or as where traffic goes' : ''}`,
      excerpt: m.text,
      start: m.start,
      end: m.end,
    }));
}

/** Every finding that needs the incident: `model-quality-claim`, `wrong-layer`, `wrong-provider`. */
export function incidentChecks(text: string, ctx: LintContext): LintFinding[] {
  const incident = ctx.incident;
  if (incident === undefined) return [];
  const claims = modelQualityClaims(text, incident);
  return [
    ...claims,
    ...wrongLayer(text, incident, claims.length > 0),
    ...wrongProvider(text, incident, ctx),
  ];
}
