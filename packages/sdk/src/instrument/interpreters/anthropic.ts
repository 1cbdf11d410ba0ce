/** Anthropic Messages: SSE events and JSON bodies (error-taxonomy.md §1.3, §1.5). */
import {
  addText,
  emptyState,
  num,
  parseData,
  str,
  type Interpreter,
  type OutputState,
} from './output-state.js';
import { textDelta } from './anthropic-text-delta.js';

type Obj = Record<string, unknown> | undefined;

/** Event types of the Messages stream (`ping` carries nothing). */
const MESSAGE_EVENTS = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'error',
]);
/** Blocks that are the model's thinking, not its reply. */
const THINKING = new Set(['thinking', 'redacted_thinking']);

/**
 * A content block: text is text; any other non-thinking block (`tool_use`, `server_tool_use`,
 * `mcp_tool_use`, tool results of a `pause_turn` reply) is output that is not text.
 */
function block(state: OutputState, b: Obj): void {
  const type = str(b?.type);
  if (type === 'text') addText(state, b?.text);
  else if (type !== undefined && !THINKING.has(type)) state.toolCall = true;
}

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
      const text = textDelta(data);
      if (text !== undefined) {
        state.recognized = true; // as for any content_block_delta below
        addText(state, text);
        return;
      }
      const d = parseData(data);
      const type = str(d?.type) ?? name;
      if (MESSAGE_EVENTS.has(type)) state.recognized = true;
      switch (type) {
        case 'message_start':
          usage((d?.message as Obj)?.usage as Obj);
          break;
        case 'content_block_start':
          block(state, d?.content_block as Obj);
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
      state.recognized = b?.type === 'message' || Array.isArray(b?.content);
      for (const c of Array.isArray(b?.content) ? (b.content as Obj[]) : []) block(state, c);
      state.stopReason = str(b?.stop_reason);
      usage(b?.usage as Obj);
      state.terminal = true;
    },
  };
}
