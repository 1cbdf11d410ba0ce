/** Gemini generateContent / streamGenerateContent (error-taxonomy.md §4.1). */
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

/** An interpreter for one Gemini response; a stream has no terminal event, a finishReason ends it. */
export function geminiInterpreter(): Interpreter {
  const state = emptyState();
  return {
    state,
    event(_name, data) {
      const d = parseData(data);
      if (d !== undefined) chunk(state, d);
    },
    json(body) {
      for (const d of Array.isArray(body) ? (body as Obj[]) : [body as Obj])
        if (d !== undefined && d !== null) chunk(state, d);
      state.terminal = true;
    },
  };
}

function chunk(state: OutputState, d: Record<string, unknown>): void {
  const error = d.error as Obj;
  if (error !== undefined) {
    state.recognized = true;
    state.streamErrorType = str(error.status) ?? 'error';
    state.errorMessage = str(error.message);
    return;
  }
  if (Array.isArray(d.candidates) || d.promptFeedback !== undefined) state.recognized = true;
  const candidate = (d.candidates as Obj[] | undefined)?.[0];
  for (const part of ((candidate?.content as Obj)?.parts as Obj[] | undefined) ?? []) {
    addText(state, part?.text);
    // Parts (ai.google.dev/api/caching#Part): calls and code are tool output, inline/file data media.
    if (part?.functionCall !== undefined || part?.executableCode !== undefined)
      state.toolCall = true;
    if (part?.inlineData !== undefined || part?.fileData !== undefined) state.media = true;
  }
  const finish = str(candidate?.finishReason);
  if (finish !== undefined) {
    state.stopReason = finish;
    state.terminal = true;
  }
  const block = str((d.promptFeedback as Obj)?.blockReason);
  if (block !== undefined) {
    state.stopReason = block;
    state.terminal = true;
  }
  const u = d.usageMetadata as Obj;
  state.inputTokens = num(u?.promptTokenCount) ?? state.inputTokens;
  state.outputTokens = num(u?.candidatesTokenCount) ?? state.outputTokens;
}
