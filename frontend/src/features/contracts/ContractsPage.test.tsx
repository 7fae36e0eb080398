import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, fromValue, makeSubject, map, mergeMap, pipe, type Subject } from 'wonka';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import type { ContractFieldsFragment } from '../../gql/graphql';
import { SessionProvider } from '../../lib/auth/SessionContext';
import { SessionManager } from '../../lib/auth/sessionManager';
import { ContractsPage } from './ContractsPage';

function contract(id: string, number: string, signedOn: string): ContractFieldsFragment {
  return {
    id,
    number,
    signedOn,
    holderName: 'Садықова Әйгерім Нұрланқызы',
    version: 1,
    refreshedAt: null,
    updatedAt: '2026-11-21T10:00:00+00:00',
    guarantee: { kind: 'KZHK_GUARANTEE', number: 'ҚК-2023/118', date: '2023-05-02' },
    complex: { id: `cx-${id}`, name: 'ТК «Нұрсая»', address: 'Астана қ., Тұран даңғылы, 55', website: 'https://nursaya.kz', commissioningDate: '2026-09-30' },
    premises: { kind: 'FLAT', number: '44' },
    developer: null,
    authorizedCompany: null,
    documents: [],
    history: [{ at: '2026-11-21T10:00:00+00:00', action: 'created', source: 'demo', changes: [] }],
  };
}

const A = contract('a', 'Н-3-67/44-АФ', '2023-06-14');
const B = contract('b', 'Н-3-71/12-АФ', '2024-02-09');

/** A real urql client whose queries answer from `contracts` and whose subscription is `live`. */
function client(contracts: ContractFieldsFragment[], live: Subject<unknown>) {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => {
        if (op.kind === 'subscription') return pipe(live.source, map((data) => ({ operation: op, data, stale: false, hasNext: true }) as OperationResult));
        const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value;
        const data = name === 'MyContracts' ? { myContracts: contracts } : { contract: contracts.find((c) => c.id === op.variables?.id) ?? null };
        return fromValue({ operation: op, data, stale: false, hasNext: false } as OperationResult);
      }),
    );
  return new Client({ url: '/graphql', exchanges: [exchange] });
}

function signedIn(): SessionManager {
  const manager = new SessionManager({ request: vi.fn() as never, withLock: (task) => task() });
  vi.spyOn(manager, 'getSnapshot').mockReturnValue({
    status: 'signedIn',
    generation: 1,
    endedUnexpectedly: false,
    offline: false,
    viewer: { id: 'u1', kind: 'PERSON', iinBin: '900515300197', email: null, phone: null, fullName: 'Садықова Әйгерім', locale: 'EN', hasPassword: true, roles: ['CITIZEN'], createdAt: '2026-01-01T00:00:00Z' },
  });
  return manager;
}

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderPage(contracts: ContractFieldsFragment[], path = '/contracts') {
  const live = makeSubject<unknown>();
  const router = createMemoryRouter(
    [
      {
        path: '/contracts/:contractId?',
        element: (
          <>
            <ContractsPage />
            <Where />
          </>
        ),
      },
    ],
    { initialEntries: [path] },
  );
  render(
    <SessionProvider manager={signedIn()}>
      <UrqlProvider value={client(contracts, live)}>
        <RouterProvider router={router} />
      </UrqlProvider>
    </SessionProvider>,
  );
  return { live, router };
}

describe('My contracts', () => {
  it('replaces the bare /contracts with the first contract, and switches by number', async () => {
    const user = userEvent.setup();
    renderPage([B, A]);
    expect(await screen.findByText('Н-3-67/44-АФ', { selector: '.fact__value span' })).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/contracts/a');
    expect(screen.getByRole('button', { name: 'Н-3-67/44-АФ' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Н-3-71/12-АФ' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/contracts/b');
    expect(screen.getByRole('button', { name: 'Н-3-71/12-АФ' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('region', { name: 'Share participation agreement (DDU)' })).toHaveTextContent('Н-3-71/12-АФ');
  });

  it('shows no switcher for a single contract', async () => {
    renderPage([A]);
    expect(await screen.findByRole('region', { name: 'Residential complex' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Choose a contract' })).toBeNull();
  });

  it('says so when there is no contract at all', async () => {
    renderPage([]);
    expect(await screen.findByText('You have no contracts yet')).toBeInTheDocument();
  });

  it('says so when the contract of the URL is not the viewer’s', async () => {
    renderPage([A, B], '/contracts/zzz');
    expect(await screen.findByText('This contract is not among yours.')).toBeInTheDocument();
  });

  it('adds a contract that arrives live to the number buttons and announces it', async () => {
    const { live } = renderPage([A, B], '/contracts/a');
    await screen.findByRole('button', { name: 'Н-3-67/44-АФ' });
    const C = contract('c', 'Н-9-01/07-АФ', '2025-02-14');
    act(() => live.next({ contractUpdated: C }));
    expect(await screen.findByRole('button', { name: 'Н-9-01/07-АФ New' })).toBeInTheDocument();
    expect(screen.getByText('New contract added: No. Н-9-01/07-АФ')).toBeInTheDocument();
    expect(screen.getByText('Contracts: 3')).toBeInTheDocument();
  });

  it('updates the shown contract in place when it changes', async () => {
    const { live } = renderPage([A, B], '/contracts/a');
    await screen.findByText('30 September 2026');
    const changed = {
      ...A,
      complex: { ...A.complex!, commissioningDate: '2026-12-25' },
      history: [...A.history, { at: '2026-11-21T11:00:00+00:00', action: 'updated', source: 'partner:CRM', changes: [{ field: 'complex.commissioningDate', old: '2026-09-30', new: '2026-12-25' }] }],
    };
    act(() => live.next({ contractUpdated: changed }));
    const fact = (await screen.findAllByText('25 December 2026'))[0].closest('.fact');
    expect(fact).toHaveClass('fact--changed');
    expect(screen.getByText('Contract data updated: No. Н-3-67/44-АФ')).toBeInTheDocument();
    expect(screen.getByText('Partner: CRM')).toBeInTheDocument();
  });
});
