/** Reads a `faultline diagnose --json` document and picks the incident to check an update against. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  DIAGNOSIS_VERSION,
  UsageError,
  checkIncident,
  isObject,
  type IncidentInput,
} from '@faultline/core';
import { readText } from '../../io/read-text.js';

/** Far more than any diagnosis `faultline diagnose --json` writes. */
const MAX_DIAGNOSIS_BYTES = 64 << 20;

/**
 * The incident named `id` (or the first) in the diagnosis at `path`. A file that is not a diagnosis
 * fails with one error listing every `path: problem`; an unknown `id` is a usage error.
 */
export async function readDiagnosisIncident(path: string, id?: string): Promise<IncidentInput> {
  // stat first, so a missing file or a directory fails with its own reason; the size cap keeps
  // `--diagnosis /dev/zero` from reading forever.
  if ((await stat(path)).isDirectory()) {
    throw Object.assign(new Error('is a directory'), { code: 'EISDIR', path });
  }
  const text = await readText(createReadStream(path), MAX_DIAGNOSIS_BYTES).catch((e: unknown) => {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e: unknown) {
    throw new Error(`${path}: not JSON: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  // Only the header and the chosen incident are checked: the others need not be readable.
  const fields = isObject(doc) ? doc : undefined;
  const incidents = fields?.['incidents'];
  const problems: string[] = [];
  if (fields === undefined) problems.push('diagnosis: must be a JSON object');
  else if (fields['version'] !== DIAGNOSIS_VERSION)
    problems.push(`version: must be ${DIAGNOSIS_VERSION}`);
  if (fields !== undefined && !Array.isArray(incidents))
    problems.push('incidents: must be an array');
  if (problems.length > 0 || !Array.isArray(incidents)) throw notADiagnosis(path, problems);
  if (incidents.length === 0)
    throw new Error(`${path}: the diagnosis has no incidents to check against`);
  const ids = incidents.map((i: unknown) => (i as { id?: unknown } | null)?.id);
  const index = id === undefined ? 0 : ids.indexOf(id);
  if (index < 0) {
    const known = ids.filter((x): x is string => typeof x === 'string').join(', ');
    throw new UsageError(`--incident ${id}: no such incident in ${path} (it has: ${known})`);
  }
  const checked = checkIncident(incidents[index], `incidents[${index}]`);
  if (!checked.ok) throw notADiagnosis(path, checked.problems);
  return checked.value;
}

function notADiagnosis(path: string, problems: readonly string[]): Error {
  return new Error(
    `${path} is not a diagnosis of spec/diagnosis.md:\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
}
