// Wording that decides across providers: filters, quota and billing, shared capacity (docs/classification.md).
import { describe } from 'vitest';
import { classifiesEach } from '../../test/classification-table.js';

describe('content filters reported as errors, whatever their type', () => {
  classifiesEach('anthropic', [
    [
      'anthropics/claude-code#43487: 400 invalid_request_error "Output blocked by content filtering policy"',
      {
        http_status: 400,
        error_type: 'invalid_request_error',
        error_message: 'Output blocked by content filtering policy',
        request_id: 'req_011CZibekJwDaAz4R8V6Qc5m',
      },
      'model/content_filter/provider',
      false,
    ],
    [
      'in-stream error event with the same message',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'invalid_request_error',
        error_message: 'Output blocked by content filtering policy',
      },
      'model/content_filter',
    ],
  ]);
  classifiesEach('azure-openai', [
    [
      'Oaklight/argo-proxy#91: SSE error chunk "content management policy"',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'error',
        error_message:
          "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.",
      },
      'model/content_filter',
    ],
  ]);
  classifiesEach('openai', [
    [
      'in-stream server_error "blocked by content filter"',
      {
        http_status: 200,
        stream: true,
        stream_error_type: 'server_error',
        error_message: 'Response was blocked by content filter.',
      },
      'model/content_filter',
    ],
    [
      'gateway stream error "content filtering" with no status',
      { stream_error_type: 'error', error_message: 'Request rejected by content filtering.' },
      'model/content_filter',
    ],
  ]);
});

describe('quota and billing wording without a telling type or code', () => {
  classifiesEach('openrouter', [
    [
      'OpenAI-compatible 429 "exceeded your current quota" with no type',
      {
        http_status: 429,
        error_message:
          'You exceeded your current quota, please check your plan and billing details.',
        request_id: 'r',
      },
      'integration/quota_exhausted/ours',
      false,
    ],
    [
      'anthropics/claude-code#66314 relayed by a gateway: "credit balance is too low"',
      {
        http_status: 400,
        error_message:
          'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
        request_id: 'r',
      },
      'integration/billing',
      false,
    ],
    [
      '400 mentioning billing',
      {
        http_status: 400,
        error_type: 'invalid_request_error',
        error_message: 'Your account is not active, please check your billing details.',
        request_id: 'r',
      },
      'integration/billing',
    ],
    [
      'a 429 with a plain rate-limit message stays rate_limited',
      { http_status: 429, error_message: 'Too many requests', request_id: 'r' },
      'integration/rate_limited',
      true,
    ],
  ]);
  classifiesEach('google', [
    [
      'google-gemini/gemini-cli#22486: free tier "limit: 0" needs billing',
      {
        http_status: 429,
        error_type: 'RESOURCE_EXHAUSTED',
        error_message:
          'You exceeded your current quota, please check your plan and billing details. * Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 0, model: gemini-3.1-pro Please retry in 25.4s.',
      },
      'integration/billing/ours',
      false,
    ],
    [
      'free tier with a real limit used up per minute stays rate_limited',
      {
        http_status: 429,
        error_type: 'RESOURCE_EXHAUSTED',
        error_message:
          'You exceeded your current quota. * Quota exceeded for metric: generate_content_free_tier_requests, limit: 10, model: gemini-2.5-flash',
      },
      'integration/rate_limited',
    ],
  ]);
});

describe('shared-capacity wording is the provider’s', () => {
  const vertex429 = (error_message: string, extra = {}) => ({
    http_status: 429,
    error_type: 'RESOURCE_EXHAUSTED',
    error_message,
    ...extra,
  });
  classifiesEach('vertex', [
    [
      'V1: "Resource exhausted. Please try again later."',
      vertex429('Resource exhausted. Please try again later.'),
      'provider/overloaded/provider',
      true,
    ],
    [
      'lower case, no punctuation',
      vertex429('resource exhausted please try again later'),
      'provider/overloaded',
    ],
    [
      'gRPC form: "8 RESOURCE_EXHAUSTED: Resource exhausted, try again later"',
      vertex429('8 RESOURCE_EXHAUSTED: Resource exhausted, try again later', { error_code: '8' }),
      'provider/overloaded',
    ],
    [
      'gRPC form with no HTTP status',
      {
        error_type: 'RESOURCE_EXHAUSTED',
        error_code: '8',
        error_message: 'RESOURCE_EXHAUSTED: Resource exhausted - please try again later.',
      },
      'provider/overloaded',
    ],
    [
      'a quota message with RESOURCE_EXHAUSTED stays ours',
      vertex429(
        'Quota exceeded for aiplatform.googleapis.com/online_prediction_requests_per_base_model with base model: anthropic-claude-3-5-sonnet-v2.',
      ),
      'integration/rate_limited',
    ],
  ]);
  classifiesEach('azure-openai', [
    [
      'pollinations/pollinations#6260: "high demand … during peak load"',
      {
        http_status: 429,
        error_code: 'RATE_LIMITED',
        error_message:
          'The system is currently experiencing high demand and cannot process your request. Your request exceeds the maximum usage size allowed during peak load. Please retry after 20 seconds.',
        request_id: 'a1',
      },
      'provider/overloaded/provider',
      true,
    ],
    [
      'the deployment’s own token rate limit stays ours',
      {
        http_status: 429,
        error_code: '429',
        error_message:
          'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current AIServices S0 pricing tier.',
        request_id: 'a1',
      },
      'integration/rate_limited/ours',
    ],
  ]);
  classifiesEach('openai', [
    [
      'openai/openai-python#414: server_error "overloaded with other requests"',
      {
        http_status: 500,
        error_type: 'server_error',
        error_message:
          'That model is currently overloaded with other requests. You can retry your request.',
        request_id: 'r',
      },
      'provider/overloaded',
    ],
  ]);
  classifiesEach('openrouter', [
    [
      'Aculeasis/openrouter-proxy#1: "temporarily rate-limited upstream"',
      {
        http_status: 429,
        error_message:
          'google/gemini-2.0-flash-exp:free is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits',
      },
      'provider/overloaded',
    ],
    [
      'anomalyco/opencode#47747: "Upstream request failed: [rate_limit_exceeded]"',
      {
        http_status: 429,
        error_type: 'rate_limit_error',
        error_code: 'rate_limit_exceeded',
        error_message:
          'Error from provider (Console Go): Upstream request failed: [rate_limit_exceeded] Rate limit exceeded. Please retry after a brief wait.',
      },
      'provider/overloaded',
    ],
  ]);
});
