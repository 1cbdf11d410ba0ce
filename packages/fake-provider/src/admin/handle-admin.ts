/** The admin HTTP API under /_faultline/: fault rules, scenario, health. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateFaultRules } from '../faults/index.js';
import { parseScenario } from '../scenario/index.js';
import { readBody, sendJson } from '../http/index.js';
import { isConfigError } from '../validation/index.js';
import type { AdminControls } from './admin-controls.js';

/**
 * Routes `path` (the part after `/_faultline`):
 * GET /health · GET|POST|DELETE /faults · DELETE /faults/{id} · GET|PUT|DELETE /scenario.
 */
export async function handleAdmin(
  controls: AdminControls,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const key = `${method} ${path.replace(/\/+$/, '')}`;
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
    case 'POST /faults':
      return addFaults(controls, await readBody(req), res);
    case 'DELETE /faults':
      return sendJson(res, 200, { cleared: controls.clearFaults() });
    case 'GET /scenario':
      return sendJson(res, 200, controls.scenarioStatus());
    case 'PUT /scenario':
      return putScenario(controls, await readBody(req), req.headers['content-type'], res);
    case 'DELETE /scenario':
      return sendJson(res, 200, { stopped: controls.stopScenario() });
  }
  const one = /^DELETE \/faults\/([^/]+)$/.exec(key);
  if (one !== null) {
    const id = decodeURIComponent(one[1] ?? '');
    return controls.removeFault(id)
      ? sendJson(res, 200, { removed: id })
      : sendJson(res, 404, { error: `no fault rule with id "${id}"` });
  }
  sendJson(res, 404, { error: `no admin endpoint ${method} /_faultline${path}` });
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
  sendJson(res, 201, { ids: controls.addFaults(result.rules) });
}

function putScenario(
  controls: AdminControls,
  text: string,
  contentType: string | undefined,
  res: ServerResponse,
): void {
  try {
    controls.loadScenario(
      parseScenario(text, contentType?.includes('yaml') === true ? 'yaml' : 'json'),
    );
  } catch (e: unknown) {
    if (!isConfigError(e)) throw e;
    return sendJson(res, 400, { error: 'invalid scenario', problems: e.problems });
  }
  sendJson(res, 200, controls.scenarioStatus());
}
