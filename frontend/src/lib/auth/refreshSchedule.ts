/** When to refresh an access token: shortly before it expires, never in a tight loop. */

export const REFRESH_MARGIN_MS = 60_000;
export const MIN_REFRESH_DELAY_MS = 5_000;

/**
 * Delay until the next refresh for a token that expires at `expiresAt`. The margin shrinks for
 * short-lived tokens (a fifth of the lifetime) so that a 30-second token is not refreshed at once.
 */
export function refreshDelay(expiresAt: number, now: number, issuedAt: number = now): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 5);
  return Math.max(MIN_REFRESH_DELAY_MS, expiresAt - margin - now);
}

/** Whether a token should be refreshed before it is used for a request. */
export function isStale(expiresAt: number | null, now: number, skewMs = 10_000): boolean {
  return expiresAt !== null && expiresAt - skewMs <= now;
}

export interface TimerApi {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}

/** One pending refresh at a time; rescheduling replaces the previous timer. */
export class RefreshScheduler {
  private handle: unknown = null;

  constructor(
    private readonly run: () => void,
    private readonly timers: TimerApi = {
      setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
      clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
    },
  ) {}

  schedule(delayMs: number): void {
    this.cancel();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.run();
    }, delayMs);
  }

  cancel(): void {
    if (this.handle !== null) {
      this.timers.clearTimeout(this.handle);
      this.handle = null;
    }
  }

  get pending(): boolean {
    return this.handle !== null;
  }
}
