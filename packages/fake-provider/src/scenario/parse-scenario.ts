/** Reads scenarios from YAML or JSON text or files: read → parse → validate. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../validation/index.js';
import type { Scenario } from './scenario.js';
import { validateScenario } from './validate-scenario.js';

/** Source formats; YAML also reads JSON, since JSON is a subset of it. */
export type ScenarioFormat = 'yaml' | 'json';

/**
 * Parses and validates a scenario document.
 * @throws ConfigError listing every `path: problem` (syntax errors as `(root): …`).
 * @example
 * parseScenario(`
 * timeScale: 60
 * phases:
 *   - { name: calm, duration: 5m, faults: [] }
 *   - name: storm
 *     duration: 10m
 *     faults: [{ provider: anthropic, probability: 0.3, fault: { kind: overload } }]
 * `);
 */
export function parseScenario(
  text: string,
  format: ScenarioFormat = 'yaml',
  what?: string,
): Scenario {
  const label = what ?? 'invalid scenario';
  let value: unknown;
  try {
    value = format === 'json' ? JSON.parse(text) : parseYaml(text);
  } catch (e: unknown) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ConfigError(label, [`(root): invalid ${format.toUpperCase()}: ${message}`], {
      cause: e,
    });
  }
  return validateScenario(value, label);
}

/** Reads a scenario file; `.json` files parse as JSON, anything else as YAML. */
export async function loadScenario(path: string): Promise<Scenario> {
  const text = await readFile(path, 'utf8');
  const format: ScenarioFormat = extname(path).toLowerCase() === '.json' ? 'json' : 'yaml';
  return parseScenario(text, format, `invalid scenario ${path}`);
}
