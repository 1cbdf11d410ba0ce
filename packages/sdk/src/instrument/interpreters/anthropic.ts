/** Anthropic Messages: SSE events and JSON bodies (error-taxonomy.md §1.3, §1.5). */
import { addText, emptyState, num, parseData, str, type Interpreter } from './output-state.js';

type Obj = Record<string, unknown> | undefined;

/** An interpreter for one Anthropic Messages response. */
export function anthropicInterpreter(): Interpreter {
  const state = emptyState();
  const usage = (u: Obj): void => {
    state.inputTokens = num(u?.input_tokens) ?? state.inputTokens;
    state.outputTokens = num(u?.output_tokens) ?? state.outputTokens;
  };
  return {
    state,
    event(name, data) {
      const d = parseData(data);
      const type = str(d?.type) ?? name;
      switch (type) {
        case 'message_start':
          usage((d?.message as Obj)?.usage as Obj);
          break;
        case 'content_block_start':
          if ((d?.content_block as Obj)?.type === 'tool_use') state.toolCall = true;
          addText(state, (d?.content_block as Obj)?.text);
          break;
        case 'content_block_delta': {
          const delta = d?.delta as Obj;
          if (delta?.type === 'text_delta') addText(state, delta.text);
          else if (delta?.type === 'input_json_delta') state.toolCall = true;
          break;
        }
        case 'message_delta':
          state.stopReason = str((d?.delta as Obj)?.stop_reason) ?? state.stopReason;
          usage(d?.usage as Obj);
          break;
        case 'message_stop':
          state.terminal = true;
          break;
        case 'error': {
          const e = d?.error as Obj;
          state.streamErrorType = str(e?.type) ?? 'error';
          state.errorMessage = str(e?.message);
          break;
        }
      }
    },
    json(body) {
      const b = body as Obj;
      for (const block of Array.isArray(b?.content) ? (b.content as Obj[]) : []) {
        if (block?.type === 'text') addText(state, block.text);
        else if (block?.type === 'tool_use') state.toolCall = true;
      }
      state.stopReason = str(b?.stop_reason);
      usage(b?.usage as Obj);
      state.terminal = true;
    },
  };
}
