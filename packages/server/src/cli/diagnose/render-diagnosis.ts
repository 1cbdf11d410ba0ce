/** The people-facing form of a diagnosis: one block per incident, times in UTC. */
import type { Diagnosis } from '@faultline/core';
import { terminalSafe } from '../terminal-text.js';

export type { Diagnosis };

const LAYER_WORDS: ReadonlyMap<string, string> = new Map([
  ['integration', 'our integration'],
  ['network', 'the network path'],
  ['provider', "the provider's API"],
  ['model', "the model's output"],
]);

/** Renders the diagnosis for a terminal or a log. */
export function renderDiagnosis(d: Diagnosis): string {
  const span =
    d.from === null ? 'no records' : `${d.records} records from ${utc(d.from)} to ${utc(d.to!)}`;
  const head = `${span}${d.bad_records > 0 ? `, ${d.bad_records} bad lines skipped` : ''}\n`;
  if (d.incidents.length === 0)
    return `${head}No incidents: nothing rose above normal background noise.\n`;
  const blocks = d.incidents.map((i) => {
    const delay = (Date.parse(i.detected_at) - Date.parse(i.started_at)) / 1000;
    const lines = [
      // The id holds the provider's name, which comes from the records.
      `${terminalSafe(i.id)}  ${LAYER_WORDS.get(i.layer) ?? i.layer} broke (${i.layer}/${i.reason}) · owner: ${i.owner} · scope: ${i.scope}`,
      `  where: ${terminalSafe(i.provider ?? 'several providers')}${i.models.length > 0 ? ` — ${terminalSafe(i.models.join(', '))}` : ''}`,
      `  started ${utc(i.started_at)} · detected ${utc(i.detected_at)} (after ${Math.round(delay)} s) · ` +
        (i.resolved_at === null ? 'still open' : `resolved ${utc(i.resolved_at)}`),
      `  peak ${Math.round(i.peak_error_rate * 100)}% failing · ${i.affected_calls} affected calls · confidence ${i.confidence}`,
      '  evidence:',
      ...i.evidence.map((e) => `    - ${terminalSafe(e.text)}`),
    ];
    if (i.update.length > 0)
      lines.push('  update:', ...wrap(terminalSafe(i.update), 96).map((l) => `    ${l}`));
    return lines.join('\n');
  });
  return `${head}${d.incidents.length} incident${d.incidents.length === 1 ? '' : 's'}:\n\n${blocks.join('\n\n')}\n`;
}

function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line.length > 0 && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line.length === 0 ? word : `${line} ${word}`;
  }
  if (line.length > 0) out.push(line);
  return out;
}
