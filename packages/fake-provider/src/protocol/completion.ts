/** The provider-neutral answer the emulator renders into each wire format. */

/** Why generation stopped: naturally, at the token cap, or by refusing. */
export const FINISHES = ['stop', 'length', 'refusal'] as const;

/** One way a completion ends. */
export type Finish = (typeof FINISHES)[number];

/** The generated answer: its tokens (each sent as one stream delta) and how it ended. */
export interface Completion {
  readonly tokens: readonly string[];
  readonly finish: Finish;
  readonly inputTokens: number;
}
