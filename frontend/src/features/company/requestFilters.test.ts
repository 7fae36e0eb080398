import { describe, expect, it } from 'vitest';
import { applyLive, filterFromParams, filterToParams, filterVariables, type RequestFilter, toRow, visitWindow } from './requestFilters';
import type { RequestDetails } from './types';

function request(overrides: Partial<RequestDetails> = {}): RequestDetails {
  const base: RequestDetails = {
    id: 'r1',
    number: 7,
    createdAt: '2026-12-03T08:00:00+00:00',
    status: 'NEW',
    content: 'Течёт кран',
    type: { id: 't1', code: 'cold_water', name: 'Холодная вода' },
    account: { id: 'a1', number: '10117', address: 'г. Астана, Тұран даңғылы, 1, кв. 17', ownerName: 'Ахметов М. С.', phone: '', building: { id: 'b1', address: 'г. Астана, Тұран даңғылы, 1' } },
    authorName: 'Ахметов Марат',
    authorPhone: '+77071234567',
    visitDate: null,
    visitFrom: null,
    visitTo: null,
    takenByName: null,
    rating: null,
    ratingNotDone: false,
    photos: [],
    takenAt: null,
    closedAt: null,
    ratedAt: null,
    closeComment: '',
    ratingComment: '',
    history: [],
  };
  return { ...base, ...overrides } as RequestDetails;
}

const NEW_ONLY: RequestFilter = { status: 'NEW', typeId: null, buildingId: null, search: '' };

describe('the queue filters in the address', () => {
  it('show the new requests when the address names none, and every status with ALL', () => {
    // given / when / then
    expect(filterFromParams(new URLSearchParams('')).status).toBe('NEW');
    expect(filterFromParams(new URLSearchParams('status=ALL')).status).toBeNull();
    expect(filterFromParams(new URLSearchParams('status=IN_WORK')).status).toBe('IN_WORK');
    expect(filterFromParams(new URLSearchParams('status=bogus')).status).toBe('NEW');
  });

  it('go to the address and back unchanged, leaving the defaults out', () => {
    // given
    const filter: RequestFilter = { status: null, typeId: 't2', buildingId: 'b9', search: '  10117 ' };
    // when
    const params = filterToParams(filter);
    // then
    expect(params).toEqual({ status: 'ALL', type: 't2', building: 'b9', q: '10117' });
    expect(filterFromParams(new URLSearchParams(params))).toEqual({ ...filter, search: '10117' });
    expect(filterToParams(NEW_ONLY)).toEqual({});
  });

  it('send only what narrows the list, the search trimmed', () => {
    expect(filterVariables({ status: null, typeId: null, buildingId: null, search: '  ' })).toEqual({});
    expect(filterVariables({ status: 'CLOSED', typeId: 't1', buildingId: 'b1', search: ' №7 ' })).toEqual({ status: 'CLOSED', typeId: 't1', buildingId: 'b1', search: '№7' });
  });
});

describe('a live update of the queue', () => {
  it('takes a request taken into work out of the new ones', () => {
    // given
    const state = { rows: [toRow(request())], total: 1 };
    // when
    const outcome = applyLive(state, request({ status: 'IN_WORK', takenByName: 'Сотрудник' }), NEW_ONLY);
    // then
    expect(outcome).toEqual({ kind: 'left', state: { rows: [], total: 0 } });
  });

  it('puts a new request that fits first, newest first', () => {
    // given
    const older = toRow(request({ id: 'r0', number: 6, createdAt: '2026-12-02T08:00:00+00:00' }));
    // when
    const outcome = applyLive({ rows: [older], total: 1 }, request(), NEW_ONLY);
    // then
    expect(outcome.kind).toBe('added');
    if (outcome.kind !== 'added') return;
    expect(outcome.state.rows.map((r) => r.id)).toEqual(['r1', 'r0']);
    expect(outcome.state.total).toBe(2);
  });

  it('replaces a shown request in place when it still fits', () => {
    const state = { rows: [toRow(request())], total: 1 };
    const outcome = applyLive(state, request({ status: 'IN_WORK', takenByName: 'Сотрудник' }), { ...NEW_ONLY, status: null });
    expect(outcome.kind).toBe('updated');
    if (outcome.kind === 'updated') expect(outcome.state.rows[0].takenByName).toBe('Сотрудник');
  });

  it('ignores a request of another building or type, and reads again under a search', () => {
    const state = { rows: [], total: 0 };
    expect(applyLive(state, request(), { ...NEW_ONLY, buildingId: 'b2' }).kind).toBe('ignored');
    expect(applyLive(state, request(), { ...NEW_ONLY, typeId: 't9' }).kind).toBe('ignored');
    expect(applyLive(state, request(), { ...NEW_ONLY, search: 'кран' }).kind).toBe('reload');
  });
});

describe('the visit window', () => {
  it('joins the date and the hours the resident gave, and nothing when none', () => {
    const date = (iso: string) => iso.split('-').reverse().join('.');
    expect(visitWindow({ visitDate: '2026-12-05', visitFrom: '10:00', visitTo: '12:00' }, date)).toBe('05.12.2026, 10:00–12:00');
    expect(visitWindow({ visitDate: null, visitFrom: '10:00', visitTo: null }, date)).toBe('10:00');
    expect(visitWindow({ visitDate: null, visitFrom: null, visitTo: null }, date)).toBe('');
  });
});
