/**
 * Privacy at the door (call-record.md: "Nothing in a record may carry prompt text, output text,
 * or credentials"). The instruments never put them in, but any client can post records: fields
 * whose names say they carry a prompt, an output or a credential are dropped, and credential
 * shapes in every other string are masked, before anything is stored. Other unknown fields are
 * kept as the spec says, byte for byte when nothing had to change.
 */
import { maskKeyShapes } from '@faultline/sdk';

/** Top-level field names that carry prompt or output text, or credentials (lower case). */
export const DROPPED_FIELDS: ReadonlySet<string> = new Set([
  'prompt',
  'prompts',
  'system',
  'system_prompt',
  'instructions',
  'messages',
  'input',
  'inputs',
  'output',
  'outputs',
  'output_text',
  'completion',
  'completions',
  'content',
  'contents',
  'choices',
  'candidates',
  'response',
  'response_text',
  'response_body',
  'request_body',
  'body',
  'text',
  'api_key',
  'apikey',
  'x-api-key',
  'authorization',
  'headers',
  'cookie',
  'password',
  'secret',
]);

/** Cheap pre-test: text with none of these cannot hold a credential shape maskKeyShapes knows. */
const MAYBE_KEY = /sk-|sk_|gsk_|xai-|hf_|AIza|AKIA|ASIA|ya29\.|eyJ|bearer|basic|key=|token=/i;

/** A record made safe: `undefined` when nothing had to change (keep the text as ingested). */
export interface Scrubbed {
  readonly record: Record<string, unknown>;
  /** Names of the fields dropped. */
  readonly dropped: readonly string[];
}

function maskDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskKeyShapes(value);
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/** The record without forbidden fields and with credential shapes masked, or `undefined`. */
export function scrubRecord(record: object, text: string | undefined): Scrubbed | undefined {
  const dropped = Object.keys(record).filter((k) => DROPPED_FIELDS.has(k.toLowerCase()));
  const mayHoldKey = MAYBE_KEY.test(text ?? JSON.stringify(record));
  if (dropped.length === 0 && !mayHoldKey) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!dropped.includes(k)) kept[k] = v;
  const masked = mayHoldKey ? (maskDeep(kept, 0) as Record<string, unknown>) : kept;
  if (dropped.length === 0 && JSON.stringify(masked) === JSON.stringify(kept)) return undefined;
  return { record: masked, dropped };
}
