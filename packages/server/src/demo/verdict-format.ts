/** How the demo prints a verdict: one line per change, its drafted update wrapped beneath. */
import { terminalSafe } from '../cli/terminal-text.js';
import type { FeedIncident, IncidentDetail } from './demo-api.js';

/** `14:47:20 UTC`. */
export function clockText(ms: number): string {
  return `${new Date(ms).toISOString().slice(11, 19)} UTC`;
}

/** The stage the server drafts an incident's updates at: identified while open, then resolved. */
export function currentStage(i: FeedIncident): 'identified' | 'resolved' {
  return i.resolved_at === null ? 'identified' : 'resolved';
}

/** `provider/overloaded · anthropic · claude-opus-4-7, claude-opus-4-8 · scope provider · owner provider`. */
export function verdictText(i: FeedIncident): string {
  return (
    `${terminalSafe(i.layer)}/${terminalSafe(i.reason)} · ${terminalSafe(i.provider ?? 'several providers')} · ` +
    `${terminalSafe(i.models.join(', '))} · scope ${terminalSafe(i.scope)} · owner ${terminalSafe(i.owner)}`
  );
}

/** The newest drafted update of the incident's current stage in `voice`, if one was drafted. */
export function draftOf(d: IncidentDetail, voice: 'public' | 'internal'): string | undefined {
  const stage = currentStage(d);
  return d.updates.findLast((u) => u.voice === voice && u.stage === stage)?.text;
}

/**
 * `text` made safe and wrapped at `width` columns, each line indented by `indent` spaces (lines
 * the text already has are kept; a word longer than the width gets its own line).
 */
export function wrapText(text: string, indent: number, width = 100): string {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of terminalSafe(paragraph).split(' ')) {
      if (line !== '' && pad.length + line.length + 1 + word.length > width) {
        out.push(pad + line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    out.push(pad + line);
  }
  return out.join('\n');
}
