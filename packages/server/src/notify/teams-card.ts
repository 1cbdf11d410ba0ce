/**
 * A Teams Workflows message: one Adaptive Card 1.4 attachment (alerting.md §4, MT1/MT3). Workflows
 * accept Adaptive Cards only; the legacy MessageCard is not supported.
 */
import { clip, factsOf, headlineOf } from './incident-summary.js';
import type { NotifyEvent } from './notify-event.js';

/** The card elements this adapter uses. */
export type CardElement =
  | {
      readonly type: 'TextBlock';
      readonly text: string;
      readonly wrap: true;
      readonly weight?: 'Bolder';
      readonly size?: 'Medium';
      readonly isSubtle?: true;
    }
  | { readonly type: 'FactSet'; readonly facts: readonly { title: string; value: string }[] };

/** The webhook body. */
export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    {
      readonly contentType: 'application/vnd.microsoft.card.adaptive';
      readonly contentUrl: null;
      readonly content: {
        readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
        readonly type: 'AdaptiveCard';
        readonly version: '1.4';
        readonly body: readonly CardElement[];
      };
    },
  ];
}

function paragraph(text: string): CardElement {
  return { type: 'TextBlock', text: clip(text, 4000), wrap: true };
}

/** The card for `event`; kept well under the 28 KB message limit (MT2) by clipping texts. */
export function teamsMessage(event: NotifyEvent): TeamsMessage {
  const i = event.incident;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: headlineOf(event.kind, i),
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
    },
    { type: 'FactSet', facts: factsOf(i).map(([title, value]) => ({ title, value })) },
  ];
  if (event.internalText !== undefined) body.push(paragraph(event.internalText));
  if (event.publicText !== undefined)
    body.push(
      paragraph(
        `${event.publicText.approved ? 'Published' : 'Drafted (not published)'}: ${event.publicText.text}`,
      ),
    );
  for (const e of i.evidence.slice(0, 10)) body.push(paragraph(`• ${e.text}`));
  body.push({ type: 'TextBlock', text: `Faultline incident ${i.id}`, wrap: true, isSubtle: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body,
        },
      },
    ],
  };
}
