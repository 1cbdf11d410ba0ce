/** The admin HTTP API under /_faultline/: fault rules, scenario, health. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateFaultRules } from '../faults/index.js';
import { parseScenario } from '../scenario/index.js';
import { closeAfterResponse, isBodyTooLargeError, readBody, sendJson } from '../http/index.js';
import { handleStatusPagesAdmin, type StatusPages } from '../status-pages/index.js';
import { isConfigError, isIdInUseError } from '../validation/index.js';
import type { AdminControls } from './admin-controls.js';
import { checkAdminRequest, type AdminPolicy } from './admin-policy.js';
import { mediaType } from './media-type.js';

/** What the admin API enforces on every request. */
export interface AdminOptions {
  readonly policy: AdminPolicy;
  readonly maxBodyBytes: number;
  /** Served under `/status-pages` when set. */
  readonly statusPages?: StatusPages;
}

const JSON_TYPES: readonly string[] = ['application/json'];
/** YAML has no registered type until RFC 9512 (`application/yaml`); these are in use. */
const SCENARIO_TYPES: readonly string[] = [
  ...JSON_TYPES,
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
];

/**
 * Routes `path` (the part after `/_faultline`):
 * GET /health · GET|POST|DELETE /faults · DELETE /faults/{id} · GET|PUT|DELETE /scenario ·
 * /status-pages[/{id}] (see handleStatusPagesAdmin).
 * Requests first pass {@link checkAdminRequest}; bodies must have a JSON (or, for a scenario,
 * YAML) content type — which no cross-origin form can send without a CORS preflight, and the
 * fake answers no preflight — and fit within `maxBodyBytes`.
 */
export async function handleAdmin(
  controls: AdminControls,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  options: AdminOptions,
): Promise<void> {
  const refusal = checkAdminRequest(req, options.policy);
  if (refusal !== undefined) {
    for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
    return sendJson(res, refusal.status, { error: refusal.error });
  }
  const method = req.method ?? 'GET';
  const key = `${method} ${path.replace(/\/+$/, '')}`;
  if (options.statusPages !== undefined && /^\/status-pages(?:\/|$)/.test(path)) {
    const readJson = (): Promise<string | undefined> =>
      body(req, res, JSON_TYPES, options.maxBodyBytes);
    const rest = path.slice('/status-pages'.length);
    return handleStatusPagesAdmin(options.statusPages, method, rest, res, readJson);
  }
  switch (key) {
    case 'GET /health':
      return sendJson(res, 200, { ok: true });
    case 'GET /faults': {
      const scenario = controls.scenarioStatus();
      return sendJson(res, 200, {
        faults: controls.listFaults(),
        scenario: scenario.active
          ? { name: scenario.name, phase: scenario.phase?.name ?? null, faults: scenario.faults }
          : null,
      });
    }
    case 'POST /faults': {
      const text = await body(req, res, JSON_TYPES, options.maxBodyBytes);
      return text === undefined ? undefined : addFaults(controls, text, res);
    }
    case 'DELETE /faults':
      return sendJson(res, 200, { cleared: controls.clearFaults() });
    case 'GET /scenario':
      return sendJson(res, 200, controls.scenarioStatus());
    case 'PUT /scenario': {
      const text = await body(req, res, SCENARIO_TYPES, options.maxBodyBytes);
      return text === undefined ? undefined : putScenario(controls, text, req, res);
    }
    case 'DELETE /scenario':
      return sendJson(res, 200, { stopped: controls.stopScenario() });
  }
  const one = /^DELETE \/faults\/([^/]+)$/.exec(key);
  if (one !== null) {
    // The router refused malformed percent-encoding, so this cannot throw.
    const id = decodeURIComponent(one[1] ?? '');
    return controls.removeFault(id)
      ? sendJson(res, 200, { removed: id })
      : sendJson(res, 404, { error: `no fault rule with id "${id}"` });
  }
  sendJson(res, 404, { error: `no admin endpoint ${method} /_faultline${path}` });
}

/** The body, or undefined once a 415 or 413 has been sent. */
async function body(
  req: IncomingMessage,
  res: ServerResponse,
  types: readonly string[],
  maxBytes: number,
): Promise<string | undefined> {
  const type = mediaType(req.headers['content-type']);
  if (!types.includes(type)) {
    closeAfterResponse(res);
    sendJson(res, 415, {
      error: `content-type must be ${types.join(' or ')}, not "${type === '' ? 'none' : type}"`,
    });
    return undefined;
  }
  try {
    return await readBody(req, maxBytes);
  } catch (e: unknown) {
    if (!isBodyTooLargeError(e)) throw e;
    closeAfterResponse(res);
    sendJson(res, 413, { error: `request body exceeds the limit of ${e.maxBytes} bytes` });
    return undefined;
  }
}

function addFaults(controls: AdminControls, text: string, res: ServerResponse): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e: unknown) {
    const why = e instanceof Error ? e.message : String(e);
    return sendJson(res, 400, {
      error: 'invalid fault rules',
      problems: [`(root): invalid JSON: ${why}`],
    });
  }
  const result = validateFaultRules(value);
  if (!result.ok)
    return sendJson(res, 400, { error: 'invalid fault rules', problems: result.problems });
  try {
    sendJson(res, 201, { ids: controls.addFaults(result.rules) });
  } catch (e: unknown) {
    if (!isIdInUseError(e)) throw e;
    sendJson(res, 409, { error: 'fault rule id already in use', problems: e.problems });
  }
}

function putScenario(
  controls: AdminControls,
  text: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const yaml = mediaType(req.headers['content-type']).includes('yaml');
  try {
    controls.loadScenario(parseScenario(text, yaml ? 'yaml' : 'json'));
  } catch (e: unknown) {
    if (!isConfigError(e)) throw e;
    return sendJson(res, 400, { error: 'invalid scenario', problems: e.problems });
  }
  sendJson(res, 200, controls.scenarioStatus());
}
