import { describe, expect, it } from 'vitest';
import { contractPath, mergeContract, selectContract, sortContracts } from './contractList';

const a = { id: 'a', number: 'Н-3-67/44-АФ', signedOn: '2023-06-14' };
const b = { id: 'b', number: 'Н-3-71/12-АФ', signedOn: '2024-02-09' };
const c = { id: 'c', number: 'Н-9-01/07-АФ', signedOn: '2025-02-14' };

describe('the list of contracts', () => {
  it('is ordered oldest first, as the API lists it', () => {
    expect(sortContracts([c, a, b]).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('takes in a contract that arrives live at its place, or replaces the one it updates', () => {
    const added = mergeContract([a, c], b);
    expect(added.added).toBe(true);
    expect(added.list.map((x) => x.id)).toEqual(['a', 'b', 'c']);
    const updated = mergeContract(added.list, { ...b, number: 'Н-3-71/12-АФ (2)' });
    expect(updated.added).toBe(false);
    expect(updated.list.map((x) => x.number)).toEqual(['Н-3-67/44-АФ', 'Н-3-71/12-АФ (2)', 'Н-9-01/07-АФ']);
  });
});

describe('choosing the contract to show', () => {
  it('waits for the list', () => {
    expect(selectContract(null, undefined)).toEqual({ kind: 'loading' });
  });

  it('sends the bare /contracts to the first contract, so the URL always names one', () => {
    expect(selectContract([a, b], undefined)).toEqual({ kind: 'redirect', to: 'a' });
  });

  it('shows the contract of the URL, and says so when it is not the viewer’s', () => {
    expect(selectContract([a, b], 'b')).toEqual({ kind: 'shown', contract: b });
    expect(selectContract([a, b], 'zzz')).toEqual({ kind: 'missing' });
  });

  it('has an empty state for a holder without contracts', () => {
    expect(selectContract([], undefined)).toEqual({ kind: 'empty' });
  });

  it('builds the URL of a contract', () => {
    expect(contractPath('d7e7d975-b745')).toBe('/contracts/d7e7d975-b745');
  });
});
