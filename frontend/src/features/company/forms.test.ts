import { describe, expect, it } from 'vitest';
import { closeErrors, decideErrors, formatShare, isoToLocal, localToIso, meetingErrors, meetingInput, moveQuestion, outageErrors, outageInput, removeQuestion } from './forms';

describe('closing a request and deciding a link', () => {
  it('demand the comment of a closing and the reason of a rejection only', () => {
    expect(closeErrors('  ')).toEqual([{ code: 'REQUIRED', field: 'comment' }]);
    expect(closeErrors('Заменили прокладку')).toEqual([]);
    expect(decideErrors(false, ' ')).toEqual([{ code: 'REQUIRED', field: 'reason' }]);
    expect(decideErrors(false, 'Нет такого лицевого счёта')).toEqual([]);
    expect(decideErrors(true, '')).toEqual([]);
  });
});

describe('the outage form', () => {
  const draft = { buildingId: 'b1', kind: 'COLD_WATER', text: ' Ремонт стояка ', startsAt: '2026-12-05T09:00', endsAt: '2026-12-05T15:00' };

  it('names every missing field', () => {
    // given / when
    const errors = outageErrors({ buildingId: '', kind: '', text: ' ', startsAt: '', endsAt: '' });
    // then
    expect(errors.map((e) => e.field)).toEqual(['buildingId', 'kind', 'text', 'startsAt']);
  });

  it('refuses an end before the start, and takes an open end', () => {
    expect(outageErrors({ ...draft, endsAt: '2026-12-05T08:00' })).toEqual([{ code: 'ENDS_BEFORE_START', field: 'endsAt' }]);
    expect(outageErrors({ ...draft, endsAt: '' })).toEqual([]);
  });

  it('sends instants and the trimmed text', () => {
    // when
    const input = outageInput(draft);
    // then
    expect(input.text).toBe('Ремонт стояка');
    // Almaty's 09:00 is 04:00 UTC (UTC+5), whatever the device's zone.
    expect(input.startsAt).toBe('2026-12-05T04:00:00.000Z');
    expect(outageInput({ ...draft, endsAt: '' }).endsAt).toBeNull();
  });

  it('shows an instant back as the same wall time of Almaty', () => {
    expect(isoToLocal(localToIso('2026-12-05T09:30') as string)).toBe('2026-12-05T09:30');
    expect(isoToLocal('2026-12-31T20:15:00Z')).toBe('2027-01-01T01:15');
    expect(localToIso('not a date')).toBeNull();
  });
});

describe('the meeting form', () => {
  const draft = { buildingId: 'b1', title: 'Ремонт кровли', description: '', opensAt: '2026-12-10T09:00', closesAt: '2026-12-20T18:00', questions: ['Утвердить смету'], documentUploadIds: ['u1'] };

  it('wants a building, a title, both times in order and non-empty questions', () => {
    expect(meetingErrors(draft)).toEqual([]);
    expect(meetingErrors({ ...draft, questions: [] })).toEqual([{ code: 'REQUIRED', field: 'questions' }]);
    expect(meetingErrors({ ...draft, questions: ['Смета', ' '] })).toEqual([{ code: 'REQUIRED', field: 'questions.1' }]);
    expect(meetingErrors({ ...draft, closesAt: '2026-12-10T09:00' })).toEqual([{ code: 'ENDS_BEFORE_START', field: 'closesAt' }]);
    expect(meetingErrors({ ...draft, buildingId: '', title: ' ', opensAt: '' }).map((e) => e.field)).toEqual(['buildingId', 'title', 'opensAt']);
  });

  it('sends trimmed questions in their order with the uploads', () => {
    const input = meetingInput({ ...draft, questions: [' Смета ', 'Подрядчик'] });
    expect(input.questions).toEqual(['Смета', 'Подрядчик']);
    expect(input.documentUploadIds).toEqual(['u1']);
  });

  it('moves and removes questions without leaving the list', () => {
    expect(moveQuestion(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveQuestion(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(removeQuestion(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('shows a share as a percentage of the viewer', () => {
    expect(formatShare('0.524', 'en')).toBe('52.4%');
  });
});

describe('a charge period', () => {
  it('reads as the month and the year in the viewer language', async () => {
    const { formatPeriod } = await import('./ImportsPage');
    expect(formatPeriod('2026-03-01', 'ru')).toBe('март 2026');
    expect(formatPeriod('2026-11-01', 'en')).toBe('November 2026');
    expect(formatPeriod('2026-12-01', 'kk')).toBe('желтоқсан 2026');
  });
});
