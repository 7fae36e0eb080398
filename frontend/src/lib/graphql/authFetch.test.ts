import { describe, expect, it, vi } from 'vitest';
import { createAuthFetch } from './authFetch';

function setup(responses: number[], tokens: { current: string | null }, recover = vi.fn(async () => true)) {
  const seen: { auth: string | null; locale: string | null }[] = [];
  const fetchImpl = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    seen.push({ auth: headers.get('Authorization'), locale: headers.get('X-Locale') });
    return new Response('{}', { status: responses.shift() ?? 200 });
  });
  const authFetch = createAuthFetch({
    accessToken: async () => tokens.current,
    currentToken: () => tokens.current,
    recover,
    locale: () => 'ru',
    fetchImpl: fetchImpl as unknown as typeof fetch,
  });
  return { authFetch, fetchImpl, seen, recover };
}

describe('authenticated fetch', () => {
  it('sends the bearer token and the language', async () => {
    const { authFetch, seen } = setup([200], { current: 'abc' });
    await authFetch('/graphql', { method: 'POST' });
    expect(seen).toEqual([{ auth: 'Bearer abc', locale: 'ru' }]);
  });

  it('sends no Authorization header when signed out', async () => {
    const { authFetch, seen } = setup([200], { current: null });
    await authFetch('/graphql', { method: 'POST', headers: { Authorization: 'Bearer stale' } });
    expect(seen[0].auth).toBeNull();
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    const tokens = { current: 'old' as string | null };
    const recover = vi.fn(async () => {
      tokens.current = 'new';
      return true;
    });
    const { authFetch, seen } = setup([401, 200], tokens, recover);
    const response = await authFetch('/graphql', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(recover).toHaveBeenCalledWith('old');
    expect(seen.map((s) => s.auth)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('gives up after one retry and when the session cannot be recovered', async () => {
    const { authFetch, fetchImpl } = setup([401, 401], { current: 'old' }, vi.fn(async () => false));
    const response = await authFetch('/graphql', { method: 'POST' });
    expect(response.status).toBe(401);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it('does not retry a second 401', async () => {
    const { authFetch, fetchImpl } = setup([401, 401, 200], { current: 'old' });
    const response = await authFetch('/graphql', { method: 'POST' });
    expect(response.status).toBe(401);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });
});
