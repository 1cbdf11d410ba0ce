// Error pages the API did not write: 407, CDN edge pages, wrong-URL 404s (docs/classification.md).
import { describe } from 'vitest';
import { classifiesEach } from '../../test/classification-table.js';

const html = 'text/html; charset=UTF-8';

describe('an SDK that refused before sending', () => {
  classifiesEach('anthropic', [
    [
      'no status, no transport code, only a message is our client, never ok',
      {
        error_message: 'Streaming is required for operations that may take longer than 10 minutes.',
      },
      'integration/client_error/ours',
      false,
    ],
    [
      'an empty message says nothing went wrong',
      { error_message: '', output_chars: 12 },
      'none/ok',
    ],
  ]);
});

describe('HTTP 407 — RFC 9110 §15.5.8', () => {
  classifiesEach('openai', [
    ['407 with a JSON body is still a proxy', { http_status: 407 }, 'network/proxy/unknown'],
    [
      '407 even with a request id',
      { http_status: 407, request_id: 'req_1', content_type: 'application/json' },
      'network/proxy',
    ],
  ]);
});

describe('CDN edge pages on the provider’s own host (Cloudflare 5xx)', () => {
  const page = (http_status: number, extra = {}) => ({
    http_status,
    content_type: html,
    edge: 'cloudflare',
    ...extra,
  });
  classifiesEach('openai', [
    [
      'n8n-io/n8n#18275: api.openai.com 520 page',
      page(520, { server_address: 'api.openai.com' }),
      'provider/server_error/provider',
      true,
    ],
    [
      'yoheinakajima/babyagi#64: api.openai.com 502 Bad gateway page',
      page(502, { server_address: 'api.openai.com' }),
      'provider/unavailable/provider',
      true,
    ],
    ['Cloudflare 504 page', page(504), 'provider/timeout/provider'],
    ['Cloudflare 524 a timeout occurred', page(524), 'provider/timeout/provider'],
    ['Cloudflare 521 origin down', page(521), 'provider/unavailable'],
    ['Cloudflare 522 connection timed out', page(522), 'provider/timeout'],
    ['Cloudflare 523 origin unreachable', page(523), 'provider/unavailable'],
    ['Cloudflare 525 SSL handshake failed', page(525), 'provider/unavailable'],
    ['Cloudflare 526 invalid SSL certificate', page(526), 'provider/unavailable'],
    [
      'plain-text "error code: 502" from the edge',
      { http_status: 502, content_type: 'text/plain', edge: 'cloudflare' },
      'provider/unavailable',
    ],
    [
      'a 403 challenge page stays edge_rejected',
      page(403, { server_address: 'api.openai.com' }),
      'network/edge_rejected/unknown',
      false,
    ],
    [
      'an edge page on a host that is not the provider’s is an intermediary',
      page(502, { server_address: 'llm-gateway.corp.example' }),
      'network/proxy/unknown',
    ],
    [
      'a 5xx page with no edge and no request id is still a proxy',
      { http_status: 502, content_type: html },
      'network/proxy',
    ],
    [
      'a JSON 500 behind the edge with a request id is the API’s own error',
      {
        http_status: 500,
        edge: 'cloudflare',
        request_id: 'req_1',
        error_type: 'server_error',
        content_type: 'application/json',
      },
      'provider/server_error',
    ],
  ]);
  classifiesEach('anthropic', [
    [
      'api.anthropic.com 504 edge page',
      page(504, { server_address: 'api.anthropic.com' }),
      'provider/timeout/provider',
    ],
    [
      'host with port and upper case still matches',
      page(502, { server_address: 'API.Anthropic.com:443' }),
      'provider/unavailable',
    ],
  ]);
  classifiesEach('openai', [
    [
      'a look-alike host is not the provider’s',
      page(502, { server_address: 'api.openai.com.proxy.example' }),
      'network/proxy',
    ],
  ]);
  classifiesEach('bedrock', [
    [
      'a regional Bedrock runtime host is the provider’s',
      page(503, { server_address: 'bedrock-runtime.us-east-1.amazonaws.com' }),
      'provider/unavailable',
    ],
  ]);
  classifiesEach('azure-openai', [
    [
      'an Azure resource host is the provider’s',
      page(502, { server_address: 'contoso.openai.azure.com' }),
      'provider/unavailable',
    ],
  ]);
  classifiesEach('vertex', [
    [
      'a regional Vertex host is the provider’s',
      page(502, { server_address: 'us-east5-aiplatform.googleapis.com' }),
      'provider/unavailable',
    ],
  ]);
  classifiesEach('openrouter', [
    [
      'an unknown provider id: the host it names is its own',
      page(502, { server_address: 'openrouter.ai' }),
      'provider/unavailable',
    ],
  ]);
});

describe('HTML 404 from a host that is not the provider’s API (wrong base URL)', () => {
  classifiesEach('openai', [
    [
      'nginx 404 page at a wrong base URL',
      { http_status: 404, content_type: html, server_address: 'localhost' },
      'integration/not_found/ours',
      false,
    ],
    [
      'a 404 page with no host recorded',
      { http_status: 404, content_type: 'text/html' },
      'integration/not_found',
    ],
  ]);
});
