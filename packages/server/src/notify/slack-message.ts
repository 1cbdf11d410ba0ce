/**
 * A Slack incoming-webhook message for an incident change: Block Kit blocks plus the top-level
 * `text` that mobile pushes still use alone (alerting.md §1, SL5). Limits from SL4: header 150
 * chars, section text 3,000, up to 10 fields of 2,000, context up to 10 elements.
 */
import type { DocumentIncident } from '@faultline/core';
import { clip, factsOf, headlineOf } from './incident-summary.js';
import type { NotifyEvent } from './notify-event.js';

/** Escapes the three characters mrkdwn gives meaning to (SL4 formatting). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface TextObject {
  readonly type: 'plain_text' | 'mrkdwn';
  readonly text: string;
}

/** The blocks this adapter sends. */
export type SlackBlock =
  | { readonly type: 'header'; readonly text: TextObject }
  | {
      readonly type: 'section';
      readonly text?: TextObject;
      readonly fields?: readonly TextObject[];
    }
  | { readonly type: 'context'; readonly elements: readonly TextObject[] }
  | { readonly type: 'divider' };

/** The webhook body. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
  readonly unfurl_links: false;
}

function mrkdwn(text: string, max: number): TextObject {
  return { type: 'mrkdwn', text: clip(text, max) };
}

function textSection(label: string, text: string): SlackBlock {
  return { type: 'section', text: mrkdwn(`*${label}*\n${escapeMrkdwn(text)}`, 3000) };
}

function evidenceLines(incident: DocumentIncident): string {
  return incident.evidence.map((e) => `• ${escapeMrkdwn(e.text)}`).join('\n');
}

/** The message for `event`. */
export function slackMessage(event: NotifyEvent): SlackMessage {
  const i = event.incident;
  const headline = headlineOf(event.kind, i);
  const fields = factsOf(i)
    .slice(0, 10)
    .map(([label, value]) => mrkdwn(`*${label}*\n${escapeMrkdwn(value)}`, 2000));
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(headline, 150) } },
    { type: 'section', fields },
  ];
  if (event.internalText !== undefined)
    blocks.push(textSection('For the team', event.internalText));
  if (event.publicText !== undefined) {
    const label = event.publicText.approved
      ? 'Published update'
      : 'Drafted public update (not published)';
    blocks.push(textSection(label, event.publicText.text));
  }
  if (i.evidence.length > 0)
    blocks.push({ type: 'section', text: mrkdwn(`*Evidence*\n${evidenceLines(i)}`, 3000) });
  blocks.push({
    type: 'context',
    elements: [mrkdwn(`Faultline incident \`${escapeMrkdwn(i.id)}\``, 2000)],
  });
  const lead = event.internalText ?? event.publicText?.text;
  const text = lead === undefined ? headline : `${headline}. ${lead}`;
  return { text: clip(escapeMrkdwn(text), 3000), blocks, unfurl_links: false };
}
