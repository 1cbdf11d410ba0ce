import { describe, expect, it } from 'vitest';
import type { GoldenExpect } from '../config/index.js';
import { goldenJudge } from './golden-check.js';

describe('goldenJudge', () => {
  it.each<[string, GoldenExpect, string, boolean]>([
    ['contains: present', { contains: 'pong' }, 'Pong! pong.', true],
    ['contains: absent', { contains: 'pong' }, 'ping', false],
    ['equals: trimmed', { equals: '4' }, ' 4\n', true],
    ['equals: more text', { equals: '4' }, 'It is 4', false],
    ['regex: match', { regex: '^\\s*paris\\b' }, ' paris is', true],
    ['regex: no match', { regex: '^\\d+$' }, '12a', false],
    [
      'json_schema: valid',
      { json_schema: { type: 'object', required: ['n'], properties: { n: { const: 4 } } } },
      '{"n":4}',
      true,
    ],
    [
      'json_schema: wrong value',
      { json_schema: { type: 'object', required: ['n'], properties: { n: { const: 4 } } } },
      '{"n":5}',
      false,
    ],
    [
      'json_schema: required without properties',
      { json_schema: { type: 'object', required: ['ok'] } },
      '{"answer":1}',
      false,
    ],
    [
      'json_schema: nested required',
      { json_schema: { type: 'object', properties: { a: { type: 'object', required: ['b'] } } } },
      '{"a":{}}',
      false,
    ],
    ['json_schema: not JSON', { json_schema: { type: 'object' } }, '```json\n{}\n```', false],
  ])('%s', (_name, expectation, answer, passed) => {
    expect(goldenJudge(expectation)(answer)).toBe(passed);
  });
});
