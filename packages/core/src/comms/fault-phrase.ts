/** The shape of an incident's fact sentence: "<subject> has been <doing>" / "<subject> was <doing>". */

/** The parts of the fact sentence for one layer and reason. */
export interface FaultPhrase {
  /** Who or what is failing: "Anthropic's API", "Connections to OpenAI's API". */
  readonly subject: string;
  readonly plural: boolean;
  /** What it is doing, after "has been" or "was": "returning overloaded (HTTP 529) errors". */
  readonly doing: string;
  /** `doing` already names the models, so a later sentence can say "these models". */
  readonly namesModels: boolean;
  /** A sentence explaining the fact, in the present and the past tense. */
  readonly note?: { readonly now: string; readonly then: string };
}

/** A phrase about one subject. */
export function phrase(
  subject: string,
  doing: string,
  opts: { plural?: boolean; namesModels?: boolean; note?: FaultPhrase['note'] } = {},
): FaultPhrase {
  const base = {
    subject,
    doing,
    plural: opts.plural ?? false,
    namesModels: opts.namesModels ?? false,
  };
  return opts.note === undefined ? base : { ...base, note: opts.note };
}
