/** The stages and voices of an incident update, as lists the CLI and dashboard can print. */

/** Statuspage-style stages, in the order an incident moves through them. */
export const UPDATE_STAGES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
/** `investigating`: what we see; `identified`: whose layer; `monitoring`: recovered, watching; `resolved`: over. */
export type UpdateStage = (typeof UPDATE_STAGES)[number];

/** `public`: a status update for users; `internal`: a terse message for the team. */
export const VOICES = ['public', 'internal'] as const;
export type Voice = (typeof VOICES)[number];
