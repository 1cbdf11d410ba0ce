/**
 * The data a `faultline report` file carries in `<script type="application/json"
 * id="faultline-report">`: the incidents as the read API gives them and the records around them.
 * In the served dashboard there is no such element, and `reportData()` is `undefined`.
 */
import type { IncidentDetail } from './api.js';

/** How many records of one incident's window the file holds, and of how many. */
export interface ReportWindow {
  /** The calls' window, both ends included. */
  readonly from: string;
  readonly to: string;
  /** Status readings are kept from this time on (the page's state before the window). */
  readonly status_from: string;
  readonly provider: string | null;
  /** The most kept per kind (call, status); past it, records are sampled evenly. */
  readonly cap: number;
  readonly calls: { readonly seen: number; readonly kept: number };
  readonly status: { readonly seen: number; readonly kept: number };
}

/** The embedded document (version 1). */
export interface ReportData {
  readonly version: 1;
  readonly generated_at: string;
  /** The file the records came from, or `-` for standard input (untrusted text). */
  readonly source: string;
  readonly records: number;
  readonly bad_records: number;
  readonly from: string | null;
  readonly to: string | null;
  /** Newest `started_at` first, each as `GET /v1/incidents/{id}` gives it. */
  readonly incidents: readonly IncidentDetail[];
  readonly windows: Readonly<Record<string, ReportWindow>>;
  /** The records of every window, by `ts`, with the fields charts and tables use. */
  readonly window_records: readonly Record<string, unknown>[];
}

let cached: ReportData | null | undefined;

/** The report's data when this page is a report file; `undefined` in the served dashboard. */
export function reportData(): ReportData | undefined {
  if (cached === undefined) {
    const el = typeof document === 'undefined' ? null : document.getElementById('faultline-report');
    cached = el === null ? null : (JSON.parse(el.textContent ?? 'null') as ReportData | null);
  }
  return cached ?? undefined;
}
