import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import { SessionProvider } from '../../lib/auth/SessionContext';
import { SessionManager } from '../../lib/auth/sessionManager';
import { LinksPage } from './LinksPage';
import { MeetingPage } from './MeetingPage';
import { RequestPage } from './RequestPage';
import { RequestsPage } from './RequestsPage';
import type { AccountLinkRow, RequestDetails } from './types';

type Answer = (variables: Record<string, unknown>) => unknown;

function renderAt(path: string, answers: Record<string, Answer>) {
  const calls: { name: string; variables: Record<string, unknown> }[] = [];
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op) => op.kind !== 'teardown' && op.kind !== 'subscription'),
      mergeMap((op) => {
        const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? '';
        calls.push({ name, variables: op.variables as Record<string, unknown> });
        return fromValue({ operation: op, data: answers[name]?.(op.variables as Record<string, unknown>), stale: false, hasNext: false } as OperationResult);
      }),
    );
  const manager = new SessionManager({ request: vi.fn() as never, withLock: (task) => task() });
  render(
    <SessionProvider manager={manager}>
      <UrqlProvider value={new Client({ url: '/graphql', exchanges: [exchange] })}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/company/requests" element={<RequestsPage />} />
            <Route path="/company/requests/:requestId" element={<RequestPage />} />
            <Route path="/company/links" element={<LinksPage />} />
            <Route path="/company/meetings/:meetingId" element={<MeetingPage />} />
          </Routes>
        </MemoryRouter>
      </UrqlProvider>
    </SessionProvider>,
  );
  return calls;
}

const request: RequestDetails = {
  id: 'r1',
  number: 301,
  createdAt: '2026-12-03T08:00:00Z',
  status: 'IN_WORK',
  content: 'Течёт кран на кухне',
  type: { id: 't1', code: 'cold_water', name: 'Cold water' },
  account: { id: 'a1', number: '10117', address: 'Astana, Turan ave, 1, flat 17', ownerName: 'Akhmetov M. S.', phone: '', building: { id: 'b1', address: 'Astana, Turan ave, 1' } },
  authorName: 'Akhmetov Marat',
  authorPhone: '+77071234567',
  visitDate: '2026-12-05',
  visitFrom: '10:00',
  visitTo: '12:00',
  takenByName: 'Staff Member',
  takenAt: '2026-12-03T09:00:00Z',
  closedAt: null,
  closeComment: '',
  rating: null,
  ratingNotDone: false,
  ratingComment: '',
  ratedAt: null,
  photos: [{ id: 'p1', title: 'leak.jpg', contentType: 'image/jpeg', size: 2048, url: '/files/abc' }],
  history: [{ at: '2026-12-03T08:00:00Z', action: 'created', actorName: 'Akhmetov Marat', comment: '' }],
};

describe('a request in the back office', () => {
  it('is not closed without saying what was done, and closes with the comment', async () => {
    // given
    const user = userEvent.setup();
    const calls = renderAt('/company/requests/r1', {
      CompanyServiceRequest: () => ({ serviceRequest: request }),
      CompanyRequestClose: (v) => ({ serviceRequestClose: { serviceRequest: { ...request, status: 'CLOSED', closeComment: (v.input as { comment: string }).comment, closedAt: '2026-12-03T10:00:00Z' }, errors: [] } }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Request No. 301' })).toBeInTheDocument();
    expect(screen.getByText('5 December 2026, 10:00–12:00')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'leak.jpg' })).toHaveAttribute('src', '/files/abc');

    // when: closed with no comment
    await user.click(screen.getByRole('button', { name: 'Close' }));
    // then
    expect(screen.getByLabelText(/What was done/)).toHaveAccessibleDescription(/Fill in this field/);
    expect(calls.some((c) => c.name === 'CompanyRequestClose')).toBe(false);

    // when: with one
    await user.type(screen.getByLabelText(/What was done/), '  Replaced the gasket  ');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    // then
    expect(await screen.findByText('Request No. 301 is closed.')).toBeInTheDocument();
    expect(calls.find((c) => c.name === 'CompanyRequestClose')?.variables).toEqual({ input: { id: 'r1', comment: 'Replaced the gasket' } });
    expect(within(screen.getByTestId('request-status')).getByText('Closed')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
  });

  it('shows a refused take in words and keeps the request as it was', async () => {
    // given
    const user = userEvent.setup();
    renderAt('/company/requests/r1', {
      CompanyServiceRequest: () => ({ serviceRequest: { ...request, status: 'NEW', takenByName: null, takenAt: null } }),
      CompanyRequestTake: () => ({ serviceRequestTake: { serviceRequest: null, errors: [{ code: 'NOT_FOUND', field: 'id', message: '', params: null }] } }),
    });
    // when
    await user.click(await screen.findByRole('button', { name: 'Take into work' }));
    // then
    expect(await screen.findByText('Not found. It may have been removed.')).toBeInTheDocument();
    expect(within(screen.getByTestId('request-status')).getByText('New')).toBeInTheDocument();
  });
});

describe('the queue', () => {
  it('reads the filters from the address and sends them', async () => {
    // given
    const calls = renderAt('/company/requests?status=IN_WORK&building=b1&q=10117', {
      CompanyServiceRequests: () => ({ companyServiceRequests: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ cursor: 'c1', node: request }] } }),
      CompanyRequestTypes: () => ({ serviceRequestTypes: [request.type] }),
      CompanyBuildings: () => ({ companyBuildings: [request.account.building] }),
    });
    // then
    expect(await screen.findByText('№ 301')).toBeInTheDocument();
    expect(calls.find((c) => c.name === 'CompanyServiceRequests')?.variables).toMatchObject({ filter: { status: 'IN_WORK', buildingId: 'b1', search: '10117' } });
    expect(screen.getByRole('button', { name: 'In work', pressed: true })).toBeInTheDocument();
    expect(screen.getByRole('searchbox')).toHaveValue('10117');
  });
});

