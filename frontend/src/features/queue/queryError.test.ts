import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { queryError } from './queryError';

describe('query errors of the queue', () => {
  it('take the stable code and the field from a BAD_USER_INPUT answer', () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError('no', { extensions: { code: 'BAD_USER_INPUT', reason: 'NOT_A_REPRESENTATIVE', field: 'iin' } })] });
    expect(queryError(error)).toMatchObject({ code: 'NOT_A_REPRESENTATIVE', field: 'iin' });
  });

  it('read other answers as the rest of the portal does', () => {
    const error = new CombinedError({ graphQLErrors: [new GraphQLError('no', { extensions: { code: 'FORBIDDEN' } })] });
    expect(queryError(error).code).toBe('FORBIDDEN');
  });
});
