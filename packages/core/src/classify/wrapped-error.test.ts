// Errors wrapped inside another provider's error, and untrusted names that match nothing (docs/classification.md).
import { describe } from 'vitest';
import { classifiesEach } from '../../test/classification-table.js';

describe('an Anthropic error wrapped inside a Google error (Claude on Vertex)', () => {
  const wrapped = (inner: string, extra = {}) => ({
    http_status: 400,
    error_type: 'INVALID_ARGUMENT',
    error_message: inner,
    content_type: 'application/json; charset=UTF-8',
    ...extra,
  });
  classifiesEach('vertex', [
    [
      'overloaded_error inside a 400 INVALID_ARGUMENT',
      wrapped('{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'),
      'provider/overloaded/provider',
      true,
    ],
    [
      'langgenius/dify#7122: Python repr form with details None',
      wrapped(
        "{'type': 'error', 'error': {'details': None, 'type': 'overloaded_error', 'message': 'Overloaded'}}",
      ),
      'provider/overloaded',
    ],
    [
      'inner invalid_request_error "prompt is too long" is context_length',
      wrapped(
        '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}',
      ),
      'integration/context_length',
    ],
    [
      'inner spend cap code from error.details',
      wrapped(
        '{"type":"error","error":{"type":"rate_limit_error","message":"limit","details":{"error_code":"enforced_spend_limit_reached"}}}',
        { http_status: 429 },
      ),
      'integration/quota_exhausted',
      false,
    ],
    [
      'text before the JSON and a truncated tail',
      wrapped(
        'Upstream said: {"type":"error","error":{"type":"api_error","message":"Internal server error while proc',
      ),
      'provider/server_error',
    ],
    [
      'an unknown inner type falls back to the outer error',
      wrapped('{"type":"error","error":{"type":"brand_new_error","message":"?"}}'),
      'integration/bad_request',
    ],
    [
      'JSON that is not an error falls back to the outer error',
      wrapped('{"field":"contents","problem":"missing"}'),
      'integration/bad_request',
    ],
    [
      'broken JSON does not throw',
      wrapped('{"type":"error","error":{"type":'),
      'integration/bad_request',
    ],
  ]);
});

describe('untrusted strings that are Object.prototype names match nothing', () => {
  const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
  for (const name of names) {
    classifiesEach(name, [
      [
        `provider "${name}" is an OpenAI-compatible API`,
        { http_status: 529 },
        'provider/overloaded',
      ],
      [
        `error_type "${name}" on a 400 is a bad request`,
        { http_status: 400, error_type: name, error_code: name, request_id: 'r' },
        'integration/bad_request',
      ],
      [`error_type "${name}" with no status`, { error_type: name }, 'provider/server_error'],
      [
        `stream error "${name}" is a stream error`,
        { http_status: 200, stream: true, stream_error_type: name },
        'provider/stream_error',
      ],
      [`network_error "${name}" is a reset`, { network_error: name }, 'network/reset'],
      [
        `stop_reason "${name}" with output is ok`,
        { http_status: 200, stop_reason: name, output_chars: 3 },
        'none/ok',
      ],
      [
        `check "${name}" failing is check_failed`,
        {
          http_status: 200,
          output_chars: 3,
          checks: JSON.parse(`{"${name}":false}`) as Record<string, boolean>,
        },
        'model/check_failed',
      ],
      [
        `wrapped inner type "${name}" falls back to the outer error`,
        {
          http_status: 400,
          error_type: 'INVALID_ARGUMENT',
          error_message: `{"type":"error","error":{"type":"${name}","message":"x"}}`,
        },
        'integration/bad_request',
      ],
    ]);
  }
});
