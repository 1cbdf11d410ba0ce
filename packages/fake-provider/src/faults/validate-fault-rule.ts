/** Validates fault rules from YAML, JSON or the admin API, collecting every problem. */
import { PROVIDERS } from '../protocol/index.js';
import * as c from '../validation/index.js';
import { FAULT_KINDS, type FaultKind, type FaultRule } from './fault.js';

interface KindFields {
  readonly checks: Readonly<Record<string, c.Check>>;
  readonly required: readonly string[];
}

const none: KindFields = { checks: {}, required: [] };

/** The fields each fault kind takes besides `kind`. */
const KIND_FIELDS: Readonly<Record<FaultKind, KindFields>> = {
  status: {
    checks: {
      status: c.errorStatus,
      errorType: c.string,
      errorCode: c.string,
      message: c.string,
      retryAfterS: c.nonNegative,
    },
    required: ['status'],
  },
  overload: { checks: { retryAfterS: c.nonNegative }, required: [] },
  html: { checks: { status: c.errorStatus }, required: ['status'] },
  latency: { checks: { ms: c.nonNegative }, required: ['ms'] },
  slow_tokens: { checks: { tokensPerSecond: c.positive }, required: ['tokensPerSecond'] },
  reset: none,
  drop: { checks: { afterTokens: c.count }, required: ['afterTokens'] },
  stream_error: {
    checks: { afterTokens: c.count, errorType: c.string, message: c.string },
    required: ['afterTokens'],
  },
  stall: { checks: { afterTokens: c.count, ms: c.nonNegative }, required: ['afterTokens'] },
  empty: none,
  truncate: { checks: { afterTokens: c.count }, required: [] },
  refusal: none,
  malformed_json: none,
  garbled: none,
  answer: { checks: { text: c.string }, required: ['text'] },
};

const RULE_CHECKS: Readonly<Record<string, c.Check>> = {
  id: c.string,
  provider: c.oneOf(PROVIDERS),
  model: c.string,
  stream: c.boolean,
  probability: c.probability,
  fault: () => undefined,
};

/** Appends a `path: problem` line for everything wrong with `value` as a fault rule. */
export function checkFaultRule(value: unknown, path: string, problems: string[]): void {
  if (!c.isRecord(value)) {
    problems.push(c.problem(path, 'must be an object'));
    return;
  }
  c.checkFields(value, path, RULE_CHECKS, ['fault'], problems);
  if (value['fault'] !== undefined) checkFault(value['fault'], c.at(path, 'fault'), problems);
}

function checkFault(value: unknown, path: string, problems: string[]): void {
  if (!c.isRecord(value)) {
    problems.push(c.problem(path, 'must be an object'));
    return;
  }
  const kind = value['kind'];
  if (typeof kind !== 'string') {
    problems.push(c.problem(c.at(path, 'kind'), `must be one of ${FAULT_KINDS.join(', ')}`));
    return;
  }
  if (!isFaultKind(kind)) {
    problems.push(c.problem(c.at(path, 'kind'), `unknown kind "${kind}"`));
    return;
  }
  const { checks, required } = KIND_FIELDS[kind];
  const rest = { ...value };
  delete rest['kind'];
  c.checkFields(rest, path, checks, required, problems);
}

function isFaultKind(kind: string): kind is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(kind);
}

/**
 * Validates one rule or an array of rules; returns them, or every problem found.
 * Paths are relative to `path` (`[1].fault.kind` for the second rule of an array).
 */
export function validateFaultRules(
  value: unknown,
  path = '',
): { ok: true; rules: FaultRule[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const items = Array.isArray(value) ? value : [value];
  items.forEach((item, i) => {
    checkFaultRule(item, Array.isArray(value) ? c.at(path, i) : path, problems);
  });
  if (problems.length > 0) return { ok: false, problems };
  // Every field was checked above and unknown keys were refused, so the shape is a FaultRule.
  return { ok: true, rules: items as FaultRule[] };
}
