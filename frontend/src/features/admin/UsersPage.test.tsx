import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import type { ViewerFragment } from '../../gql/graphql';
import { UsersPage } from './UsersPage';

function user(id: string, fullName: string, roles: ViewerFragment['roles']): ViewerFragment {
  return { id, kind: 'PERSON', iinBin: '880321400453', email: `${id}@demo.shanyraq.kz`, phone: '+77011110005', fullName, locale: 'RU', hasPassword: true, roles, createdAt: '2026-11-20T10:00:00+00:00' };
}

const OFFICER = user('officer', 'Жұмабаев Ерлан', ['QUEUE_OFFICER']);
const ADMIN = user('admin', 'Portal administrator', ['ADMIN']);

type Answer = (variables: Record<string, unknown>) => unknown;

function renderPage(answers: Record<string, Answer>) {
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
      <UsersPage />
    </UrqlProvider>,
  );
}

function connection(users: ViewerFragment[], hasNextPage = false) {
  return { users: { totalCount: users.length + (hasNextPage ? 1 : 0), pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c1' : null }, edges: users.map((node) => ({ node })) } };
}

describe('Accounts', () => {
  it('searches, pages on, and changes an account’s roles', async () => {
    const u = userEvent.setup();
    const users = vi.fn<Answer>((v) => (v.search ? connection([OFFICER]) : v.after ? connection([OFFICER]) : connection([ADMIN], true)));
    const setRoles = vi.fn<Answer>((v) => ({ userRolesSet: { user: { ...OFFICER, roles: (v.input as { roles: string[] }).roles }, errors: [] } }));
    renderPage({ AdminUsers: users, UserRolesSet: setRoles });
    expect(await screen.findByRole('heading', { level: 2, name: 'Portal administrator' })).toBeInTheDocument();
    expect(screen.getByText('Accounts: 2')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Жұмабаев Ерлан' })).toBeInTheDocument();
    expect(users).toHaveBeenLastCalledWith(expect.objectContaining({ after: 'c1' }));

    await u.type(screen.getByRole('searchbox', { name: 'Name, IIN/BIN, email or phone' }), ' officer ');
    await u.click(screen.getByRole('button', { name: 'Search' }));
    expect(users).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'officer', after: null }));
    await screen.findByText('Accounts: 1');

    await u.click(screen.getByRole('button', { name: 'Change the roles of Жұмабаев Ерлан' }));
    const dialog = screen.getByRole('dialog', { name: 'Roles of Жұмабаев Ерлан' });
    expect(within(dialog).getByRole('checkbox', { name: 'Housing-queue officer' })).toBeChecked();
    await u.click(within(dialog).getByRole('checkbox', { name: 'KZhK operator' }));
    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(setRoles).toHaveBeenCalledWith({ input: { userId: 'officer', roles: ['KZHK_OPERATOR', 'QUEUE_OFFICER'] } });
    const card = screen.getByRole('article', { name: 'Жұмабаев Ерлан' });
    expect(await within(card).findByText('KZhK operator')).toBeInTheDocument();
    expect(screen.getByText('Roles of Жұмабаев Ерлан saved.')).toBeInTheDocument();
  });

  it('keeps the dialog open with the reason when the server refuses', async () => {
    const u = userEvent.setup();
    renderPage({
      AdminUsers: () => connection([ADMIN]),
      UserRolesSet: () => ({ userRolesSet: { user: null, errors: [{ field: 'roles', code: 'CANNOT_REMOVE_OWN_ADMIN', message: 'x', params: {} }] } }),
    });
    await u.click(await screen.findByRole('button', { name: 'Change the roles of Portal administrator' }));
    const dialog = screen.getByRole('dialog', { name: 'Roles of Portal administrator' });
    await u.click(within(dialog).getByRole('checkbox', { name: 'Administrator' }));
    expect(within(dialog).getByText('Without a role the account keeps only its profile and notifications.')).toBeInTheDocument();
    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('You cannot remove your own administrator role.')).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: 'Administrator' })).not.toBeChecked();
  });

  describe('the roles dialog', () => {
    afterEach(() => {
      delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
    });

    it('is shown with the account’s roles already ticked, and opens afresh for each account', async () => {
      // What is ticked at the moment the dialog appears: a click landing then must act on the account's roles.
      const shown: string[][] = [];
      HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
        shown.push([...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((c) => c.checked).map((c) => c.parentElement?.textContent ?? ''));
        this.setAttribute('open', '');
      };
      const u = userEvent.setup();
      renderPage({ AdminUsers: () => connection([ADMIN, OFFICER]) });
      await u.click(await screen.findByRole('button', { name: 'Change the roles of Жұмабаев Ерлан' }));
      const officer = screen.getByRole('dialog', { name: 'Roles of Жұмабаев Ерлан' });
      expect(shown).toEqual([['Housing-queue officer']]);

      // A cancelled edit is gone, and focus is back on the button that opened the dialog.
      await u.click(within(officer).getByRole('checkbox', { name: 'KZhK operator' }));
      await u.click(within(officer).getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Change the roles of Жұмабаев Ерлан' })).toHaveFocus();
      await u.click(screen.getByRole('button', { name: 'Change the roles of Жұмабаев Ерлан' }));
      expect(shown[1]).toEqual(['Housing-queue officer']);
      await u.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));

      await u.click(screen.getByRole('button', { name: 'Change the roles of Portal administrator' }));
      expect(screen.getByRole('dialog', { name: 'Roles of Portal administrator' })).toBeInTheDocument();
      expect(shown[2]).toEqual(['Administrator']);
    });

    it('names a phone-only account by its phone everywhere', async () => {
      const u = userEvent.setup();
      const resident = { ...user('resident', '', ['RESIDENT']), iinBin: null, email: null, phone: '+77059990001' };
      renderPage({ AdminUsers: () => connection([resident]) });
      expect(await screen.findByRole('heading', { level: 2, name: '+7 705 999 00 01' })).toBeInTheDocument();
      await u.click(screen.getByRole('button', { name: 'Change the roles of +7 705 999 00 01' }));
      expect(screen.getByRole('dialog', { name: 'Roles of +7 705 999 00 01' })).toBeInTheDocument();
    });
  });
});