describe('pending account links', () => {
  const link: AccountLinkRow = {
    id: 'l1',
    status: 'PENDING',
    method: 'ADDRESS',
    createdAt: '2026-12-03T07:00:00Z',
    decidedAt: null,
    rejectReason: '',
    accountNumber: '10119',
    address: 'Astana, Turan ave, 1, flat 19',
    givenAddress: 'Astana Turan 1',
    givenFlat: '19',
    givenCompany: 'Zhaily Uy',
    residentName: 'Serik Bekov',
    residentPhone: '+77059990701',
    account: null,
  };

  it('refuse a rejection without a reason, then reject with it and leave the pending list', async () => {
    // given
    const user = userEvent.setup();
    const calls = renderAt('/company/links', {
      CompanyAccountLinks: () => ({ companyAccountLinks: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ cursor: 'c', node: link }] } }),
      CompanyAccountLinkDecide: (v) => ({ accountLinkDecide: { link: { ...link, status: 'REJECTED', rejectReason: (v.input as { reason: string }).reason, decidedAt: '2026-12-03T08:00:00Z' }, errors: [] } }),
    });
    expect(await screen.findByText('Astana Turan 1')).toBeInTheDocument();

    // when
    await user.click(screen.getByRole('button', { name: 'Reject: 10119 · Serik Bekov' }));
    await user.click(screen.getByRole('button', { name: 'Reject and send the reason' }));
    // then
    expect(screen.getByLabelText(/Reason for the rejection/)).toHaveAccessibleDescription(/Fill in this field/);
    expect(calls.some((c) => c.name === 'CompanyAccountLinkDecide')).toBe(false);

    // when
    await user.type(screen.getByLabelText(/Reason for the rejection/), 'The flat is 17, not 19');
    await user.click(screen.getByRole('button', { name: 'Reject and send the reason' }));
    // then
    expect(await screen.findByText('Account 10119 rejected: Serik Bekov sees the reason.')).toBeInTheDocument();
    expect(calls.find((c) => c.name === 'CompanyAccountLinkDecide')?.variables).toEqual({ input: { linkId: 'l1', approve: false, reason: 'The flat is 17, not 19' } });
    expect(screen.getByText('No links are waiting for a decision.')).toBeInTheDocument();
  });
});

describe('an open meeting', () => {
  it('is closed early only after a second yes', async () => {
    // given
    const user = userEvent.setup();
    const meeting = {
      id: 'm1',
      title: 'Roof repair',
      opensAt: '2026-12-01T04:00:00Z',
      closesAt: '2026-12-20T13:00:00Z',
      status: 'OPEN' as const,
      building: { id: 'b1', address: 'Astana, Turan ave, 1' },
      description: '',
      questions: [{ id: 'q1', position: 1, text: 'Approve the estimate', result: { forArea: '61.4', againstArea: '0', abstainArea: '0', votedArea: '61.4', totalArea: '337.6', forShare: '0.1819', decided: false } }],
      documents: [],
    };
    const calls = renderAt('/company/meetings/m1', {
      CompanyMeeting: () => ({ meeting }),
      CompanyMeetingClose: () => ({ meetingClose: { meeting: { ...meeting, status: 'CLOSED' }, errors: [] } }),
    });
    expect(await screen.findByText('Approve the estimate', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('So far: less than half of the area is for')).toBeInTheDocument();

    // when: the first press only asks
    await user.click(screen.getByRole('button', { name: 'Close now' }));
    // then
    expect(screen.getByText(/Close the voting now\?/)).toBeInTheDocument();
    expect(calls.some((c) => c.name === 'CompanyMeetingClose')).toBe(false);

    // when
    await user.click(screen.getByRole('button', { name: 'Yes, close the voting' }));
    // then
    expect(await screen.findByText('Voting is closed: the results are final.')).toBeInTheDocument();
    expect(calls.find((c) => c.name === 'CompanyMeetingClose')?.variables).toEqual({ input: { id: 'm1' } });
    expect(screen.getByText('Not adopted')).toBeInTheDocument();
  });
});

describe('the queue pages', () => {
  it('bring the next page after the cursor and show each request once', async () => {
    // given: two pages, the second repeating the last row of the first (a request that moved meanwhile)
    const user = userEvent.setup();
    const row = (n: number) => ({ ...request, id: `r${n}`, number: n, status: 'NEW' as const });
    const calls = renderAt('/company/requests', {
      CompanyServiceRequests: (v) =>
        v.after
          ? { companyServiceRequests: { totalCount: 3, pageInfo: { hasNextPage: false, endCursor: null }, edges: [row(2), row(1)].map((node) => ({ cursor: node.id, node })) } }
          : { companyServiceRequests: { totalCount: 3, pageInfo: { hasNextPage: true, endCursor: 'c2' }, edges: [row(3), row(2)].map((node) => ({ cursor: node.id, node })) } },
      CompanyRequestTypes: () => ({ serviceRequestTypes: [] }),
      CompanyBuildings: () => ({ companyBuildings: [] }),
    });
    expect(await screen.findByText('№ 3')).toBeInTheDocument();

    // when
    await user.click(screen.getByRole('button', { name: 'Show more' }));
    // then
    expect(await screen.findByText('№ 1')).toBeInTheDocument();
    expect(screen.getAllByText('№ 2')).toHaveLength(1);
    expect(calls.filter((c) => c.name === 'CompanyServiceRequests').map((c) => c.variables.after)).toEqual([null, 'c2']);
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });
});
