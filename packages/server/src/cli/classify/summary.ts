/** Counts of classified calls by layer and reason, and their rendering for the end of a run. */
import { LAYERS, REASONS_BY_LAYER, type Classification } from '@faultline/core';

/** Running totals for one `faultline classify` run. */
export class ClassifySummary {
  calls = 0;
  statusObservations = 0;
  badLines = 0;
  readonly #byVerdict = new Map<Classification, number>();

  add(c: Classification): void {
    this.calls++;
    this.#byVerdict.set(c, (this.#byVerdict.get(c) ?? 0) + 1);
  }

  /** Counts per "layer/reason", in the order of the closed sets. */
  byReason(): Array<{ layer: string; reason: string; calls: number }> {
    const counts = new Map<string, number>();
    for (const [c, n] of this.#byVerdict) {
      const key = `${c.layer}/${c.reason}`;
      counts.set(key, (counts.get(key) ?? 0) + n);
    }
    const rows: Array<{ layer: string; reason: string; calls: number }> = [];
    for (const layer of LAYERS) {
      for (const reason of REASONS_BY_LAYER[layer]) {
        const calls = counts.get(`${layer}/${reason}`);
        if (calls !== undefined) rows.push({ layer, reason, calls });
      }
    }
    return rows;
  }

  /** The block printed on stderr at the end. */
  render(elapsedMs: number): string {
    const lines = [
      `classified ${this.calls} calls` +
        (this.statusObservations > 0
          ? `, passed ${this.statusObservations} status observations`
          : '') +
        `, ${this.badLines} bad lines, in ${(elapsedMs / 1000).toFixed(2)} s`,
    ];
    if (this.calls > 0) {
      lines.push(`${'layer'.padEnd(12)} ${'reason'.padEnd(18)} ${'calls'.padStart(10)}  share`);
      for (const row of this.byReason()) {
        const share = ((100 * row.calls) / this.calls).toFixed(2).padStart(6);
        lines.push(
          `${row.layer.padEnd(12)} ${row.reason.padEnd(18)} ${String(row.calls).padStart(10)} ${share}%`,
        );
      }
    }
    return lines.join('\n') + '\n';
  }
}
