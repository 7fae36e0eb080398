import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient, fakeSession, renderWithProviders } from '../../test/renderWithProviders';
import { DeviceLoginPage } from './DeviceLoginPage';

const user = { id: 'u1', kind: 'PERSON', iinBin: null, email: null, phone: '+77071234567', fullName: 'A', locale: 'KK', hasPassword: false, roles: ['RESIDENT'], createdAt: '2026-01-01T00:00:00Z' };
const signedIn = { accessToken: 'tok', accessTokenExpiresAt: '2030-01-01T00:00:00Z', user, errors: [] };
const refused = { accessToken: null, accessTokenExpiresAt: null, user: null, errors: [{ field: 'token', code: 'TOKEN_INVALID', message: 'x', params: null }] };

function setup(hash: string, answer: unknown) {
  window.history.replaceState(null, '', `/device-login${hash}`);
  const { client, executeMutation } = fakeClient(() => ({ deviceLoginExchange: answer }));
  const { manager, signIn } = fakeSession();
  renderWithProviders(<DeviceLoginPage />, { client, manager });
  return { executeMutation, signIn };
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('device login page', () => {
  it('spends the token of the fragment once, drops it from the address and starts the session', async () => {
    const { executeMutation, signIn } = setup('#tok-123', signedIn);
    await waitFor(() => expect(signIn).toHaveBeenCalledWith(signedIn));
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect((executeMutation.mock.calls[0][0].variables as { input: { token: string } }).input.token).toBe('tok-123');
    expect(window.location.hash).toBe('');
  });

  it('says a used or expired code in words and how to get a new one', async () => {
    const { signIn } = setup('#used', refused);
    expect(await screen.findByRole('alert')).not.toBeEmptyDOMElement();
    expect(screen.getByText(/works once and for two minutes/)).toBeInTheDocument();
    expect(signIn).not.toHaveBeenCalled();
  });

  it('asks nothing of the server without a token', async () => {
    const { executeMutation } = setup('', signedIn);
    expect(await screen.findByRole('alert')).not.toBeEmptyDOMElement();
    expect(executeMutation).not.toHaveBeenCalled();
  });
});
