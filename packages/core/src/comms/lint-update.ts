/** Lints an incident update against spec/diagnosis.md "The update text". */
import { incidentChecks } from './incident-checks.js';
import { layerMentions } from './layer-mentions.js';
import type { LintContext, LintFinding, LintResult } from './lint-finding.js';
import { namesFact, namesOwner, namesScope, namesTime } from './party-mentions.js';
import { providerDisplayName } from '../format/index.js';
import { vagueWording } from './vague-phrases.js';

function missing(
  rule: LintFinding['rule'],
  severity: LintFinding['severity'],
  message: string,
): LintFinding {
  return { rule, severity, message };
}

/** The whole-text rules: is each thing an update must say said at all? */
function missingParts(text: string, ctx: LintContext): LintFinding[] {
  const names = ctx.providerNames ?? {};
  const out: LintFinding[] = [];
  if (layerMentions(text).length === 0) {
    out.push(
      missing(
        'missing-layer',
        'error',
        "names no layer: say whether the provider's API or infrastructure, our own integration (a change, a deploy, our configuration), the network path, or the quality of the responses broke",
      ),
    );
  }
  if (!namesOwner(text, names)) {
    out.push(
      missing(
        'missing-owner',
        'error',
        'names no party: say whose it is — the provider by name, or "our"/"we"',
      ),
    );
  }
  if (!namesScope(text, ctx.incident?.models ?? [], names)) {
    out.push(
      missing(
        'missing-scope',
        'error',
        'says nothing about scope: name the affected models, the provider, or "all providers"',
      ),
    );
  }
  if (!namesTime(text)) {
    out.push(
      missing(
        'missing-time',
        'error',
        'gives no time with its time zone: say when it started, e.g. "since 04:12 UTC"',
      ),
    );
  }
  if (!namesFact(text)) {
    out.push(
      missing(
        'missing-fact',
        'warning',
        'states no observable fact: give the status code or error type and the share of failing requests',
      ),
    );
  }
  return out;
}

/**
 * Checks an update for wording that invites a wrong reading and for what it must say: the layer,
 * the owner, the scope, the time in UTC. With the incident it also checks that the text blames the
 * right layer and provider and does not claim a change in model quality the evidence does not show.
 * `ok` is false when any finding is an error.
 * @example
 * lintUpdate('Claude is experiencing degraded performance.').ok // false
 */
export function lintUpdate(text: string, context: LintContext = {}): LintResult {
  const id = context.incident?.provider;
  const providerNames =
    id === null || id === undefined
      ? context.providerNames
      : { [id]: providerDisplayName(id, context.providerNames), ...context.providerNames };
  context = providerNames === undefined ? context : { ...context, providerNames };
  const models = context.incident?.models ?? [];
  const spanned = [
    ...vagueWording(text, models, context.providerNames),
    ...incidentChecks(text, context),
  ].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  const findings = [...spanned, ...missingParts(text, context)];
  return { ok: !findings.some((f) => f.severity === 'error'), findings };
}
