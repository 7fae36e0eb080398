import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient, fakeSession, renderWithProviders } from '../../test/renderWithProviders';
import { DetailsStep } from './DetailsStep';
import { EMPTY_DETAILS, type RegistrationDetails } from './types';

function Harness({ onSent }: { onSent: (id: string) => void }) {
  const [details, setDetails] = useState<RegistrationDetails>(EMPTY_DETAILS);
  return <DetailsStep details={details} onChange={setDetails} onSent={onSent} />;
}

function setup(answer: unknown) {
  const { client, executeMutation } = fakeClient(() => ({ registrationStart: answer }));
  const onSent = vi.fn();
  renderWithProviders(<Harness onSent={onSent} />, { client, manager: fakeSession().manager });
  return { executeMutation, onSent };
}

async function fillValid() {
  await userEvent.type(screen.getByLabelText('IIN or BIN'), '850614301092');
  await userEvent.type(screen.getByLabelText('Email'), 'daniyar@example.kz');
  await userEvent.type(screen.getByLabelText('DDU number'), 'Н-5-12/08-АФ');
  fireEvent.change(screen.getByLabelText('DDU date'), { target: { value: '2024-03-15' } });
  await userEvent.type(screen.getByLabelText('Mobile phone'), '+77051110001');
}

const continueButton = () => screen.getByRole('button', { name: 'Continue' });

describe('registration step 1', () => {
  it('marks every empty field next to it, without calling the server', async () => {
    const { executeMutation } = setup(null);
    await userEvent.click(continueButton());
    for (const label of ['IIN or BIN', 'Email', 'DDU number', 'DDU date', 'Mobile phone']) {
      expect(screen.getByLabelText(label)).toHaveAccessibleDescription(expect.stringContaining('Fill in this field.'));
    }
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('catches a mistyped IIN and a contract date in the future', async () => {
    setup(null);
    await userEvent.type(screen.getByLabelText('IIN or BIN'), '850614301093');
    fireEvent.change(screen.getByLabelText('DDU date'), { target: { value: '2999-01-01' } });
    await userEvent.click(continueButton());
    expect(screen.getByLabelText('IIN or BIN')).toHaveAccessibleDescription(expect.stringContaining('Enter a valid 12-digit IIN or BIN.'));
    expect(screen.getByLabelText('DDU date')).toHaveAccessibleDescription(expect.stringContaining('The date cannot be in the future.'));
  });

  it('shows the server errors next to their fields and keeps every value', async () => {
    const { onSent } = setup({
      registrationId: null,
      delivery: null,
      errors: [
        { field: 'contractNumber', code: 'CONTRACT_NOT_FOUND', message: '', params: null },
        { field: 'phone', code: 'NOT_A_MOBILE_PHONE', message: '', params: null },
      ],
    });
    await fillValid();
    await userEvent.click(continueButton());
    expect(await screen.findByText(/No share-participation contract/)).toBeInTheDocument();
    expect(screen.getByLabelText('DDU number')).toHaveAccessibleDescription(expect.stringContaining('No share-participation contract'));
    expect(screen.getByLabelText('Mobile phone')).toHaveAccessibleDescription(expect.stringContaining('This is not a mobile number.'));
    expect(screen.getByLabelText('IIN or BIN')).toHaveValue('850614301092');
    expect(screen.getByLabelText('DDU number')).toHaveValue('Н-5-12/08-АФ');
    expect(onSent).not.toHaveBeenCalled();
  });

  it('goes on to the code step once the server sent the SMS', async () => {
    const delivery = { channel: 'sms', sentTo: '+7705 *** ** 01', codeLength: 6, expiresAt: '2030-01-01T00:00:00Z', resendAvailableAt: '2030-01-01T00:00:00Z' };
    const { executeMutation, onSent } = setup({ registrationId: 'r1', delivery, errors: [] });
    await fillValid();
    await userEvent.click(continueButton());
    expect(executeMutation.mock.calls[0][0].variables).toEqual({
      input: { iinBin: '850614301092', email: 'daniyar@example.kz', contractNumber: 'Н-5-12/08-АФ', contractDate: '2024-03-15', phone: '+77051110001' },
    });
    expect(onSent).toHaveBeenCalledWith('r1', delivery);
  });
});
