import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Client, type Exchange, type OperationResult, Provider as UrqlProvider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, fromValue, mergeMap, pipe } from 'wonka';
import { SessionProvider } from '../../lib/auth/SessionContext';
import { SessionManager } from '../../lib/auth/sessionManager';
import { ComplaintsPage } from './ComplaintsPage';
import { OfficeApplicationPage } from './OfficeApplicationPage';

type Answer = (variables: Record<string, unknown>) => unknown;

function renderAt(path: string, answers: Record<string, Answer>) {
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => {
        const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value ?? '';
        return fromValue({ operation: op, data: answers[name]?.(op.variables as Record<string, unknown>), stale: false, hasNext: false } as OperationResult);
      }),
    );
  const manager = new SessionManager({ request: vi.fn() as never, withLock: (task) => task() });
  render(
    <SessionProvider manager={manager}>
      <UrqlProvider value={new Client({ url: '/graphql', exchanges: [exchange] })}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/queue-office/applications/:applicationId" element={<OfficeApplicationPage />} />
            <Route path="/queue-office/complaints" element={<ComplaintsPage />} />
          </Routes>
        </MemoryRouter>
      </UrqlProvider>
    </SessionProvider>,
  );
}

const person = { iin: '680427401773', fullName: 'Құдайбергенова Раушан Әлімқызы', birthDate: '1968-04-27', adult: true, document: null, address: null };
const application = {
  id: 'a11',
  number: 'Q-2026-000011',
  status: 'IN_REVIEW',
  statusChangedAt: null,
  filedAt: '2026-12-08T05:00:00Z',
  businessDate: '2026-12-08',
  emergency: true,
  listKind: 'GENERAL',
  representation: 'SELF',
  person,
  representative: null,
  locality: { code: 'kyzylorda', name: 'Kyzylorda' },
  categories: [],
  consents: [],
  phone: '+77015550111',
  email: 'queue11@demo.shanyraq.kz',
  signingMethod: 'SMS',
  decidedAt: null,
  registeredAt: null,
  queueNumber: null,
  checks: [{ code: 'emergency_housing', passed: true, applies: true, reason: null, explanation: 'The only home is declared in emergency condition.' }],
  reasons: [],
  deadlines: [{ kind: 'decision', due: '2026-12-11', workingDaysLeft: 3, overdue: false }],
  files: [{ id: 'f1', kind: 'technical_conclusion', title: 'conclusion.pdf', size: 2048, contentType: 'application/pdf', url: '/files/f1' }],
  hearing: null,
  entry: null,
  complaints: [],
  history: [],
};

describe('Queue back office', () => {
  it('reviews an emergency application: a refusal needs a reason from the catalog, and opens the hearing', async () => {
    const u = userEvent.setup();
    const review = vi.fn<Answer>(() => ({ queueOfficeReview: { application: { ...application, status: 'HEARING' }, errors: [] } }));
    renderAt('/queue-office/applications/a11', {
      QueueOfficeApplication: () => ({ queueApplication: application }),
      QueueReasons: () => ({ queueReasons: [{ code: 'FALSE_DATA', explanation: 'False data in the documents' }, { code: 'EMERGENCY_OTHER_SETTLEMENT', explanation: 'The emergency home is in another settlement' }] }),
      QueueOfficeReview: review,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Application Q-2026-000011' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: "The expert's technical conclusion" })).toHaveTextContent('conclusion.pdf');
    expect(screen.getByText('3 working days left')).toBeInTheDocument();

    const panel = screen.getByRole('region', { name: 'Emergency-housing review' });
    await u.click(within(panel).getByRole('button', { name: 'Send the decision' }));
    expect(review).not.toHaveBeenCalled();
    await u.click(within(panel).getByRole('radio', { name: 'Not eligible: preliminary decision to refuse' }));
    await u.click(within(panel).getByRole('button', { name: 'Send the preliminary decision' }));
    expect(review).not.toHaveBeenCalled();
    // Both the grounds and the comment are required for a preliminary refusal.
    expect(within(panel).getAllByText('Fill in this field.')).toHaveLength(2);
    await u.click(within(panel).getByRole('checkbox', { name: /False data in the documents/ }));
    await u.type(within(panel).getByRole('textbox', { name: 'Comment' }), 'The conclusion is not signed by the expert.');
    await u.click(within(panel).getByRole('button', { name: 'Send the preliminary decision' }));
    expect(review).toHaveBeenCalledWith({ input: { applicationId: 'a11', eligible: false, reasons: ['FALSE_DATA'], comment: 'The conclusion is not signed by the expert.' } });
    expect(await screen.findByText('The preliminary decision is sent and a hearing is set.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Emergency-housing review' })).not.toBeInTheDocument();
  });

  it('answers a complaint: takes it up, then rejects it with reasoning', async () => {
    const u = userEvent.setup();
    const complaint = {
      id: 'c1',
      number: 'C-2026-000001',
      applicationId: 'a6',
      applicationNumber: 'Q-2026-000006',
      addressee: 'QUALITY_AUTHORITY',
      text: 'I sold the flat in 2026.',
      status: 'REGISTERED',
      registeredOn: '2026-12-09',
      deadlines: [{ kind: 'complaint', due: '2026-12-30', workingDaysLeft: 13, overdue: false }],
      answer: '',
      answeredAt: null,
      files: [],
    };
    const answer = vi.fn<Answer>((v) => {
      const input = v.input as { status: string; answer: string };
      return { queueComplaintAnswer: { complaint: { ...complaint, status: input.status, answer: input.answer, answeredAt: input.status === 'IN_REVIEW' ? null : '2026-12-10T05:00:00Z', deadlines: input.status === 'IN_REVIEW' ? complaint.deadlines : [] }, errors: [] } };
    });
    renderAt('/queue-office/complaints', { QueueOfficeComplaints: () => ({ queueOfficeComplaints: [complaint] }), QueueComplaintAnswer: answer });
    const card = await screen.findByRole('article', { name: 'Complaint No. C-2026-000001' });
    expect(within(card).getByText('13 working days left')).toBeInTheDocument();
    // To the authority: nothing to forward.
    expect(within(card).queryByRole('radio', { name: 'Forward to the reviewing body' })).not.toBeInTheDocument();
    await u.click(within(card).getByRole('button', { name: 'Take it up' }));
    expect(answer).toHaveBeenLastCalledWith({ input: { complaintId: 'c1', status: 'IN_REVIEW', answer: '' } });
    expect(await screen.findByText('Complaint No. C-2026-000001: Under review.')).toBeInTheDocument();

    const again = screen.getByRole('article', { name: 'Complaint No. C-2026-000001' });
    await u.click(within(again).getByRole('radio', { name: 'Reject, with reasoning' }));
    await u.click(within(again).getByRole('button', { name: 'Send the answer' }));
    expect(answer).toHaveBeenCalledTimes(1);
    await u.type(within(again).getByRole('textbox', { name: /^Answer/ }), 'The sale was registered after the filing date.');
    await u.click(within(again).getByRole('button', { name: 'Send the answer' }));
    expect(answer).toHaveBeenLastCalledWith({ input: { complaintId: 'c1', status: 'REJECTED', answer: 'The sale was registered after the filing date.' } });
    expect(await screen.findByText('Complaint No. C-2026-000001: Rejected.')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Complaint No. C-2026-000001' })).getByText('The sale was registered after the filing date.')).toBeInTheDocument();
  });
});
