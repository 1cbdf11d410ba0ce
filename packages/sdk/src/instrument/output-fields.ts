/** Writes what the body said about the output into a record: stream errors, usage, stop, chars. */
import type { OutputState } from './interpreters/index.js';
import { redactMessage, redactWord, type RedactionContext } from './redact/index.js';

export interface OutputFieldsOptions {
  /** The body ended normally (not broken off, not cancelled before its end). */
  readonly bodyEnded: boolean;
  /** False when the output was too large to inspect: nothing is judged from a partial view. */
  readonly inspected: boolean;
  /** The endpoint table names a generation endpoint: its output is judged whatever its shape. */
  readonly expectsOutput: boolean;
  readonly redaction: RedactionContext;
}

/**
 * Sets the output fields of `r` from `s`; returns true when the output is to be judged by checks.
 * Output that is neither from a generation endpoint nor recognized as a generation by its shape
 * (embeddings, token counts, an unknown path's body), or that was too large to inspect, gets no `output_chars`, `stop_reason` or `stream_completed`, so it
 * classifies as `none/ok`, never `model/empty` or a broken stream.
 */
export function writeOutputFields(
  r: Record<string, unknown>,
  s: OutputState,
  o: OutputFieldsOptions,
): boolean {
  if (s.streamErrorType !== undefined) {
    // A 200 JSON body that reports a failure (a failed Responses object) names it as a body does.
    r[r.stream === true ? 'stream_error_type' : 'error_type'] = redactWord(
      s.streamErrorType,
      o.redaction,
    );
    if (s.errorCode !== undefined) r.error_code = redactWord(s.errorCode, o.redaction);
    if (s.errorMessage !== undefined) r.error_message = redactMessage(s.errorMessage, o.redaction);
  }
  if (s.inputTokens !== undefined) r.input_tokens = s.inputTokens;
  const judged = o.inspected && !s.deferred && (o.expectsOutput || s.recognized);
  if (r.stream === true) {
    // A stream that broke off or carried an error did not complete, whatever it held; one that
    // ended is complete when its terminal event was seen, which only an inspected stream shows.
    if (!o.bodyEnded || s.streamErrorType !== undefined) r.stream_completed = false;
    else if (judged) r.stream_completed = s.terminal;
  }
  if (!judged) return false;
  if (s.stopReason !== undefined) r.stop_reason = redactWord(s.stopReason, o.redaction);
  if (s.outputTokens !== undefined) r.output_tokens = s.outputTokens;
  // Characters of text: a reply of only tool calls or images has no text to count, and 0 would
  // read as an empty answer (core classify/model-output.ts), so the field is left out.
  if (s.chars > 0 || !(s.toolCall || s.media)) r.output_chars = s.chars;
  return o.bodyEnded && s.streamErrorType === undefined;
}
