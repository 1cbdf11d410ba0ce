import { describe, expect, it } from 'vitest';
import { bodyEncodingOf, bodyFormatOf } from './media-type.js';
import { duplicateOf } from './ingest-answer.js';

describe('bodyFormatOf', () => {
  it.each([
    ['application/x-ndjson', 'lines'],
    ['application/jsonl; charset=utf-8', 'lines'],
    [' Application/JSON ;charset=UTF-8', 'json'],
    ['application/json-seq', undefined],
    ['text/plain', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (type, format) => {
    expect(bodyFormatOf(type)).toBe(format);
  });
});

describe('bodyEncodingOf', () => {
  it.each([
    [undefined, 'identity'],
    ['identity', 'identity'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['gzip, gzip', undefined],
    ['br', undefined],
  ])('%j → %j', (coding, encoding) => {
    expect(bodyEncodingOf(coding)).toBe(encoding);
  });
});

describe('duplicateOf', () => {
  it('marks a stored first answer as a duplicate, keeping the rest as it was', () => {
    expect(duplicateOf('{"accepted":2,"rejected":[],"duplicate":false}')).toBe(
      '{"accepted":2,"rejected":[],"duplicate":true}',
    );
    expect(JSON.parse(duplicateOf('{"accepted":1}'))).toEqual({ accepted: 1, duplicate: true });
  });
});
