import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import { PublicListPage } from './PublicListPage';

type Answer = (variables: Record<string, unknown>) => unknown;

function renderPage(answers: Record<string, Answer>, at = '/queue/public') {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => {
        const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? '';
        return fromValue({ operation: op, data: answers[name]?.(op.variables as Record<string, unknown>), stale: false, hasNext: false } as OperationResult);
      }),
    );
  render(
    <UrqlProvider value={new Client({ url: '/graphql', exchanges: [exchange] })}>
      <MemoryRouter initialEntries={[at]}>
        <PublicListPage />
      </MemoryRouter>
    </UrqlProvider>,
  );
}

const entry = (n: number) => ({ cursor: `c${n}`, node: { number: n, maskedName: `А***${n} Б.`, applicationNumber: `Q-2026-${String(n).padStart(6, '0')}`, registeredAt: '2026-12-08T05:00:00Z' } });
const page = (from: number, to: number, more: boolean) => ({
  queuePublicList: { edges: Array.from({ length: to - from + 1 }, (_, i) => entry(from + i)), pageInfo: { hasNextPage: more, endCursor: more ? `c${to}` : null } },
});

describe('Public queue list', () => {
  it('pages on by cursor and back, and searches an application number', async () => {
    const u = userEvent.setup();
    const list = vi.fn<Answer>((v) => {
      if (v.search) return v.search === 'Q-2026-000021' ? page(21, 21, false) : { queuePublicList: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };
      return v.after === 'c20' ? page(21, 25, false) : page(1, 20, true);
    });
    renderPage({
      QueuePublicLocalities: () => ({ queueLocalities: [{ code: 'astana', name: 'Astana', republican: true }, { code: 'karaganda', name: 'Karaganda', republican: false }] }),
      QueuePublicList: list,
    });
    expect(await screen.findByText('Choose a locality to see its list.')).toBeInTheDocument();
    expect(list).not.toHaveBeenCalled();

    await u.selectOptions(screen.getByLabelText('Locality'), 'karaganda');
    const region = await screen.findByRole('region', { name: 'Karaganda: General list' });
    expect(within(region).getAllByRole('row')).toHaveLength(21); // the header and 20 entries
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ locality: 'karaganda', listKind: 'GENERAL', after: null, first: 20, search: null }));
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await u.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await within(region).findByText('Q-2026-000025')).toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ after: 'c20' }));
    expect(screen.getByText('Page 2', { selector: '.queue-public__page' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await u.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await within(region).findByText('Q-2026-000001')).toBeInTheDocument();

    await u.type(screen.getByRole('searchbox', { name: 'Search by application number' }), 'q-2026-000021');
    await u.click(screen.getByRole('button', { name: 'Find' }));
    expect(await within(region).findByText('А***21 Б.')).toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'Q-2026-000021', after: null }));
    expect(within(region).getAllByRole('row')).toHaveLength(2);

    await u.clear(screen.getByRole('searchbox', { name: 'Search by application number' }));
    await u.type(screen.getByRole('searchbox', { name: 'Search by application number' }), 'Q-1');
    await u.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByText('No application Q-1 in this list, or its applicant did not consent to publication.')).toBeInTheDocument();
  });

  it('opens the list a link names, the vulnerable one included', async () => {
    const list = vi.fn<Answer>(() => page(1, 1, false));
    renderPage(
      { QueuePublicLocalities: () => ({ queueLocalities: [{ code: 'astana', name: 'Astana', republican: true }] }), QueuePublicList: list },
      '/queue/public?locality=astana&list=VULNERABLE',
    );
    expect(await screen.findByRole('region', { name: 'Astana: Socially vulnerable categories' })).toBeInTheDocument();
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ locality: 'astana', listKind: 'VULNERABLE' }));
    expect(screen.getByRole('radio', { name: 'Socially vulnerable categories' })).toBeChecked();
  });
});
