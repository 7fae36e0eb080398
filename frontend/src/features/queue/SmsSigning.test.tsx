import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ChecksList } from './ChecksList';
import { SmsSigning } from './SmsSigning';

describe('signing a queue application by SMS code', () => {
  it('asks for the code after it was sent, and shows a wrong code under its field', async () => {
    const user = userEvent.setup();
    const sendCode = vi.fn(async () => ({ sentTo: '+77015550108', resendAvailableAt: new Date(Date.now() + 60_000).toISOString() }));
    const onSign = vi.fn(async () => [{ code: 'OTP_INVALID', field: 'smsCode' }]);
    render(<SmsSigning sendCode={sendCode} onSign={onSign} />);

    expect(screen.queryByLabelText('Confirmation code')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send the code' }));
    expect(await screen.findByText('The code was sent by SMS to +7 701 555 01 08.')).toBeInTheDocument();

    // Too short: nothing is sent.
    await user.type(screen.getByLabelText('Confirmation code'), '123');
    await user.click(screen.getByRole('button', { name: 'Sign and file' }));
    expect(onSign).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Confirmation code')).toHaveAccessibleDescription(/Fill in this field\./);

    await user.type(screen.getByLabelText('Confirmation code'), '456');
    await user.click(screen.getByRole('button', { name: 'Sign and file' }));
    expect(onSign).toHaveBeenCalledWith('123456');
    expect(screen.getByLabelText('Confirmation code')).toHaveAccessibleDescription(/The code is wrong\./);
  });

  it('keeps the form when no code could be sent, saying why', async () => {
    const user = userEvent.setup();
    render(<SmsSigning sendCode={async () => [{ code: 'OTP_RATE_LIMITED', params: { retryAfterSeconds: 90 } }]} onSign={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Send the code' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many codes were requested. Try again in');
    expect(screen.queryByLabelText('Confirmation code')).not.toBeInTheDocument();
  });
});

describe('the list of checks', () => {
  it('puts the checks not met first and folds those that do not apply', () => {
    render(
      <ChecksList
        label="Checks"
        checks={[
          { code: 'ADULT', passed: true, applies: true, reason: null, explanation: 'An adult.' },
          { code: 'ORPHAN', passed: true, applies: false, reason: null, explanation: 'Not an orphan.' },
          { code: 'OWNED', passed: false, applies: true, reason: 'OWNED_HOUSING_5Y', explanation: 'Owned a flat.' },
        ]}
      />,
    );
    const items = screen.getByRole('list', { name: 'Checks' }).querySelectorAll('li');
    expect([...items].map((li) => li.dataset.check)).toEqual(['OWNED', 'ADULT']);
    expect(items[0]).toHaveTextContent('Not met');
    expect(screen.getByText('Checks that do not apply: 1')).toBeInTheDocument();
  });
});
