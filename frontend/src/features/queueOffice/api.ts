import { gql } from 'urql';
import type { QueueOfficeApplicationFieldsFragment, QueueOfficeRowFieldsFragment } from '../../gql/graphql';
import type { AppError } from '../../lib/errors';
import type { QueueComplaint, QueueComplaintStatus } from './types';

export {
  QueueDecisionPayloadDocument,
  QueueEntryRemoveDocument,
  QueueHearingResultDocument,
  QueueOfficeApplicationDocument,
  QueueOfficeApplicationsDocument,
  QueueOfficeReviewDocument,
} from '../../gql/graphql';

/** One application as the back office reads it (queueOffice.graphql); complaints join once the schema has them. */
export type OfficeApplication = QueueOfficeApplicationFieldsFragment & { complaints?: QueueComplaint[] };
export type OfficeRowFields = QueueOfficeRowFieldsFragment;

export interface DecisionInput {
  applicationId: string;
  outcome: string;
  reasoning: string;
}

// Complaints (K) are not in schema.graphql yet: their documents are typed here after DESIGN.md and
// move to queueOffice.graphql when they are.
const DEADLINE = 'kind due workingDaysLeft overdue';
const FILE = 'id kind title size contentType url';
const COMPLAINT = `id number applicationId applicationNumber addressee text status registeredOn deadlines { ${DEADLINE} } answer answeredAt files { ${FILE} }`;
const ERRORS = 'errors { field code message params }';

export const QueueOfficeComplaintsDocument = gql<{ queueOfficeComplaints: QueueComplaint[] }, { status: QueueComplaintStatus | null }>(
  `query QueueOfficeComplaints($status: QueueComplaintStatus) { queueOfficeComplaints(status: $status) { ${COMPLAINT} } }`,
);

export const QueueComplaintAnswerDocument = gql<
  { queueComplaintAnswer: { complaint?: QueueComplaint | null; errors: AppError[] } },
  { input: { complaintId: string; status: QueueComplaintStatus; answer: string } }
>(`mutation QueueComplaintAnswer($input: QueueComplaintAnswerInput!) { queueComplaintAnswer(input: $input) { complaint { ${COMPLAINT} } ${ERRORS} } }`);
