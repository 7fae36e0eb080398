import type { QueueOfficeApplicationFieldsFragment, QueueOfficeRowFieldsFragment } from '../../gql/graphql';
import type { QueueComplaint } from './types';

export {
  QueueComplaintAnswerDocument,
  QueueDecisionPayloadDocument,
  QueueEntryRemoveDocument,
  QueueHearingResultDocument,
  QueueOfficeApplicationDocument,
  QueueOfficeApplicationsDocument,
  QueueOfficeComplaintsDocument,
  QueueOfficeReviewDocument,
  QueueReasonsDocument,
} from '../../gql/graphql';

/** One application as the back office reads it (queueOffice.graphql); its complaints join once the schema lists them on it. */
export type OfficeApplication = QueueOfficeApplicationFieldsFragment & { complaints?: QueueComplaint[] };
export type OfficeRowFields = QueueOfficeRowFieldsFragment;

export interface DecisionInput {
  applicationId: string;
  outcome: string;
  reasoning: string;
}
