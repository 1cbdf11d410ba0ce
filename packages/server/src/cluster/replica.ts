/**
 * Leader election among replicas of one shared store (issue 14): each campaigns for the lock on
 * its dedicated session every `campaignEveryMs`; the holder leads. The leader pings its session
 * every `pingEveryMs` (sending its health document with it) and steps down at once when the
 * session is lost or a ping takes `pingTimeoutMs`. A replica that stepped down waits
 * `standDownMs` before campaigning again, so a healthy follower takes over first.
 */
import type { ReplicaLink } from './replica-link.js';
import type { Replica, ReplicaOptions, ReplicaRole } from './replica-options.js';

export type { LeaderDuties, Replica, ReplicaOptions, ReplicaRole } from './replica-options.js';

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Creates the replica; nothing runs until `start()`. */
export function createReplica(opts: ReplicaOptions): Replica {
  const { duties, log } = opts;
  const now = opts.now ?? Date.now;
  const campaignEveryMs = opts.campaignEveryMs ?? 2_000;
  const pingEveryMs = opts.pingEveryMs ?? 1_000;
  const pingTimeoutMs = opts.pingTimeoutMs ?? 2_000;
  let role: ReplicaRole = 'follower';
  let link: ReplicaLink | undefined;
  let nextCampaignMs = 0;
  let nextConnectMs = 0;
  let stopped = false;
  let unreachable = false;
  let timer: NodeJS.Timeout | undefined;
  // Role changes run one after another: a term's duties stop before the next one's start.
  let changes: Promise<void> = Promise.resolve();
  const change = (work: () => Promise<void>): Promise<void> =>
    (changes = changes.then(work).catch((e: unknown) => log(`cluster: ${errorText(e)}`)));

  const follow = (why: string | undefined): void => {
    if (role !== 'leader') return;
    role = 'follower';
    log(`cluster: lost leadership (${why ?? 'unknown'})`);
    nextCampaignMs = now() + (opts.standDownMs ?? 5_000);
    void change(async () => {
      await duties.follow();
      log('cluster: follower');
    });
  };
  const lost = (l: ReplicaLink, reason: string): void => {
    if (link !== l) return;
    link = undefined;
    nextConnectMs = now() + campaignEveryMs;
    void l.close();
    follow(reason);
  };
  const connect = async (): Promise<void> => {
    if (opts.connect === undefined || stopped) return;
    // Set once connected: a loss reported before then is found by the next ping instead.
    const opened: { link?: ReplicaLink } = {};
    const l = (opened.link = await opts.connect({
      onLost: (reason) => (opened.link === undefined ? undefined : lost(opened.link, reason)),
      onFeed: opts.onFeed,
      onHealth: (json) => (role === 'follower' ? opts.onHealth(json) : undefined),
    }));
    try {
      if (!stopped) await opts.onConnected(l);
    } catch (e: unknown) {
      await l.close();
      throw e;
    }
    if (stopped) return void (await l.close());
    link = l; // a session lost meanwhile fails its next ping
  };
  const campaign = async (l: ReplicaLink): Promise<void> => {
    nextCampaignMs = now() + campaignEveryMs;
    if (!(await l.tryLead()) || link !== l || stopped) return;
    role = 'leader';
    log('cluster: leader (lock acquired)');
    await change(async () => {
      if (role !== 'leader' || link !== l) return;
      try {
        await duties.lead();
      } catch (e: unknown) {
        lost(l, `the leader's duties did not start: ${errorText(e)}`);
      }
    });
  };
  /** The health document, or `undefined` when making it failed (a bug must not cost the lock). */
  const healthText = (): string | undefined => {
    try {
      return opts.health();
    } catch (e: unknown) {
      log(`cluster: health document not sent: ${errorText(e)}`);
      return undefined;
    }
  };
  const step = async (): Promise<void> => {
    if (link === undefined) {
      if (now() >= nextConnectMs) {
        nextConnectMs = now() + campaignEveryMs;
        await connect().then(
          () => (unreachable = false),
          (e: unknown) => {
            // Said once per outage, not every attempt.
            if (!unreachable) log(`cluster: cannot reach the lock connection: ${errorText(e)}`);
            unreachable = true;
          },
        );
      }
      if (link === undefined) return;
    }
    const l = link;
    try {
      if (role === 'leader') {
        const doc = healthText();
        if (doc === undefined) await l.ping(pingTimeoutMs);
        else await l.publishHealth(doc, pingTimeoutMs);
      } else if (now() >= nextCampaignMs) await campaign(l);
      else await l.ping(pingTimeoutMs);
    } catch (e: unknown) {
      lost(l, errorText(e));
    }
  };
  const loop = (): void => {
    timer = setTimeout(() => {
      void step()
        .catch((e: unknown) => log(`cluster: ${errorText(e)}`))
        .then(() => (stopped ? undefined : loop()));
    }, pingEveryMs);
    timer.unref();
  };

  return {
    get role() {
      return role;
    },
    async start() {
      if (opts.connect === undefined) {
        role = 'leader';
        await duties.lead();
        return;
      }
      try {
        await connect();
      } catch (e: unknown) {
        unreachable = true;
        log(`cluster: cannot reach the lock connection: ${errorText(e)}`);
      }
      const l = link;
      if (l !== undefined) await campaign(l).catch((e: unknown) => lost(l, errorText(e)));
      if (role === 'follower') log('cluster: follower');
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await changes;
      if (role === 'leader') await duties.follow();
      role = 'follower';
      await link?.close();
      link = undefined;
    },
  };
}
