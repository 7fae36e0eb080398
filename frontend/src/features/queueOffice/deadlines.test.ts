import { describe, expect, it } from 'vitest';
import { countdownText, dueTone, nearestDeadline } from './deadlines';

const d = (kind: string, workingDaysLeft: number, overdue = workingDaysLeft < 0) => ({ kind, due: '2026-12-07', workingDaysLeft, overdue });

describe('queue deadlines', () => {
  it('grade urgency by working days left', () => {
    expect(dueTone(d('decision', -1))).toBe('overdue');
    expect(dueTone(d('decision', 0))).toBe('today');
    expect(dueTone(d('decision', 1))).toBe('soon');
    expect(dueTone(d('decision', 3))).toBe('ok');
    // The server's flag wins even when a count says otherwise.
    expect(dueTone({ workingDaysLeft: 2, overdue: true })).toBe('overdue');
  });

  it('show the overdue one first, else the closest', () => {
    expect(nearestDeadline([d('notify', 2), d('decision', 1)])?.kind).toBe('decision');
    expect(nearestDeadline([d('decision', 0), d('notify', -2)])?.kind).toBe('notify');
    expect(nearestDeadline([d('hearing', 1), d('final_decision', 1)])?.kind).toBe('hearing');
    expect(nearestDeadline([])).toBeNull();
  });

  it('word the countdown in each language’s plural forms', () => {
    expect(countdownText(d('decision', 2), 'en')).toEqual({ key: 'queueOffice.countdown.left.other', count: 2 });
    expect(countdownText(d('decision', 1), 'en')).toEqual({ key: 'queueOffice.countdown.left.one', count: 1 });
    expect(countdownText(d('decision', 2), 'ru')).toEqual({ key: 'queueOffice.countdown.left.few', count: 2 });
    expect(countdownText(d('decision', 5), 'ru')).toEqual({ key: 'queueOffice.countdown.left.many', count: 5 });
    expect(countdownText(d('decision', 21), 'ru')).toEqual({ key: 'queueOffice.countdown.left.one', count: 21 });
    expect(countdownText(d('decision', 0), 'kk')).toEqual({ key: 'queueOffice.countdown.today', count: 0 });
    expect(countdownText(d('decision', -3), 'kk')).toEqual({ key: 'queueOffice.countdown.overdue.other', count: 3 });
    expect(countdownText({ workingDaysLeft: 0, overdue: true }, 'en')).toEqual({ key: 'queueOffice.countdown.overdue.one', count: 1 });
  });
});
