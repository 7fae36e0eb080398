import { useQuery } from 'urql';
import { PasswordPolicyDocument } from '../../gql/graphql';
import { DEFAULT_POLICY, type PasswordPolicyInput } from './rules';

/** The server's password rules; the built-in copy stands in until (or unless) they load. */
export function usePasswordPolicy(): PasswordPolicyInput {
  const [{ data }] = useQuery({ query: PasswordPolicyDocument, requestPolicy: 'cache-first' });
  return data?.passwordPolicy ?? DEFAULT_POLICY;
}
