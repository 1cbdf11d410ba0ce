import { describe, expect, it } from 'vitest';
import { endpointFor } from './endpoints.js';

describe('endpointFor', () => {
  it.each([
    ['https://api.anthropic.com/v1/messages', 'anthropic.messages', 'text'],
    ['https://api.anthropic.com/v1/messages/count_tokens', 'anthropic.count_tokens', 'no_text'],
    [
      'https://api.anthropic.com/v1/messages/batches/msgbatch_1/results',
      'anthropic.batches',
      'not_model',
    ],
    ['https://api.anthropic.com/v1/models?limit=20', 'models', 'not_model'],
    ['https://api.anthropic.com/v1/files', 'resources', 'not_model'],
    ['https://api.openai.com/v1/chat/completions', 'openai.chat', 'text'],
    [
      'https://api.openai.com/v1/chat/completions/chatcmpl-1/messages',
      'openai.chat.stored',
      'not_model',
    ],
    ['https://api.openai.com/v1/responses', 'openai.responses', 'text'],
    [
      'https://api.openai.com/v1/responses/input_tokens',
      'openai.responses.input_tokens',
      'no_text',
    ],
    ['https://api.openai.com/v1/responses/resp_1', 'openai.responses.stored', 'not_model'],
    ['https://api.openai.com/v1/completions', 'openai.completions', 'text'],
    ['https://api.openai.com/v1/embeddings', 'openai.embeddings', 'no_text'],
    ['https://api.openai.com/v1/moderations', 'openai.moderations', 'no_text'],
    ['https://api.openai.com/v1/models/', 'models', 'not_model'],
    ['https://api.openai.com/v1/batches', 'resources', 'not_model'],
    ['https://api.openai.com/v1/images/edits', 'openai.images', 'no_text'],
    ['https://api.openai.com/v1/audio/transcriptions', 'openai.audio', 'no_text'],
    ['https://api.openai.com/v1/threads/thread_1/messages', 'resources', 'not_model'],
    [
      'https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21',
      'openai.chat',
      'text',
    ],
    [
      'https://x.openai.azure.com/openai/deployments/d/embeddings?api-version=1',
      'openai.embeddings',
      'no_text',
    ],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:generateContent',
      'gemini.generate',
      'text',
    ],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/g:streamGenerateContent?alt=sse&key=k',
      'gemini.generate',
      'text',
    ],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/g:countTokens',
      'gemini.count_tokens',
      'no_text',
    ],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/e:embedContent',
      'gemini.embed',
      'no_text',
    ],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/e:batchEmbedContents',
      'gemini.embed',
      'no_text',
    ],
    ['https://generativelanguage.googleapis.com/v1beta/models?pageSize=50', 'models', 'not_model'],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro',
      'models',
      'not_model',
    ],
    ['https://generativelanguage.googleapis.com/upload/v1beta/files', 'resources', 'not_model'],
    [
      'https://generativelanguage.googleapis.com/v1beta/models/g:batchGenerateContent',
      'gemini.batch',
      'not_model',
    ],
    [
      'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-pro:generateContent',
      'gemini.generate',
      'text',
    ],
    [
      'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/l/publishers/google/models/text-embedding-005:predict',
      'gemini.predict',
      'no_text',
    ],
    [
      'https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/l/publishers/anthropic/models/claude-opus-4-7:streamRawPredict',
      'vertex.anthropic.messages',
      'text',
    ],
    [
      'https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/l/publishers/anthropic/models/count-tokens:rawPredict',
      'vertex.anthropic.count_tokens',
      'no_text',
    ],
    [
      'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/l/endpoints/openapi/chat/completions',
      'openai.chat',
      'text',
    ],
    ['http://127.0.0.1:8080/proxy/custom', 'unknown', 'text'],
  ])('%s → %s (%s)', (url, name, output) => {
    expect(endpointFor(url)).toMatchObject({ name, output });
  });

  it('names the wire format where it differs from the provider default', () => {
    expect(
      endpointFor('https://h/v1/projects/p/locations/l/publishers/anthropic/models/c:rawPredict')
        .format,
    ).toBe('anthropic');
    expect(endpointFor('https://h/v1beta/models/g:generateContent').format).toBe('gemini');
  });

  it('gives the same rows from its path cache, past the point where the cache is emptied', () => {
    const urls = [
      'https://api.anthropic.com/v1/messages',
      'https://api.openai.com/v1/files/file-1',
      'https://api.openai.com/v1/embeddings',
    ];
    const first = urls.map((u) => endpointFor(u).name);
    for (let i = 0; i < 1500; i++) endpointFor(`https://api.openai.com/v1/files/file-${i}`);
    expect(urls.map((u) => endpointFor(u).name)).toEqual(first);
    expect(first).toEqual(['anthropic.messages', 'resources', 'openai.embeddings']);
  });
});
