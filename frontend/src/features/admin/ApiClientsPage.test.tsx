import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, type Exchange, type Operation, type OperationResult, Provider as UrqlProvider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import type { ApiClientFieldsFragment } from '../../gql/graphql';
import { ApiClientsPage } from './ApiClientsPage';

const BAYTEREK: ApiClientFieldsFragment = {
  id: 'c1',
  name: 'Bayterek CRM',
  keyPrefix: 'a1a7a0c1',
  scopes: ['CONTRACTS_READ', 'CONTRACTS_WRITE'],
  rateLimitPerMinute: 600,
  isActive: true,
  createdAt: '2026-11-20T10:00:00+00:00',
  lastUsedAt: null,
  organization: { id: 'o1', bin: '040640406657', name: 'ТОО «Байтерек Девелопмент»' },
};

type Answer = (variables: Record<string, unknown>) => unknown;

/** A real urql client answering each operation by name; every operation is recorded. */
function client(answers: Record<string, Answer>) {
  const seen: Operation[] = [];
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => {
        seen.push(op);
        const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? '';
        return fromValue({ operation: op, data: answers[name]?.(op.variables as Record<string, unknown>), stale: false, hasNext: false } as OperationResult);
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), seen };
}

function renderPage(answers: Record<string, Answer>) {
  const c = client(answers);
  render(
    <UrqlProvider value={c.client}>
      <ApiClientsPage />
    </UrqlProvider>,
  );
  return c;
}

describe('Partner API clients', () => {
  it('lists the clients with their organization, key prefix and scopes', async () => {
    renderPage({ ApiClients: () => ({ apiClients: [BAYTEREK, { ...BAYTEREK, id: 'c2', name: 'Old CRM', isActive: false }] }) });
    const card = (await screen.findByRole('heading', { level: 3, name: 'Bayterek CRM' })).closest('article')!;
    expect(within(card).getByText('shq_a1a7a0c1_…')).toBeInTheDocument();
    expect(within(card).getByText('040640406657')).toBeInTheDocument();
    expect(within(card).getByText('CONTRACTS_WRITE')).toBeInTheDocument();
    expect(within(card).getByText('Not used yet')).toBeInTheDocument();
    expect(screen.getByText('Clients: 2, active: 1')).toBeInTheDocument();
    // A revoked client has nothing left to revoke.
    expect(screen.getAllByRole('button', { name: /^Revoke/ })).toHaveLength(1);
  });

  it('shows the server’s error next to the BIN, keeps what was typed, then shows the key once', async () => {
    const user = userEvent.setup();
    const create = vi.fn<Answer>()
      .mockReturnValueOnce({ apiClientCreate: { apiKey: null, client: null, errors: [{ field: 'organizationBin', code: 'NOT_A_BIN', message: 'x', params: {} }] } })
      .mockReturnValueOnce({ apiClientCreate: { apiKey: 'shq_0badf00d_secret', client: { ...BAYTEREK, id: 'c9', name: 'Nursaya CRM', keyPrefix: '0badf00d' }, errors: [] } });
    const { seen } = renderPage({ ApiClients: () => ({ apiClients: [] }), ApiClientCreate: create });
    expect(await screen.findByText("No API clients yet. Create one for a partner's system.")).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New client' }));
    await user.click(screen.getByRole('button', { name: 'Create client and key' }));
    expect(screen.getAllByText('Fill in this field.')).toHaveLength(2);
    expect(create).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(/^Name/), 'Nursaya CRM');
    await user.type(screen.getByLabelText(/^Organization BIN/), '8503-1530-0207');
    expect(screen.getByLabelText(/^Organization BIN/)).toHaveValue('850315300207');
    await user.click(screen.getByRole('checkbox', { name: /APPLICATIONS_BPMS/ }));
    await user.click(screen.getByRole('button', { name: 'Create client and key' }));
    expect(await screen.findByText("This is a person's IIN; enter a company's BIN.")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Organization BIN/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/^Name/)).toHaveValue('Nursaya CRM');
    expect(create.mock.calls[0][0]).toMatchObject({
      input: { name: 'Nursaya CRM', organizationBin: '850315300207', scopes: ['CONTRACTS_READ', 'CONTRACTS_WRITE', 'DOCUMENTS_WRITE', 'APPLICATIONS_BPMS'], rateLimitPerMinute: 600 },
    });

    await user.clear(screen.getByLabelText(/^Organization BIN/));
    await user.type(screen.getByLabelText(/^Organization BIN/), '040640406657');
    await user.click(screen.getByRole('button', { name: 'Create client and key' }));
    expect(await screen.findByRole('heading', { name: 'The key of “Nursaya CRM”' })).toHaveFocus();
    expect(screen.getByLabelText('API key')).toHaveValue('shq_0badf00d_secret');
    expect(screen.getByRole('heading', { level: 3, name: 'Nursaya CRM' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'I have saved the key' }));
    expect(screen.queryByLabelText('API key')).toBeNull();
    expect(seen.filter((op) => op.kind === 'mutation')).toHaveLength(2);
  });

  it('revokes after a confirmation, and says so', async () => {
    const user = userEvent.setup();
    let revoked = false;
    const revoke = vi.fn<Answer>(() => {
      revoked = true;
      return { apiClientRevoke: { client: { ...BAYTEREK, isActive: false }, errors: [] } };
    });
    renderPage({ ApiClients: () => ({ apiClients: [{ ...BAYTEREK, isActive: !revoked }] }), ApiClientRevoke: revoke });
    await user.click(await screen.findByRole('button', { name: 'Revoke Bayterek CRM' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Bayterek CRM”?' });
    expect(dialog).toHaveTextContent('shq_a1a7a0c1_…');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(revoke).toHaveBeenCalledWith({ input: { clientId: 'c1' } });
    expect(await screen.findByText('“Bayterek CRM” is revoked; its key no longer works.')).toBeInTheDocument();
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
  });
});
