import { describe, expect, it } from 'vitest';
import { builtInChecks, type OutputFacts } from './output-check.js';

const facts = (o: Partial<OutputFacts>): OutputFacts => ({
  text: 'hello',
  textComplete: true,
  chars: 5,
  stopReason: 'end_turn',
  refusal: false,
  toolCall: false,
  wantsJson: false,
  ...o,
});

describe('builtInChecks', () => {
  it('passes a normal answer', () => {
    expect(builtInChecks(facts({}))).toEqual({ refusal: true, truncated: true, empty: true });
  });
  it('fails empty output but not a tool call', () => {
    expect(builtInChecks(facts({ text: '', chars: 0 })).empty).toBe(false);
    expect(builtInChecks(facts({ text: '', chars: 0, toolCall: true })).empty).toBe(true);
  });
  it('counts images and tool stops (Anthropic pause_turn, OpenAI tool_calls) as output', () => {
    expect(builtInChecks(facts({ text: '', chars: 0, media: true })).empty).toBe(true);
    for (const stopReason of ['pause_turn', 'tool_use', 'tool_calls'])
      expect(builtInChecks(facts({ text: '', chars: 0, stopReason })).empty).toBe(true);
  });
  it('fails truncation stop reasons of each provider', () => {
    for (const stopReason of ['max_tokens', 'length', 'MAX_TOKENS', 'max_output_tokens']) {
      expect(builtInChecks(facts({ stopReason })).truncated).toBe(false);
    }
  });
  it('fails refusals by stop reason and by refusal field, and a refusal is not empty', () => {
    expect(builtInChecks(facts({ stopReason: 'refusal', chars: 0 }))).toMatchObject({
      refusal: false,
      empty: true,
    });
    expect(builtInChecks(facts({ stopReason: 'stop', refusal: true, chars: 0 })).refusal).toBe(
      false,
    );
  });
  it('judges JSON only when JSON was asked and there is complete text', () => {
    expect(builtInChecks(facts({ wantsJson: true, text: '{"a":1}', chars: 7 })).json_valid).toBe(
      true,
    );
    expect(
      builtInChecks(facts({ wantsJson: true, text: '```json\n{"a":1', chars: 14 })).json_valid,
    ).toBe(false);
    expect('json_valid' in builtInChecks(facts({ wantsJson: false, text: 'x' }))).toBe(false);
    expect('json_valid' in builtInChecks(facts({ wantsJson: true, text: '', chars: 0 }))).toBe(
      false,
    );
    expect('json_valid' in builtInChecks(facts({ wantsJson: true, textComplete: false }))).toBe(
      false,
    );
  });
});
