import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  type AuthPayloadFieldsFragment,
  SessionLogoutDocument,
  SessionRefreshDocument,
  type ViewerFragment,
} from '../../gql/graphql';
import { NetworkError } from '../graphql/rawRequest';
import { isStale, RefreshScheduler, refreshDelay, type TimerApi } from './refreshSchedule';

export type Viewer = ViewerFragment;
export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

export interface SessionSnapshot {
  status: SessionStatus;
  viewer: Viewer | null;
  /** Changes on every sign-in and sign-out (not on refresh): caches keyed on it start clean. */
  generation: number;
  /** Set when the session ended without the person asking (revoked elsewhere, expired). */
  endedUnexpectedly: boolean;
  /** The server could not be reached while restoring the session. */
  offline: boolean;
}

export type Requester = <TData, TVars extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  token: string | null,
) => Promise<TData>;

export interface SessionDeps {
  request: Requester;
  withLock: <T>(task: () => Promise<T>) => Promise<T>;
  now?: () => number;
  timers?: TimerApi;
  /** Tells the other tabs of this browser about sign-in and sign-out; they share the cookie. */
  channel?: Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((ev: MessageEvent) => void) | null };
}

type RefreshOutcome = 'ok' | 'signedOut' | 'offline';
type TabMessage = { type: 'signedIn' } | { type: 'signedOut' };

const NETWORK_RETRY_MS = 15_000;

export class SessionManager {
  private snapshot: SessionSnapshot = { status: 'restoring', viewer: null, generation: 0, endedUnexpectedly: false, offline: false };
  private token: string | null = null;
  private expiresAt: number | null = null;
  private inFlight: Promise<RefreshOutcome> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly tokenListeners = new Set<() => void>();
  private readonly scheduler: RefreshScheduler;
  private readonly now: () => number;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? Date.now;
    this.scheduler = new RefreshScheduler(() => void this.refresh(), deps.timers);
    if (deps.channel) deps.channel.onmessage = (event) => this.onTabMessage(event.data as TabMessage);
  }

  // Store protocol for useSyncExternalStore.
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Fires whenever the access token changes (sign-in, refresh, sign-out): sockets re-authenticate. */
  onTokenChange(listener: () => void): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  currentToken(): string | null {
    return this.token;
  }

  /** A token fit for a request: refreshed first when it is about to expire. */
  async accessToken(): Promise<string | null> {
    if (this.token && isStale(this.expiresAt, this.now())) await this.refresh();
    return this.token;
  }

  /** On app load: the refresh cookie, if any, tells whether someone is signed in. */
  async restore(): Promise<void> {
    const outcome = await this.refresh();
    if (outcome === 'offline') this.setSnapshot({ status: 'signedOut', viewer: null, offline: true });
  }

  /**
   * Rotates the refresh cookie. Concurrent callers in this tab share one request; other tabs
   * wait for the cross-tab lock, so the same refresh token is never sent twice.
   */
  refresh(): Promise<RefreshOutcome> {
    this.inFlight ??= this.deps
      .withLock(() => this.refreshNow())
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** After a 401 with `usedToken`: true when a retry with the current token makes sense. */
  async recoverFromUnauthorized(usedToken: string | null): Promise<boolean> {
    if (usedToken !== this.token && this.token) return true; // someone refreshed meanwhile
    if (!this.token) return false;
    return (await this.refresh()) === 'ok';
  }

  signIn(payload: AuthPayloadFieldsFragment): void {
    if (!this.apply(payload)) return;
    this.post({ type: 'signedIn' });
  }

  async signOut(options: { everywhere?: boolean } = {}): Promise<void> {
    const token = this.token;
    try {
      await this.deps.request(SessionLogoutDocument, { everywhere: options.everywhere ?? false }, token);
    } catch {
      // Signing out locally must work offline too; the server session then expires by itself.
    }
    this.clear(false);
    this.post({ type: 'signedOut' });
  }

  updateViewer(viewer: Viewer): void {
    if (this.snapshot.status === 'signedIn') this.setSnapshot({ viewer });
  }

  dispose(): void {
    this.scheduler.cancel();
    this.deps.channel?.close();
    this.listeners.clear();
    this.tokenListeners.clear();
  }

  private async refreshNow(): Promise<RefreshOutcome> {
    let payload: AuthPayloadFieldsFragment;
    try {
      payload = (await this.deps.request(SessionRefreshDocument, {}, null)).sessionRefresh;
    } catch (error) {
      if (error instanceof NetworkError || error instanceof TypeError) {
        if (this.token) this.scheduler.schedule(NETWORK_RETRY_MS);
        return 'offline';
      }
      throw error;
    }
    if (this.apply(payload)) return 'ok';
    this.clear(this.snapshot.status === 'signedIn');
    return 'signedOut';
  }

  private apply(payload: AuthPayloadFieldsFragment): boolean {
    if (payload.errors.length > 0 || !payload.accessToken || !payload.user || !payload.accessTokenExpiresAt) return false;
    const issuedAt = this.now();
    const previousUser = this.snapshot.viewer?.id ?? null;
    this.token = payload.accessToken;
    this.expiresAt = Date.parse(payload.accessTokenExpiresAt);
    const sameAccount = this.snapshot.status === 'signedIn' && previousUser === payload.user.id;
    this.setSnapshot({
      status: 'signedIn',
      viewer: payload.user,
      generation: sameAccount ? this.snapshot.generation : this.snapshot.generation + 1,
      endedUnexpectedly: false,
      offline: false,
    });
    this.scheduler.schedule(refreshDelay(this.expiresAt, issuedAt, issuedAt));
    this.emitToken();
    return true;
  }

  private clear(unexpectedly: boolean): void {
    const wasSignedIn = this.snapshot.status === 'signedIn';
    this.token = null;
    this.expiresAt = null;
    this.scheduler.cancel();
    this.setSnapshot({
      status: 'signedOut',
      viewer: null,
      generation: wasSignedIn ? this.snapshot.generation + 1 : this.snapshot.generation,
      endedUnexpectedly: unexpectedly,
      offline: false,
    });
    if (wasSignedIn) this.emitToken();
  }

  private onTabMessage(message: TabMessage): void {
    if (message?.type === 'signedOut' && this.snapshot.status === 'signedIn') this.clear(false);
    // Another tab signed in: the shared cookie now belongs to that session, so adopt it.
    if (message?.type === 'signedIn') void this.refresh();
  }

  private post(message: TabMessage): void {
    try {
      this.deps.channel?.postMessage(message);
    } catch {
      // A closed channel only means no other tab hears about it.
    }
  }

  private setSnapshot(patch: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  private emitToken(): void {
    for (const listener of [...this.tokenListeners]) listener();
  }
}
