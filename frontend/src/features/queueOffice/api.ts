import type { QueueOfficeApplicationFieldsFragment, QueueOfficeRowFieldsFragment } from '../../gql/graphql';

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

/** One application as the back office reads it (queueOffice.graphql). */
export type OfficeApplication = QueueOfficeApplicationFieldsFragment;
export type OfficeRowFields = QueueOfficeRowFieldsFragment;

export interface DecisionInput {
  applicationId: string;
  outcome: string;
  reasoning: string;
}
