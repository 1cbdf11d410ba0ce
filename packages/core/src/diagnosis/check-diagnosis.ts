/** Reads a whole diagnosis document: the header fields and every incident. */
import { checkIncident, type Checked } from './check-incident.js';
import { DIAGNOSIS_VERSION, type DiagnosisInput } from './diagnosis-document.js';
import { count, isFields, nullable, time } from './field-checks.js';
import type { IncidentInput } from './incident.js';

/**
 * The diagnosis in `value` (parsed JSON), or every `path: problem` that keeps it from being one
 * of spec/diagnosis.md.
 * @example
 * const d = checkDiagnosis(JSON.parse(text));
 * if (!d.ok) throw new Error(d.problems.join('\n'));
 */
export function checkDiagnosis(value: unknown): Checked<DiagnosisInput> {
  if (!isFields(value)) return { ok: false, problems: ['diagnosis: must be a JSON object'] };
  const problems = [
    ...(value['version'] === DIAGNOSIS_VERSION ? [] : [`version: must be ${DIAGNOSIS_VERSION}`]),
    ...count(value['records'], 'records'),
    ...count(value['bad_records'], 'bad_records'),
    ...nullable(time)(value['from'], 'from'),
    ...nullable(time)(value['to'], 'to'),
  ];
  const raw = value['incidents'];
  const incidents: IncidentInput[] = [];
  if (!Array.isArray(raw)) problems.push('incidents: must be an array');
  else
    raw.forEach((v: unknown, i) => {
      const c = checkIncident(v, `incidents[${i}]`);
      if (c.ok) incidents.push(c.value);
      else problems.push(...c.problems);
    });
  const { records, bad_records: bad, from, to } = value;
  if (problems.length > 0 || typeof records !== 'number' || typeof bad !== 'number')
    return { ok: false, problems };
  return {
    ok: true,
    value: {
      version: DIAGNOSIS_VERSION,
      records,
      bad_records: bad,
      from: typeof from === 'string' ? from : null,
      to: typeof to === 'string' ? to : null,
      incidents,
    },
  };
}
