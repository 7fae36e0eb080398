export interface AuthFetchDeps {
  /** A token fit for the next request, or null when signed out. */
  accessToken: () => Promise<string | null>;
  /** Called after a 401 with the token that was refused; true when a retry makes sense. */
  recover: (usedToken: string | null) => Promise<boolean>;
  currentToken: () => string | null;
  locale: () => string;
  fetchImpl?: typeof fetch;
}

/**
 * The fetch urql uses: bearer token and language on every request, and one transparent retry
 * after a 401 (a bad or expired token), once the session is refreshed.
 */
export function createAuthFetch(deps: AuthFetchDeps): typeof fetch {
  return async (input, init) => {
    const doFetch = deps.fetchImpl ?? fetch;
    const send = (token: string | null) => {
      const headers = new Headers(init?.headers);
      headers.set('X-Locale', deps.locale());
      if (token) headers.set('Authorization', `Bearer ${token}`);
      else headers.delete('Authorization');
      return doFetch(input, { ...init, headers, credentials: 'same-origin' });
    };
    const token = await deps.accessToken();
    const response = await send(token);
    if (response.status !== 401 || !token) return response;
    if (!(await deps.recover(token))) return response;
    return send(deps.currentToken());
  };
}
