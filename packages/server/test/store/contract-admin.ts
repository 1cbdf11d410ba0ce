// Contract: the event feed, engine snapshots, hashed tokens, breaker states and closing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TokenRow } from '../../src/store/port.js';
import type { ContractContext } from './contract-context.js';
import { callRow } from './contract-rows.js';

const T0 = Date.UTC(2026, 10, 22, 7, 0, 0);
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

function token(id: string, name: string, role: TokenRow['role'] = 'ingest'): TokenRow {
  return { id, name, role, hash: sha256(`secret-${id}`), createdAtMs: T0, revokedAtMs: null };
}

/** Declares the tests of the feed, snapshots, tokens, breakers and close. */
export function adminContract(ctx: ContractContext): void {
  describe('feed, snapshots, tokens, breakers', () => {
    it('appends feed entries on increasing ids, reads after one, and deletes the old ones', async () => {
      const store = ctx.store();
      const ids: number[] = [];
      for (let i = 0; i < 4; i++)
        ids.push(
          await store.appendFeed({
            type: 'status.changed',
            atMs: T0 + i * 10,
            data: `{"i":${i},"s":"📉"}`,
          }),
        );
      for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1] ?? Infinity);
      const page = await store.feedAfter(ids[0] ?? -1, 2);
      expect(page).toEqual([
        { id: ids[1], type: 'status.changed', atMs: T0 + 10, data: '{"i":1,"s":"📉"}' },
        { id: ids[2], type: 'status.changed', atMs: T0 + 20, data: '{"i":2,"s":"📉"}' },
      ]);
      expect(await store.deleteFeedBefore(T0 + 20)).toBe(2);
      expect((await store.feedAfter(0, 10)).map((e) => e.id)).toEqual(ids.slice(2));
      const next = await store.appendFeed({ type: 'breaker.changed', atMs: T0, data: '{}' });
      expect(next).toBeGreaterThan(ids[3] ?? Infinity);
    });

    it('loads the snapshot saved last, byte for byte, and none before the first', async () => {
      const store = ctx.store();
      expect(await store.loadSnapshot()).toBeUndefined();
      await store.saveSnapshot({ json: '{"v":1}', lastSeq: 10, savedAtMs: T0 });
      const latest = { json: '{"v":2, "ünï":"☃","big":1e400}', lastSeq: 25, savedAtMs: T0 + 5000 };
      await store.saveSnapshot(latest);
      expect(await store.loadSnapshot()).toEqual(latest);
    });

    it('finds unrevoked tokens by hash and revokes by id or by name', async () => {
      const store = ctx.store();
      const tokens = [
        token('t1', 'checkout-api'),
        token('t2', 'admin', 'admin'),
        token('t3', 'checkout-api'),
        token('t4', 'dash', 'read'),
      ];
      for (const t of tokens) await store.createToken(t);
      expect(await store.listTokens()).toEqual(tokens);
      expect(await store.tokenByHash(sha256('secret-t2'))).toEqual(tokens[1]);
      expect(await store.tokenByHash(sha256('unknown'))).toBeUndefined();
      expect(await store.revokeToken('checkout-api', T0 + 1)).toBe(2);
      expect(await store.revokeToken('t4', T0 + 2)).toBe(1);
      expect(await store.revokeToken('t4', T0 + 3)).toBe(0);
      expect(await store.revokeToken('nobody', T0 + 3)).toBe(0);
      expect(await store.tokenByHash(sha256('secret-t1'))).toBeUndefined();
      expect(await store.tokenByHash(sha256('secret-t4'))).toBeUndefined();
      expect((await store.listTokens()).map((t) => [t.id, t.revokedAtMs])).toEqual([
        ['t1', T0 + 1],
        ['t2', null],
        ['t3', T0 + 1],
        ['t4', T0 + 2],
      ]);
    });

    it('keeps one state per breaker target, listed by target', async () => {
      const store = ctx.store();
      await store.saveBreaker({
        target: 'openai/gpt-4o',
        json: '{"state":"open"}',
        updatedAtMs: T0,
      });
      await store.saveBreaker({
        target: 'anthropic/claude',
        json: '{"state":"closed"}',
        updatedAtMs: T0,
      });
      await store.saveBreaker({
        target: 'openai/gpt-4o',
        json: '{"state":"half_open","ü":1}',
        updatedAtMs: T0 + 9,
      });
      expect(await store.loadBreakers()).toEqual([
        { target: 'anthropic/claude', json: '{"state":"closed"}', updatedAtMs: T0 },
        { target: 'openai/gpt-4o', json: '{"state":"half_open","ü":1}', updatedAtMs: T0 + 9 },
      ]);
    });

    it('answers ping while open and rejects every call once closed', async () => {
      const store = ctx.store();
      expect(['memory', 'sqlite', 'postgres']).toContain(store.kind);
      await store.ping();
      await store.close();
      await expect(store.ping()).rejects.toThrow();
      await expect(
        store.commitRecords({ rows: [callRow(T0)], response: '{}', nowMs: T0 }),
      ).rejects.toThrow();
      await expect(store.lastSeq()).rejects.toThrow();
      await expect(store.listTokens()).rejects.toThrow();
      await expect(store.loadSnapshot()).rejects.toThrow();
    });
  });
}
