import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import { todayIso } from '../../lib/format';
import type { CalendarOverride } from './calendar';
import { CalendarPage } from './CalendarPage';

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
      <CalendarPage />
    </UrqlProvider>,
  );
}

const year = Number(todayIso().slice(0, 4));

describe('Decree calendar', () => {
  it('records an extra day off and shows the preview deadline move', async () => {
    const u = userEvent.setup();
    const stored: CalendarOverride[] = [{ id: 'o1', day: `${year}-03-09`, kind: 'DAY_OFF', decree: 'Decree No. 1', createdAt: `${year}-01-10T04:00:00Z`, revokedAt: null }];
    let dayOff = false;
    const add = vi.fn<Answer>((v) => {
      const input = v.input as { day: string; kind: 'DAY_OFF'; decree: string };
      const created = { id: 'o2', ...input, createdAt: `${year}-01-11T04:00:00Z`, revokedAt: null };
      stored.push(created);
      dayOff = true;
      return { calendarOverrideAdd: { override: created, errors: [] } };
    });
    const workingDays = vi.fn<Answer>(() => ({ calendarWorkingDays: dayOff ? `${year}-12-22` : `${year}-12-21` }));
    renderPage({
      CalendarOverrides: () => ({ calendarOverrides: [...stored] }),
      CalendarWorkingDays: workingDays,
      CalendarOverrideAdd: add,
    });

    expect(await screen.findByRole('heading', { level: 3, name: /9 March/ })).toBeInTheDocument();
    const preview = await screen.findByTestId('calendar-preview');
    expect(preview).toHaveTextContent('working days: 3. Deadline: 21 December');
    expect(workingDays).toHaveBeenCalledWith(expect.objectContaining({ count: 3 }));

    // Without the decree nothing is sent.
    const form = screen.getByRole('region', { name: 'Record a day by decree' });
    await u.type(within(form).getByLabelText(/^Date/), `${year}-12-18`);
    expect(within(form).getByText('Friday')).toBeInTheDocument();
    await u.click(within(form).getByRole('button', { name: 'Record' }));
    expect(add).not.toHaveBeenCalled();
    expect(within(form).getByText('Fill in this field.')).toBeInTheDocument();

    await u.type(within(form).getByLabelText(/^Decree/), 'Decree No. 950');
    await u.click(within(form).getByRole('button', { name: 'Record' }));
    expect(add).toHaveBeenCalledWith({ input: { day: `${year}-12-18`, kind: 'DAY_OFF', decree: 'Decree No. 950' } });
    expect(await screen.findByText(`Recorded: 18 December ${year} — An extra day off.`)).toBeInTheDocument();
    expect(await screen.findByTestId('calendar-preview')).toHaveTextContent('Deadline: 22 December');
    expect(screen.getByTestId('calendar-preview')).toHaveTextContent('Was 21 December');
    expect(await screen.findByRole('heading', { level: 3, name: /18 December/ })).toBeInTheDocument();
  });

  it('revokes an override after confirming, and warns of a day off on a weekend', async () => {
    const u = userEvent.setup();
    let revoked = false;
    const entry = { id: 'o1', day: `${year}-12-18`, kind: 'DAY_OFF' as const, decree: 'Decree No. 950', createdAt: `${year}-01-10T04:00:00Z` };
    const revoke = vi.fn<Answer>(() => {
      revoked = true;
      return { calendarOverrideRevoke: { override: { ...entry, revokedAt: `${year}-01-12T04:00:00Z` }, errors: [] } };
    });
    renderPage({
      CalendarOverrides: () => ({ calendarOverrides: [{ ...entry, revokedAt: revoked ? `${year}-01-12T04:00:00Z` : null }] }),
      CalendarWorkingDays: () => ({ calendarWorkingDays: `${year}-12-21` }),
      CalendarOverrideRevoke: revoke,
    });
    await u.click(await screen.findByRole('button', { name: `Revoke the change on 18 December ${year}` }));
    const dialog = screen.getByRole('dialog', { name: `Revoke the change on 18 December ${year}?` });
    await u.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(revoke).toHaveBeenCalledWith({ input: { id: 'o1' } });
    expect(await screen.findByText(`The change on 18 December ${year} is revoked.`)).toBeInTheDocument();
    expect(await screen.findByText(/^Revoked /)).toBeInTheDocument();

    const form = screen.getByRole('region', { name: 'Record a day by decree' });
    await u.type(within(form).getByLabelText(/^Date/), `${year}-12-19`);
    expect(within(form).getByText('This is a Saturday or Sunday, a day off already. Check the date.')).toBeInTheDocument();
  });
});
