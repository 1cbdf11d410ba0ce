/** The emulated providers: the names fault rules and routes use. */

/** Provider ids, as fault rules spell them (`google` is the Gemini Developer API). */
export const PROVIDERS = ['anthropic', 'openai', 'google'] as const;

/** One emulated provider. */
export type Provider = (typeof PROVIDERS)[number];
