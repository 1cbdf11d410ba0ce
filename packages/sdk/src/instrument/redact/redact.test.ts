import { describe, expect, it } from 'vitest';
import { KEY_SHAPES, maskKeyShapes, redactUrl } from './key-shapes.js';
import { cutEchoes } from './prompt-echo.js';
import { cutOverlap, requestText } from './prompt-overlap.js';
import { redactMessage, type RedactionContext } from './redact-message.js';
import { requestSecrets } from './request-secrets.js';

const ctx = (secrets: string[], text = ''): RedactionContext => ({
  secrets: () => secrets,
  requestText: () => text,
});

describe('maskKeyShapes', () => {
  it.each([
    ['OpenAI', 'sk-proj-Ab12Cd34Ef56Gh78'],
    ['OpenAI masked echo', 'sk-proj-********************abcd'],
    ['Anthropic', 'sk-ant-api03-AbCdEf012345-xyz'],
    ['Groq', 'gsk_AbCdEf0123456789xyz'],
    ['xAI', 'xai-AbCdEf0123456789xyz'],
    ['Hugging Face', 'hf_AbCdEf0123456789xyz'],
    ['Google API key', 'AIzaSyA1234567890abcdefghijkl'],
    ['AWS access key', 'AKIAIOSFODNN7EXAMPLE'],
    ['AWS temporary key', 'ASIAIOSFODNN7EXAMPLE'],
    ['Google OAuth token', 'ya29.a0AfH6SMBx-abc_def.ghi'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['bearer header, lower case', 'bearer abcdef0123456789'],
  ])('masks %s', (_name, key) => {
    const out = maskKeyShapes(`bad credential ${key}, see docs`);
    expect(out).toBe('bad credential [redacted], see docs');
  });

  it('leaves ordinary words alone', () => {
    const text = 'task-1234567 failed: ask-me later; the hf_ prefix; a risk-free plan';
    expect(maskKeyShapes(text)).toBe(text);
  });

  it('names, for each shape, every literal its matches start with (the quick pre-check)', () => {
    const escape = (p: string): string => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const [prefixes, shape] of KEY_SHAPES) {
      const start =
        prefixes.length === 1 ? escape(prefixes[0]!) : `(?:${prefixes.map(escape).join('|')})`;
      expect(shape.source.startsWith(`\\b${start}`)).toBe(true);
    }
  });

  it('redacts the key query parameter of a URL', () => {
    expect(redactUrl('https://g.example/v1beta/models/m:generateContent?alt=sse&key=AIzaXYZ')).toBe(
      'https://g.example/v1beta/models/m:generateContent?alt=sse&key=[redacted]',
    );
  });
});

describe('requestSecrets', () => {
  it('reads every key header, with and without its scheme word, and the key= parameter', () => {
    const headers = new Headers({
      authorization: 'bearer tok-lower-123',
      'x-api-key': 'anthropic-key-1',
      'api-key': 'azure-key-2',
      'x-goog-api-key': 'goog-key-3',
    });
    const secrets = requestSecrets(
      'https://h/x?key=query%2Bkey4',
      { headers },
      'https://h/x?key=query%2Bkey4',
    );
    for (const s of [
      'tok-lower-123',
      'bearer tok-lower-123',
      'anthropic-key-1',
      'azure-key-2',
      'goog-key-3',
      'query+key4',
    ])
      expect(secrets).toContain(s);
  });
});

describe('cutEchoes', () => {
  it.each([
    [
      'OpenAI invalid value quoting the prompt',
      "Invalid value for 'messages[0].content': expected a string, got 'Tell me about my diagnosis'.",
      "Invalid value for 'messages[0].content': expected a string, got '[redacted]'.",
    ],
    [
      'Gemini payload excerpt on the next line',
      'Invalid JSON payload received. Unexpected token.\n{"contents": [{"parts":[{"text": "my secret',
      'Invalid JSON payload received. Unexpected token.',
    ],
    [
      'Gemini unknown name with its location',
      'Invalid JSON payload received. Unknown name "foo" at \'contents[0]\': Cannot find field.',
      'Invalid JSON payload received. Unknown name "foo" at \'contents[0]\': Cannot find field.',
    ],
    [
      'pydantic input dump (OpenAI-compatible servers)',
      "messages.0.content: Input should be a valid string [type=string_type, input_value={'text': 'hi there'}, input_type=dict]",
      'messages.0.content: Input should be a valid string [type=string_type',
    ],
    [
      'apostrophes are not quotes',
      "The model can't find it's input",
      "The model can't find it's input",
    ],
  ])('%s', (_name, message, expected) => {
    expect(cutEchoes(message)).toBe(expected);
  });
});

describe('cutOverlap', () => {
  const prompt = requestText(
    JSON.stringify({
      model: 'gpt-5.1',
      messages: [{ role: 'user', content: 'Please summarise the quarterly revenue of ACME Corp.' }],
    }),
  );

  it('cuts any run of 16+ characters of the request text, at any offset', () => {
    for (let offset = 0; offset < 12; offset++) {
      const echo = 'Please summarise the quarterly revenue'.slice(offset, offset + 20);
      const out = cutOverlap(`messages.0.content: bad input ${echo} here`, prompt);
      // the cut run may take the spaces around it, which the prompt shares
      expect(out).toMatch(/^messages\.0\.content: bad input ?\[redacted\] ?here$/);
    }
  });

  it('keeps shorter common words', () => {
    const m = 'messages.0.content: the quarterly check failed';
    expect(cutOverlap(m, prompt)).toBe(m);
  });

  it('ignores the model id and reads only string values', () => {
    expect(requestText('{"model":"a-very-long-model-identifier","n":12345678901234567}')).toBe('');
  });
});

describe('redactMessage', () => {
  it('removes request keys by value, even split by nothing but punctuation, and cuts to 500', () => {
    const out = redactMessage(
      `Key custom-key-value!rejected ${'x'.repeat(900)}`,
      ctx(['custom-key-value']),
    );
    expect(out.startsWith('Key [redacted]!rejected')).toBe(true);
    expect(out).toHaveLength(500);
  });

  it('removes a key that sits across the 500-character cut', () => {
    const key = 'opaque-key-0123456789';
    const out = redactMessage(`${'y'.repeat(490)}${key}`, ctx([key]));
    expect(out).not.toContain('opaque');
  });
});
