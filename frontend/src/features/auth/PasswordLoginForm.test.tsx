import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeClient, fakeSession, renderWithProviders } from '../../test/renderWithProviders';
import { PasswordLoginForm } from './PasswordLoginForm';

const user = { id: 'u1', kind: 'PERSON', iinBin: '900515300197', email: 'a@b.kz', phone: null, fullName: 'A', locale: 'KK', hasPassword: true, roles: ['CITIZEN'], createdAt: '2026-01-01T00:00:00Z' };
const signedIn = { accessToken: 'tok', accessTokenExpiresAt: '2030-01-01T00:00:00Z', user, errors: [] };
const failed = (code: string, params: unknown = null) => ({ accessToken: null, accessTokenExpiresAt: null, user: null, errors: [{ field: null, code, message: code, params }] });

function setup(answer: unknown) {
  const { client, executeMutation } = fakeClient(() => ({ sessionLogin: answer }));
  const { manager, signIn } = fakeSession();
  renderWithProviders(<PasswordLoginForm />, { client, manager });
  return { executeMutation, signIn };
}

describe('password login form', () => {
  it('asks for both fields before calling the server', async () => {
    const { executeMutation } = setup(signedIn);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByLabelText('IIN/BIN or email')).toHaveAccessibleDescription(expect.stringContaining('Fill in this field.'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Fill in this field.');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('submits with Enter and starts the session', async () => {
    const { executeMutation, signIn } = setup(signedIn);
    await userEvent.type(screen.getByLabelText('IIN/BIN or email'), ' 900515300197 ');
    await userEvent.type(screen.getByLabelText('Password'), 'Secret-123{Enter}');
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(executeMutation.mock.calls[0][0].variables).toEqual({ input: { login: '900515300197', password: 'Secret-123' } });
    expect(signIn).toHaveBeenCalledWith(signedIn);
  });

  it('says a wrong password out loud and keeps what was typed', async () => {
    const { signIn } = setup(failed('INVALID_CREDENTIALS'));
    await userEvent.type(screen.getByLabelText('IIN/BIN or email'), 'a@b.kz');
    await userEvent.type(screen.getByLabelText('Password'), 'nope{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong login or password.');
    expect(screen.getByLabelText('IIN/BIN or email')).toHaveValue('a@b.kz');
    expect(signIn).not.toHaveBeenCalled();
  });

  it('shows how long a locked login must wait', async () => {
    setup(failed('LOGIN_LOCKED', { retryAfterSeconds: 600 }));
    await userEvent.type(screen.getByLabelText('IIN/BIN or email'), 'a@b.kz');
    await userEvent.type(screen.getByLabelText('Password'), 'nope{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('try again in 10 min 00 s');
  });
});
