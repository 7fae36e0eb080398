import { gql } from 'urql';
import type { AppError } from '../../lib/errors';
import type { OfficeRow, QueueCheck, QueueComplaint, QueueComplaintStatus, QueueFile, QueueHearing, QueueReason, QueueRepresentation, QueueStatus, RegistryPerson } from './types';

// Written here with their types until schema.graphql carries the whole queue contract (DESIGN.md);
// then they move to queueOffice.graphql and the generated documents.

const DEADLINE = 'kind due workingDaysLeft overdue';
const FILE = 'id kind title size contentType url';
const PERSON = 'iin fullName birthDate adult document { kind number issuedOn issuer } address { locality { code name } text registeredFrom registeredTo }';
const COMPLAINT = `id number applicationId applicationNumber addressee text status registeredOn deadlines { ${DEADLINE} } answer answeredAt files { ${FILE} }`;
const ROW = `id number status filedAt emergency listKind person { iin fullName } locality { code name } deadlines { ${DEADLINE} }`;
const APPLICATION = `
  id number status statusChangedAt filedAt businessDate emergency listKind representation
  person { ${PERSON} } representative { ${PERSON} }
  locality { code name } categories { code name }
  consents { consent givenAt signingMethod }
  phone email signingMethod decidedAt registeredAt queueNumber
  checks { code passed applies reason explanation } reasons { code explanation }
  deadlines { ${DEADLINE} } files { ${FILE} }
  hearing { id reasons { code explanation } noticeDate hearingDue positionText positionSubmittedAt files { ${FILE} } outcome outcomeReasoning heldAt workingDaysLeft }
  entry { number active registeredAt changes { at from to reason explanation } }
  complaints { ${COMPLAINT} }
  history { at action actorName }
`;
const ERRORS = 'errors { field code message params }';

export interface OfficeApplication extends Omit<OfficeRow, 'person'> {
  statusChangedAt?: string | null;
  businessDate: string;
  representation: QueueRepresentation;
  person: RegistryPerson;
  representative?: RegistryPerson | null;
  categories: { code: string; name: string }[];
  consents: { consent: string; givenAt: string; signingMethod: string }[];
  phone: string;
  email: string;
  signingMethod: string;
  decidedAt?: string | null;
  registeredAt?: string | null;
  queueNumber?: number | null;
  checks: QueueCheck[];
  reasons: QueueReason[];
  files: QueueFile[];
  hearing?: QueueHearing | null;
  entry?: { number?: number | null; active: boolean; registeredAt: string; changes: { at: string; from: number; to: number; reason: string; explanation: string }[] } | null;
  complaints: QueueComplaint[];
  history: { at: string; action: string; actorName: string }[];
}

export interface RowsPage {
  totalCount?: number;
  edges: { cursor: string; node: OfficeRow }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

type ApplicationPayload = { application?: OfficeApplication | null; errors: AppError[] };
export interface DecisionInput {
  applicationId: string;
  outcome: string;
  reasoning: string;
}

export const QueueOfficeApplicationsDocument = gql<{ queueOfficeApplications: RowsPage }, { status: QueueStatus | null; first: number; after: string | null }>(
  `query QueueOfficeApplications($status: QueueStatus, $first: Int, $after: String) {
    queueOfficeApplications(status: $status, first: $first, after: $after) { totalCount edges { cursor node { ${ROW} } } pageInfo { hasNextPage endCursor } }
  }`,
);

export const QueueOfficeApplicationDocument = gql<{ queueApplication: OfficeApplication | null }, { id: string }>(
  `query QueueOfficeApplication($id: ID!) { queueApplication(id: $id) { ${APPLICATION} } }`,
);

export const QueueOfficeReviewDocument = gql<{ queueOfficeReview: ApplicationPayload }, { input: { applicationId: string; eligible: boolean; reasons: string[]; comment: string } }>(
  `mutation QueueOfficeReview($input: QueueOfficeReviewInput!) { queueOfficeReview(input: $input) { application { ${APPLICATION} } ${ERRORS} } }`,
);

export const QueueDecisionPayloadDocument = gql<{ queueDecisionPayload: { payload: string; digest: string } }, { input: DecisionInput }>(
  `query QueueDecisionPayload($input: QueueDecisionInput!) { queueDecisionPayload(input: $input) { payload digest } }`,
);

export const QueueHearingResultDocument = gql<{ queueHearingResult: ApplicationPayload }, { input: { decision: DecisionInput; cms: string } }>(
  `mutation QueueHearingResult($input: QueueHearingResultInput!) { queueHearingResult(input: $input) { application { ${APPLICATION} } ${ERRORS} } }`,
);

export const QueueEntryRemoveDocument = gql<{ queueEntryRemove: ApplicationPayload }, { input: { applicationId: string; reason: string } }>(
  `mutation QueueEntryRemove($input: QueueEntryRemoveInput!) { queueEntryRemove(input: $input) { application { ${APPLICATION} } ${ERRORS} } }`,
);

export const QueueOfficeComplaintsDocument = gql<{ queueOfficeComplaints: QueueComplaint[] }, { status: QueueComplaintStatus | null }>(
  `query QueueOfficeComplaints($status: QueueComplaintStatus) { queueOfficeComplaints(status: $status) { ${COMPLAINT} } }`,
);

export const QueueComplaintAnswerDocument = gql<
  { queueComplaintAnswer: { complaint?: QueueComplaint | null; errors: AppError[] } },
  { input: { complaintId: string; status: QueueComplaintStatus; answer: string } }
>(`mutation QueueComplaintAnswer($input: QueueComplaintAnswerInput!) { queueComplaintAnswer(input: $input) { complaint { ${COMPLAINT} } ${ERRORS} } }`);
