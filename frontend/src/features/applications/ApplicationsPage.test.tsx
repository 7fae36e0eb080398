import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { filter, fromValue, mergeMap, never, pipe } from 'wonka';
import { ApplicationsPage } from './ApplicationsPage';

const SETUP = {
  applicationTypes: [
    { code: 'GUARANTEE_AGREEMENT_AMENDMENT', categories: [], documents: [{ code: 'OFFICIAL_LETTER', required: true }], reviewWorkingDays: 10, revisionWorkingDays: 5 },
    { code: 'CONSTRUCTION_PERIOD_EXTENSION', categories: [], documents: [{ code: 'OFFICIAL_LETTER', required: true }], reviewWorkingDays: 15, revisionWorkingDays: 5 },
  ],
  applicationTerms: { version: 1, workingHours: '09:30–19:00', maxFileBytes: 734003200, formFields: [] },
};
const NO_APPLICATIONS = { myApplications: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } };

function renderPage() {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => {
        if (op.kind === 'subscription') return never;
        const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value;
        const data = name === 'ApplicationSetup' ? SETUP : name === 'MyApplications' ? NO_APPLICATIONS : null;
        return fromValue({ operation: op, data, stale: false, hasNext: false } as OperationResult);
      }),
    );
  render(
    <UrqlProvider value={new Client({ url: '/graphql', exchanges: [exchange] })}>
      <MemoryRouter initialEntries={['/applications']}>
        <ApplicationsPage />
      </MemoryRouter>
    </UrqlProvider>,
  );
}

describe('My applications: the type chooser', () => {
  afterEach(() => {
    delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
  });

  it('is shown with nothing chosen and no error each time it opens', async () => {
    // What the dialog holds at the moment it appears: a click landing then must act on a fresh chooser.
    const shown: { chosen: string[]; error: boolean }[] = [];
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      shown.push({
        chosen: [...this.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.checked).map((r) => r.value),
        error: this.querySelector('#chooser-error') !== null,
      });
      this.setAttribute('open', '');
    };
    const u = userEvent.setup();
    renderPage();
    await screen.findByText('Create application');

    await u.click(screen.getByRole('button', { name: 'Create application' }));
    let dialog = screen.getByRole('dialog', { name: 'Conditions of filing' });
    expect(shown).toEqual([{ chosen: [], error: false }]);
    await u.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(within(dialog).getByText('Choose the type of application.')).toBeInTheDocument();
    await u.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await u.click(screen.getByRole('button', { name: 'Create application' }));
    dialog = screen.getByRole('dialog', { name: 'Conditions of filing' });
    expect(shown[1]).toEqual({ chosen: [], error: false });
    await u.click(within(dialog).getByRole('radio', { name: /^Extension of the construction period/ }));
    await u.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await u.click(screen.getByRole('button', { name: 'Create application' }));
    expect(shown[2]).toEqual({ chosen: [], error: false });
    expect(within(screen.getByRole('dialog', { name: 'Conditions of filing' })).getByRole('radio', { name: /^Extension of the construction period/ })).not.toBeChecked();
  });
});
