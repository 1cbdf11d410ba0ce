/** The timers the prober runs on: injected, so tests drive a fake clock. */

/** `setTimeout` and `clearTimeout`, as the prober uses them. */
export interface ProbeTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a waiting probe never keeps the process alive. */
export const REAL_TIMERS: ProbeTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
