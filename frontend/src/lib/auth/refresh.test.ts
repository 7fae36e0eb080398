import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthPayloadFieldsFragment } from '../../gql/graphql';
import { NetworkError } from '../graphql/rawRequest';
import { withRefreshLock } from './refreshLock';
import { isStale, MIN_REFRESH_DELAY_MS, RefreshScheduler, refreshDelay } from './refreshSchedule';
import { type Requester, SessionManager } from './sessionManager';

const MINUTE = 60_000;

describe('refresh schedule', () => {
  it('refreshes a minute before a 15-minute token expires', () => {
    const now = 1_000_000;
    expect(refreshDelay(now + 15 * MINUTE, now)).toBe(14 * MINUTE);
  });

  it('keeps a fifth of the lifetime as margin for short tokens', () => {
    const now = 0;
    expect(refreshDelay(100_000, now)).toBe(80_000);
  });

  it('never schedules a tight loop, even for an expired token', () => {
    expect(refreshDelay(1_000, 5_000)).toBe(MIN_REFRESH_DELAY_MS);
  });

  it('tells a token about to expire', () => {
    expect(isStale(null, 0)).toBe(false);
    expect(isStale(20_000, 0)).toBe(false);
    expect(isStale(5_000, 0)).toBe(true);
  });

  it('keeps one pending timer', () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const scheduler = new RefreshScheduler(run);
    scheduler.schedule(1_000);
    scheduler.schedule(5_000);
    vi.advanceTimersByTime(4_999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(scheduler.pending).toBe(false);
    vi.useRealTimers();
  });
});

describe('cross-tab refresh lock', () => {
  it('runs the task under the Web Locks API when there is one', async () => {
    const request = vi.fn((_name: string, _opts: unknown, task: () => Promise<unknown>) => task());
    const result = await withRefreshLock(async () => 42, { locks: { request } as unknown as LockManager });
    expect(result).toBe(42);
    expect(request).toHaveBeenCalledWith('shanyraq-session-refresh', { mode: 'exclusive' }, expect.any(Function));
  });

  it('falls back to a localStorage lease that serializes two holders', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, 30));
      order.push(`${name}:end`);
    };
    await Promise.all([withRefreshLock(task('a'), { storage }), withRefreshLock(task('b'), { storage })]);
    // Never interleaved: one finishes before the other starts.
    expect([order.slice(0, 2), order.slice(2)].every(([s, e]) => s.split(':')[0] === e.split(':')[0])).toBe(true);
    expect(store.size).toBe(0);
  });
});

const viewer = {
  id: 'u1',
  kind: 'PERSON',
  iinBin: '900515300197',
  email: 'a@b.kz',
  phone: '+77011234567',
  fullName: 'Test',
  locale: 'KK',
  hasPassword: true,
  roles: ['CITIZEN'],
  createdAt: '2026-01-01T00:00:00Z',
} as const;

function auth(token: string, expiresInMs = 15 * MINUTE, now = Date.now()): AuthPayloadFieldsFragment {
  return { accessToken: token, accessTokenExpiresAt: new Date(now + expiresInMs).toISOString(), user: { ...viewer, roles: ['CITIZEN'] }, errors: [] };
}

function failure(code: string): AuthPayloadFieldsFragment {
  return { accessToken: null, accessTokenExpiresAt: null, user: null, errors: [{ code, field: null, message: code, params: null }] };
}

