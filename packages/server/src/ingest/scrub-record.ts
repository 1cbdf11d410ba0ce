/**
 * Privacy at the door (call-record.md: "Nothing in a record may carry prompt text, output text,
 * or credentials"). The instruments never put them in, but any client can post records: fields
 * whose names say they carry a prompt, an output or a credential are dropped, at any depth, and
 * credential shapes in every other string (and object key) are masked, before anything is
 * stored. Other unknown fields are kept as the spec says, byte for byte when nothing had to change.
 */
import { maskKeyShapes } from '@faultline/sdk';

/** Field names that carry prompt or output text, or credentials (lower case). */
export const DROPPED_FIELDS: ReadonlySet<string> = new Set(
  (
    'prompt prompts system system_prompt instructions messages input inputs output ' +
    'outputs output_text completion completions content contents choices candidates ' +
    'response response_text response_body request_body body text api_key apikey ' +
    'x-api-key authorization headers cookie password secret'
  ).split(' '),
);

/**
 * Words that mark a name as prompt, output or credential wherever they stand in it, as in
 * `gen_ai.prompt`, `user_prompt`, `llm.input_messages`, `promptText`, `client_secret`.
 */
const MARKING_WORDS = new Set(
  (
    'prompt prompts messages completion completions apikey password passwd secret ' +
    'authorization cookie credential credentials token'
  ).split(' '),
);

/** Deeper than this, a record is refused rather than stored partly unchecked. */
const MAX_DEPTH = 64;

/** Cheap pre-test: text with none of these cannot hold a credential shape maskKeyShapes knows. */
const MAYBE_KEY = /sk-|sk_|gsk_|xai-|hf_|AIza|AKIA|ASIA|ya29\.|eyJ|bearer|basic|key=|token=/i;

const verdicts = new Map<string, boolean>();

/** Whether a field of this name carries prompt, output or credential text (any letter case). */
export function isTextFieldName(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict !== undefined) return verdict;
  const lower = name.toLowerCase();
  const last = lower.split(/[.:/]/).pop() ?? lower;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  verdict =
    DROPPED_FIELDS.has(lower) ||
    DROPPED_FIELDS.has(last) ||
    lower.replace(/[^a-z0-9]/g, '').includes('apikey') ||
    words.some((w) => MARKING_WORDS.has(w));
  if (verdicts.size < 10_000) verdicts.set(name, verdict);
  return verdict;
}

/** A record made safe: `undefined` when nothing had to change (keep the text as ingested). */
export interface Scrubbed {
  readonly record: Record<string, unknown>;
  /** Paths of the fields dropped (`a.b` when nested). */
  readonly dropped: readonly string[];
}

const isTree = (v: unknown): v is object => v !== null && typeof v === 'object';
/**
 * Whether field `k` goes: a name that says so, holding text or structure (a count such as
 * `prompt_tokens` or a boolean check says nothing); a top-level listed name whatever it holds.
 */
const drops = (k: string, v: unknown, depth: number): boolean =>
  isTextFieldName(k) &&
  (typeof v === 'string' || isTree(v) || (depth === 0 && DROPPED_FIELDS.has(k.toLowerCase())));

function tooDeep(): never {
  throw new RangeError(`a record nested more than ${MAX_DEPTH} levels deep`);
}

/** Whether `value` has a field to drop anywhere in it; throws a RangeError past the depth limit. */
function hasTextField(value: object, depth: number): boolean {
  if (depth > MAX_DEPTH) tooDeep();
  if (Array.isArray(value)) return value.some((v) => isTree(v) && hasTextField(v, depth + 1));
  const fields = value as Record<string, unknown>;
  for (const k in fields) {
    const v = fields[k];
    if (drops(k, v, depth)) return true;
    if (isTree(v) && hasTextField(v, depth + 1)) return true;
  }
  return false;
}

function clean(
  value: unknown,
  depth: number,
  mask: boolean,
  path: string,
  dropped: string[],
): unknown {
  if (typeof value === 'string') return mask ? maskKeyShapes(value) : value;
  if (!isTree(value)) return value;
  if (depth > MAX_DEPTH) tooDeep();
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1, mask, path, dropped));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const at = path === '' ? k : `${path}.${k}`;
    if (drops(k, v, depth)) dropped.push(at);
    else out[mask ? maskKeyShapes(k) : k] = clean(v, depth + 1, mask, at, dropped);
  }
  return out;
}

/**
 * The record without forbidden fields and with credential shapes masked, or `undefined` when
 * nothing had to change. Throws a RangeError for a record nested more than 64 levels deep.
 */
export function scrubRecord(record: object, text: string | undefined): Scrubbed | undefined {
  // A `\u` escape in the text can spell a key the raw text does not show: test the parsed form.
  const plain = text !== undefined && !text.includes('\\u') ? text : JSON.stringify(record);
  const mayHoldKey = MAYBE_KEY.test(plain);
  if (!hasTextField(record, 0) && !mayHoldKey) return undefined;
  const dropped: string[] = [];
  const masked = clean(record, 0, mayHoldKey, '', dropped) as Record<string, unknown>;
  if (dropped.length === 0 && JSON.stringify(masked) === JSON.stringify(record)) return undefined;
  return { record: masked, dropped };
}
