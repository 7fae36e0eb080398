import { useQuery } from 'urql';
import { ApplicationSetupDocument, type ApplicationSetupQuery } from '../../gql/graphql';

export type ApplicationTypeInfo = ApplicationSetupQuery['applicationTypes'][number];
export type ApplicationTerms = ApplicationSetupQuery['applicationTerms'];

/** Types, categories, required documents and terms: the same for everyone, read once. */
export function useApplicationSetup(): { types: ApplicationTypeInfo[] | null; terms: ApplicationTerms | null; error: boolean } {
  const [{ data, error }] = useQuery({ query: ApplicationSetupDocument, requestPolicy: 'cache-first' });
  return { types: data?.applicationTypes ?? null, terms: data?.applicationTerms ?? null, error: Boolean(error) };
}
