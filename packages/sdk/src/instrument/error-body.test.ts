import { describe, expect, it } from 'vitest';
import { cleanMessage, readErrorWords } from './error-body.js';

const none = new Headers();

describe('readErrorWords', () => {
  it.each([
    [
      'Anthropic with details.error_code',
      '{"type":"error","error":{"type":"rate_limit_error","message":"cap","details":{"error_code":"enforced_spend_limit_reached"}},"request_id":"req_1"}',
      { type: 'rate_limit_error', code: 'enforced_spend_limit_reached', message: 'cap' },
    ],
    [
      'OpenAI',
      '{"error":{"message":"over","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}',
      { type: 'insufficient_quota', code: 'insufficient_quota', message: 'over' },
    ],
    [
      'Gemini with ErrorInfo reason, in an array',
      '[{"error":{"code":400,"message":"API key not valid.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}]',
      { type: 'INVALID_ARGUMENT', code: 'API_KEY_INVALID', message: 'API key not valid.' },
    ],
    [
      'Bedrock',
      '{"message":"Too many tokens","__type":"ThrottlingException"}',
      { type: 'ThrottlingException', code: undefined, message: 'Too many tokens' },
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(readErrorWords(text, none)).toEqual(expected);
  });

  it('takes the Bedrock type from x-amzn-ErrorType when the body is not JSON', () => {
    const h = new Headers({
      'x-amzn-errortype': 'ServiceUnavailableException:http://internal.amazon.com/',
    });
    expect(readErrorWords('<html>', h).type).toBe('ServiceUnavailableException');
  });

  it('scrubs keys and cuts messages to 500 characters', () => {
    expect(cleanMessage('Incorrect API key provided: sk-proj-abc123XYZ987. See docs')).toBe(
      'Incorrect API key provided: [redacted]. See docs',
    );
    expect(cleanMessage('key AIzaSyA1234567890abcdefg is bad')).toBe('key [redacted] is bad');
    expect(cleanMessage('x'.repeat(900))).toHaveLength(500);
  });
});
