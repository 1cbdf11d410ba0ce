import { describe } from 'vitest';
import { classifiesEach, type Row } from '../../test/classification-table.js';

const net = (network_error: string, extra = {}) => ({ network_error, duration_ms: 120, ...extra });

const rows: Row[] = [
  ['§5.2 ENOTFOUND (getaddrinfo)', net('ENOTFOUND'), 'network/dns/unknown', true],
  ['§5.2 EAI_AGAIN (temporary DNS failure)', net('EAI_AGAIN'), 'network/dns', true],
  ['§5.2 ECONNREFUSED', net('ECONNREFUSED'), 'network/connect_refused/unknown', true],
  ['§5.2 ECONNRESET', net('ECONNRESET'), 'network/reset/unknown', true],
  ['§5.2 ETIMEDOUT', net('ETIMEDOUT'), 'network/connect_timeout', true],
  ['§5.2 ENETUNREACH', net('ENETUNREACH'), 'network/connect_timeout'],
  ['§5.2 EHOSTUNREACH', net('EHOSTUNREACH'), 'network/connect_timeout'],
  ['§5.2 EPIPE', net('EPIPE'), 'network/reset'],
  [
    '§5.2 UND_ERR_CONNECT_TIMEOUT (connect.timeout 10 s)',
    net('UND_ERR_CONNECT_TIMEOUT', { duration_ms: 10003 }),
    'network/connect_timeout',
    true,
  ],
  [
    '§5.2 UND_ERR_HEADERS_TIMEOUT (300 s without headers: slow provider)',
    net('UND_ERR_HEADERS_TIMEOUT', { duration_ms: 300000 }),
    'provider/timeout/provider',
    true,
  ],
  ['§5.2 UND_ERR_BODY_TIMEOUT before any status', net('UND_ERR_BODY_TIMEOUT'), 'provider/timeout'],
  ['§5.2 UND_ERR_SOCKET other side closed', net('UND_ERR_SOCKET'), 'network/reset'],
  [
    '§5.2 UND_ERR_ABORTED without a known aborter',
    net('UND_ERR_ABORTED'),
    'integration/client_error/ours',
  ],
  ['§5.2 UND_ERR_PRX_TLS', net('UND_ERR_PRX_TLS'), 'network/proxy'],
  ['§5.2 UND_ERR_PRX_CONN', net('UND_ERR_PRX_CONN'), 'network/proxy'],
  [
    '§5.2 UND_ERR_INVALID_ARG (dispatcher version mismatch)',
    net('UND_ERR_INVALID_ARG'),
    'integration/client_error',
    false,
  ],
  [
    '§5.2 UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
    net('UND_ERR_RES_CONTENT_LENGTH_MISMATCH'),
    'network/reset',
  ],
  ['§5.2 HPE_INVALID_CONSTANT (HTTPParserError)', net('HPE_INVALID_CONSTANT'), 'network/reset'],
  ['§5.2 CERT_HAS_EXPIRED', net('CERT_HAS_EXPIRED'), 'network/tls', false],
  ['§5.2 CERT_NOT_YET_VALID', net('CERT_NOT_YET_VALID'), 'network/tls'],
  ['§5.2 UNABLE_TO_VERIFY_LEAF_SIGNATURE', net('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'network/tls'],
  [
    '§5.2 UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    net('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'),
    'network/tls',
  ],
  ['§5.2 SELF_SIGNED_CERT_IN_CHAIN', net('SELF_SIGNED_CERT_IN_CHAIN'), 'network/tls'],
  ['§5.2 DEPTH_ZERO_SELF_SIGNED_CERT', net('DEPTH_ZERO_SELF_SIGNED_CERT'), 'network/tls'],
  ['§5.2 CERT_REVOKED', net('CERT_REVOKED'), 'network/tls'],
  ['§5.2 ERR_TLS_CERT_ALTNAME_INVALID', net('ERR_TLS_CERT_ALTNAME_INVALID'), 'network/tls'],
  ['§5.2 unknown TLS-ish code by pattern', net('ERR_SSL_WRONG_VERSION_NUMBER'), 'network/tls'],
  ['§5.2 unknown code degrades to reset', net('EWHATEVER'), 'network/reset'],
  [
    '§2.4 AbortSignal.timeout TimeoutError is our deadline',
    net('TimeoutError'),
    'integration/client_timeout',
  ],
  [
    '§7.1 our own deadline (aborted_by timeout) over a connect timeout',
    net('UND_ERR_CONNECT_TIMEOUT', { aborted_by: 'timeout', timeout_ms: 5000 }),
    'integration/client_timeout/ours',
    true,
  ],
  [
    '§7.1 our own deadline with no code',
    { aborted_by: 'timeout', timeout_ms: 30000, duration_ms: 30001 },
    'integration/client_timeout',
  ],
  [
    '§7.1 our deadline fired mid-stream after 200',
    { http_status: 200, stream: true, aborted_by: 'timeout', stream_completed: false },
    'integration/client_timeout',
  ],
  [
    '§2.4 caller AbortSignal is not a failure',
    { aborted_by: 'caller' },
    'none/cancelled/ours',
    false,
  ],
  [
    '§2.4 caller cancel mid-stream is not a failure',
    { http_status: 200, stream: true, aborted_by: 'caller', network_error: 'UND_ERR_ABORTED' },
    'none/cancelled',
  ],
];

describe('network — error-taxonomy.md §5 and §7.1', () => {
  classifiesEach('openai', rows);
});
