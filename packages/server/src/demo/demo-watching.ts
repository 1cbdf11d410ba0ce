/** What the demo's server watches: the fake provider's Anthropic status page and API. */

/**
 * The environment the demo's config is read with: the probe's key comes through `${ENV}`, as a
 * real one must (config.md); the fake accepts any key.
 */
export const WATCH_ENV: Readonly<Record<string, string>> = {
  FAULTLINE_DEMO_PROBE_KEY: 'sk-ant-demo-probe',
};
/**
 * The fake's Anthropic status page, polled every 15 s of record time (about a second at 15×), and
 * a probe of the overloaded model every 20 s of record time.
 */
export function watching(providerUrl: string): Record<string, unknown> {
  return {
    status_pages: [
      {
        provider: 'anthropic',
        kind: 'statuspage',
        url: `${providerUrl}/status/anthropic`,
        every: '15s',
        components: { 'Claude API': ['*'] },
      },
    ],
    probes: [
      {
        provider: 'anthropic',
        model: 'claude-opus-4-7',
        base_url: providerUrl,
        api_key: '${FAULTLINE_DEMO_PROBE_KEY}',
        every: '20s',
      },
    ],
  };
}
