/**
 * A refresh token may be used once: two tabs refreshing with the same cookie would revoke the
 * whole session. Refreshes therefore run one at a time across every tab of the origin.
 */

export const REFRESH_LOCK_NAME = 'shanyraq-session-refresh';

export interface LockEnvironment {
  locks?: Pick<LockManager, 'request'>;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const LEASE_MS = 10_000;
const POLL_MS = 50;

function defaultEnvironment(): LockEnvironment {
  return {
    locks: typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined,
    storage: typeof window !== 'undefined' ? safeStorage() : undefined,
  };
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Runs `task` while holding the cross-tab refresh lock. */
export async function withRefreshLock<T>(task: () => Promise<T>, env: LockEnvironment = defaultEnvironment()): Promise<T> {
  if (env.locks) {
    return env.locks.request(REFRESH_LOCK_NAME, { mode: 'exclusive' }, task) as Promise<T>;
  }
  if (env.storage) {
    return withStorageLease(task, env as Required<Pick<LockEnvironment, 'storage'>> & LockEnvironment);
  }
  return task(); // nothing shared to coordinate with: this tab's own single-flight is enough
}

/**
 * Fallback for browsers without the Web Locks API: a lease in localStorage. Write our id,
 * wait a beat, and proceed only if our id survived; a crashed holder's lease expires.
 */
async function withStorageLease<T>(
  task: () => Promise<T>,
  env: LockEnvironment & { storage: NonNullable<LockEnvironment['storage']> },
): Promise<T> {
  const now = env.now ?? Date.now;
  const sleep = env.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const id = `${now()}-${(env.random ?? Math.random)().toString(36).slice(2)}`;
  const key = `${REFRESH_LOCK_NAME}.lease`;
  const deadline = now() + LEASE_MS * 2;
  for (;;) {
    const current = parseLease(env.storage.getItem(key));
    if (!current || current.expires < now() || now() > deadline) {
      env.storage.setItem(key, JSON.stringify({ id, expires: now() + LEASE_MS }));
      await sleep(POLL_MS);
      if (parseLease(env.storage.getItem(key))?.id === id) break;
    } else {
      await sleep(POLL_MS);
    }
  }
  try {
    return await task();
  } finally {
    if (parseLease(env.storage.getItem(key))?.id === id) env.storage.removeItem(key);
  }
}

function parseLease(raw: string | null): { id: string; expires: number } | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { id?: unknown; expires?: unknown };
    return typeof value.id === 'string' && typeof value.expires === 'number' ? { id: value.id, expires: value.expires } : null;
  } catch {
    return null;
  }
}
