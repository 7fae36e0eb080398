import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { type Client, Provider as UrqlProvider } from 'urql';
import { vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { SessionProvider } from '../lib/auth/SessionContext';
import { SessionManager } from '../lib/auth/sessionManager';

type Responder = (operationName: string, variables: Record<string, unknown>) => unknown;

/** A urql client whose mutations answer with `respond(name, variables)` and whose queries never load. */
export function fakeClient(respond: Responder) {
  const executeMutation = vi.fn((request: { query: { definitions: { name?: { value: string } }[] }; variables: Record<string, unknown> }) => {
    const name = request.query.definitions[0]?.name?.value ?? '';
    const data = respond(name, request.variables);
    return fromValue({ data, error: undefined, stale: false, hasNext: false, operation: request });
  });
  const client = {
    executeMutation,
    executeQuery: vi.fn(() => never),
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
  return { client, executeMutation };
}

export function fakeSession() {
  const manager = new SessionManager({ request: vi.fn() as never, withLock: (task) => task() });
  const signIn = vi.spyOn(manager, 'signIn').mockImplementation(() => undefined);
  return { manager, signIn };
}

export function renderWithProviders(ui: ReactElement, { client, manager }: { client: Client; manager: SessionManager }) {
  return render(
    <SessionProvider manager={manager}>
      <UrqlProvider value={client}>
        <MemoryRouter initialEntries={['/login']}>{ui}</MemoryRouter>
      </UrqlProvider>
    </SessionProvider>,
  );
}
