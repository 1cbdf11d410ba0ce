/** The pages the fake serves unless told otherwise: one per format, for its three providers. */
import {
  DEFAULT_LAG_S,
  DEFAULT_RECOVERY_LAG_S,
  DEFAULT_SLOW_MS,
  type StatusPageSettings,
} from './status-page.js';

const timing = {
  lagS: DEFAULT_LAG_S,
  recoveryLagS: DEFAULT_RECOVERY_LAG_S,
  mode: 'ok',
  slowMs: DEFAULT_SLOW_MS,
} as const;

/**
 * `/status/anthropic` (Statuspage, with Anthropic's component names and ids, status-pages.md §3),
 * `/status/openai` (incident.io, OpenAI's component ULIDs, §2), `/status/google` (Google Cloud
 * incidents.json with the real Vertex product ids, §4) and `/status/bedrock-feed` (an RSS/Atom
 * feed in the AWS Health style, moved by the fake's Anthropic faults, as Claude on Bedrock is).
 */
export const DEFAULT_STATUS_PAGES: readonly StatusPageSettings[] = [
  {
    id: 'anthropic',
    kind: 'statuspage',
    provider: 'anthropic',
    title: 'Anthropic Status (fake)',
    components: [
      { name: 'Claude API', id: 'k8w3r06qmzrp', models: ['*'] },
      { name: 'Claude Code', id: 'yyzkbfz2thpt', models: [] },
      { name: 'claude.ai', id: 'rwppv331jlwc', models: [] },
    ],
    ...timing,
  },
  {
    id: 'openai',
    kind: 'incidentio',
    provider: 'openai',
    title: 'OpenAI Status (fake)',
    components: [
      { name: 'Chat Completions', id: '01JMXBRMFE6N2NNT7DG6XZQ6PW', models: ['*'] },
      { name: 'Responses', id: '01JP8CD9JR3HR6Y7G4Q75N4DVW', models: [] },
    ],
    ...timing,
  },
  {
    id: 'google',
    kind: 'google-cloud',
    provider: 'google',
    title: 'Google Cloud Service Health (fake)',
    components: [
      { name: 'Vertex Gemini API', id: 'Z0FZJAMvEB4j3NbCJs6B', models: ['*'] },
      { name: 'Vertex AI Online Prediction', id: 'sdXM79fz1FS6ekNpu37K', models: [] },
    ],
    ...timing,
  },
  {
    id: 'bedrock-feed',
    kind: 'rss',
    provider: 'anthropic',
    title: 'Amazon Bedrock (us-east-1) Service Status (fake)',
    components: [{ name: 'Amazon Bedrock (N. Virginia)', id: 'bedrock-us-east-1', models: ['*'] }],
    ...timing,
  },
];
