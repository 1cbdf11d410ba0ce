/**
 * OpenAI Chat Completions and Responses (and OpenAI-compatible APIs): chunks, `[DONE]`, error
 * objects inside the stream, refusals (error-taxonomy.md §2.5, §3.3).
 */
import {
  addText,
  emptyState,
  num,
  parseData,
  str,
  type Interpreter,
  type OutputState,
} from './output-state.js';

type Obj = Record<string, unknown> | undefined;

/** An interpreter for one OpenAI-format response. */
export function openaiInterpreter(): Interpreter {
  const state = emptyState();
  return {
    state,
    event(name, data) {
      if (data === '[DONE]') {
        state.terminal = state.recognized = true;
        return;
      }
      const d = parseData(data);
      if (d === undefined) return;
      if (d.error !== undefined && d.error !== null) return streamError(state, d.error as Obj);
      const type = str(d.type) ?? name;
      if (type.startsWith('response.') || type === 'error') return responsesEvent(state, type, d);
      if (Array.isArray(d.choices)) state.recognized = true;
      choice(state, (d.choices as Obj[] | undefined)?.[0], 'delta');
      usage(state, d.usage as Obj);
    },
    json(body) {
      const b = body as Obj;
      state.recognized = Array.isArray(b?.choices) || Array.isArray(b?.output);
      if (Array.isArray(b?.output)) responsesBody(state, b);
      else choice(state, (b?.choices as Obj[] | undefined)?.[0], 'message');
      usage(state, b?.usage as Obj);
      state.terminal = true;
    },
  };
}

function choice(state: OutputState, c: Obj, key: 'delta' | 'message'): void {
  if (c === undefined) return;
  const m = c[key] as Obj;
  addContent(state, m?.content);
  addText(state, c.text); // legacy /v1/completions
  if (typeof m?.refusal === 'string' && m.refusal.length > 0) state.refusal = true;
  if (Array.isArray(m?.tool_calls) || m?.function_call !== undefined) state.toolCall = true;
  if (m?.audio !== undefined && m.audio !== null) state.media = true;
  state.stopReason = str(c.finish_reason) ?? state.stopReason;
}

/** Message content: a string, or (some compatible APIs) an array of typed parts. */
function addContent(state: OutputState, content: unknown): void {
  if (!Array.isArray(content)) return addText(state, content);
  for (const part of content as Obj[]) {
    if (part?.type === 'text' || part?.type === 'output_text') addText(state, part.text);
    else if (part !== undefined) state.media = true;
  }
}

function usage(state: OutputState, u: Obj): void {
  state.inputTokens = num(u?.prompt_tokens) ?? num(u?.input_tokens) ?? state.inputTokens;
  state.outputTokens = num(u?.completion_tokens) ?? num(u?.output_tokens) ?? state.outputTokens;
}

function streamError(state: OutputState, e: Obj): void {
  state.streamErrorType = str(e?.type) ?? str(e?.code) ?? 'error';
  state.errorCode = str(e?.code);
  state.errorMessage = str(e?.message);
}

function responsesEvent(state: OutputState, type: string, d: Record<string, unknown>): void {
  const response = d.response as Obj;
  state.recognized = true;
  if (type === 'response.output_text.delta') addText(state, d.delta);
  else if (type === 'response.output_item.added' || type === 'response.output_item.done')
    item(state, d.item as Obj);
  else if (type === 'response.refusal.delta') state.refusal = true;
  else if (type === 'response.completed' || type === 'response.incomplete') {
    state.terminal = true;
    state.stopReason = str((response?.incomplete_details as Obj)?.reason) ?? state.stopReason;
    usage(state, response?.usage as Obj);
  } else if (type === 'response.failed') {
    streamError(state, { type: 'response.failed', ...(response?.error as object) });
  } else if (type === 'error') streamError(state, d);
}

/**
 * A Responses object. Background mode (`background: true`) answers at once with `status: "queued"`
 * or `"in_progress"` and `output: []`: the output comes later from GET /responses/{id}. A
 * `"failed"` one carries its `error` (platform.openai.com/docs/api-reference/responses/object).
 */
function responsesBody(state: OutputState, b: Record<string, unknown>): void {
  const status = str(b.status);
  if (status === 'queued' || status === 'in_progress') state.deferred = true;
  else if (status === 'failed')
    streamError(state, { type: 'response.failed', ...(b.error as object | undefined) });
  for (const it of b.output as Obj[]) {
    item(state, it);
    for (const part of Array.isArray(it?.content) ? (it.content as Obj[]) : []) {
      if (part?.type === 'output_text') addText(state, part.text);
      else if (part?.type === 'refusal') state.refusal = true;
    }
  }
  state.stopReason = str((b.incomplete_details as Obj)?.reason);
}

/** Reasoning is not output; messages carry text; every other item is a tool call or an image. */
function item(state: OutputState, it: Obj): void {
  const type = str(it?.type);
  if (type === undefined || type === 'message' || type === 'reasoning') return;
  if (type === 'image_generation_call') state.media = true;
  else state.toolCall = true;
}
