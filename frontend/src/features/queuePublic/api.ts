import type { QueuePublicListQuery } from '../../gql/graphql';

export { QueuePublicListDocument, QueuePublicLocalitiesDocument, type QueueList } from '../../gql/graphql';

export type PublicPage = QueuePublicListQuery['queuePublicList'];
export interface Locality {
  code: string;
  name: string;
  republican: boolean;
}