describe('session manager', () => {
  let serverRefresh: ReturnType<typeof vi.fn<() => Promise<AuthPayloadFieldsFragment>>>;
  let manager: SessionManager;
  let lockCalls: number;

  beforeEach(() => {
    vi.useFakeTimers();
    lockCalls = 0;
    serverRefresh = vi.fn<() => Promise<AuthPayloadFieldsFragment>>();
    const request: Requester = async (document) => {
      const name = (document.definitions[0] as { name?: { value: string } }).name?.value;
      if (name === 'SessionRefresh') return { sessionRefresh: await serverRefresh() } as never;
      return { sessionLogout: { ended: 1, errors: [] } } as never;
    };
    manager = new SessionManager({
      request,
      withLock: async (task) => {
        lockCalls += 1;
        return task();
      },
    });
  });

  afterEach(() => {
    manager.dispose();
    vi.useRealTimers();
  });

  it('restores a session from the refresh cookie on load', async () => {
    serverRefresh.mockResolvedValue(auth('t1'));
    await manager.restore();
    expect(manager.getSnapshot()).toMatchObject({ status: 'signedIn', viewer: { id: 'u1' } });
    expect(manager.currentToken()).toBe('t1');
  });

  it('is signed out when there is no valid cookie', async () => {
    serverRefresh.mockResolvedValue(failure('UNAUTHENTICATED'));
    await manager.restore();
    expect(manager.getSnapshot()).toMatchObject({ status: 'signedOut', endedUnexpectedly: false });
  });

  it('sends one refresh for many simultaneous callers, under the lock', async () => {
    let resolve!: (value: AuthPayloadFieldsFragment) => void;
    serverRefresh.mockReturnValue(new Promise((r) => (resolve = r)));
    const calls = [manager.refresh(), manager.refresh(), manager.refresh()];
    resolve(auth('t2'));
    expect(await Promise.all(calls)).toEqual(['ok', 'ok', 'ok']);
    expect(serverRefresh).toHaveBeenCalledTimes(1);
    expect(lockCalls).toBe(1);
  });

  it('refreshes by itself a minute before the token expires', async () => {
    serverRefresh.mockResolvedValueOnce(auth('t1')).mockResolvedValueOnce(auth('t2'));
    manager.signIn(auth('t0'));
    expect(serverRefresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(14 * MINUTE);
    expect(serverRefresh).toHaveBeenCalledTimes(1);
    expect(manager.currentToken()).toBe('t1');
  });

  it('refreshes a stale token before handing it to a request', async () => {
    serverRefresh.mockResolvedValue(auth('fresh'));
    manager.signIn(auth('old', 5_000));
    expect(await manager.accessToken()).toBe('fresh');
  });

  it('after a 401 retries with a token someone else already refreshed, without refreshing again', async () => {
    serverRefresh.mockResolvedValue(auth('t2'));
    manager.signIn(auth('t1'));
    await manager.refresh();
    expect(await manager.recoverFromUnauthorized('t1')).toBe(true);
    expect(serverRefresh).toHaveBeenCalledTimes(1);
  });

  it('after a 401 with the current token refreshes once', async () => {
    serverRefresh.mockResolvedValue(auth('t2'));
    manager.signIn(auth('t1'));
    expect(await manager.recoverFromUnauthorized('t1')).toBe(true);
    expect(manager.currentToken()).toBe('t2');
  });

  it('ends the session when the server refuses the refresh (a reused token revokes it)', async () => {
    serverRefresh.mockResolvedValue(failure('REFRESH_TOKEN_REUSED'));
    manager.signIn(auth('t1'));
    expect(await manager.recoverFromUnauthorized('t1')).toBe(false);
    expect(manager.getSnapshot()).toMatchObject({ status: 'signedOut', endedUnexpectedly: true });
    expect(manager.currentToken()).toBeNull();
  });

  it('keeps the session through a network failure and tries again later', async () => {
    serverRefresh.mockRejectedValueOnce(new NetworkError()).mockResolvedValueOnce(auth('t2'));
    manager.signIn(auth('t1'));
    expect(await manager.refresh()).toBe('offline');
    expect(manager.getSnapshot().status).toBe('signedIn');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(manager.currentToken()).toBe('t2');
  });

  it('starts a new generation on sign-in and sign-out but not on refresh', async () => {
    serverRefresh.mockResolvedValue(auth('t2'));
    const start = manager.getSnapshot().generation;
    manager.signIn(auth('t1'));
    expect(manager.getSnapshot().generation).toBe(start + 1);
    await manager.refresh();
    expect(manager.getSnapshot().generation).toBe(start + 1);
    await manager.signOut();
    expect(manager.getSnapshot()).toMatchObject({ status: 'signedOut', generation: start + 2 });
  });

  it('tells the socket to reconnect whenever the token changes', async () => {
    serverRefresh.mockResolvedValue(auth('t2'));
    const changed = vi.fn();
    manager.onTokenChange(changed);
    manager.signIn(auth('t1'));
    await manager.refresh();
    await manager.signOut();
    expect(changed).toHaveBeenCalledTimes(3);
  });
});
