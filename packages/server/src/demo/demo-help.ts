/** `faultline demo --help`, apart from the demo itself so that printing it loads no SDK. */

/** The demo's help text. */
export const DEMO_HELP = `Usage: faultline demo [--workers N]

Replays the incident Faultline exists for (a brief Anthropic API overload of claude-opus-4-7 and
claude-opus-4-8, 12 minutes of traffic at 15× speed, about a minute) against the built-in fake
provider, with the real Anthropic and OpenAI SDKs calling through instrumentFetch. Prints each
change of verdict as it happens, then the drafted updates and a summary. Exits 0.

Times shown are scenario time (UTC), which runs 15× faster than the clock.

Options:
  --workers N   concurrent callers per model (default 2)
  -h, --help    show this help
`;
