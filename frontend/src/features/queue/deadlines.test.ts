import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../lib/i18n/i18n';
import { countdownText, deadlineLine, deadlineState, pluralForm } from './deadlines';

initI18n('en');

describe('deadline countdowns', () => {
  it('say the working days left in each language with its own plural forms', () => {
    const ru = i18next.getFixedT('ru');
    const en = i18next.getFixedT('en');
    const kk = i18next.getFixedT('kk');
    const left = (n: number) => ({ workingDaysLeft: n, overdue: false });
    expect(countdownText(en, 'en', left(2))).toBe('2 working days left');
    expect(countdownText(en, 'en', left(1))).toBe('1 working day left');
    expect(countdownText(ru, 'ru', left(1))).toBe('Остался 1 рабочий день');
    expect(countdownText(ru, 'ru', left(2))).toBe('Осталось 2 рабочих дня');
    expect(countdownText(ru, 'ru', left(5))).toBe('Осталось 5 рабочих дней');
    expect(countdownText(ru, 'ru', left(21))).toBe('Остался 21 рабочий день');
    expect(countdownText(kk, 'kk', left(3))).toBe('3 жұмыс күні қалды');
    expect(countdownText(kk, 'kk', left(1))).toBe('1 жұмыс күні қалды');
  });

  it('name the last day and an overdue deadline instead of counting', () => {
    const en = i18next.getFixedT('en');
    expect(countdownText(en, 'en', { workingDaysLeft: 0, overdue: false })).toBe('Last working day today');
    expect(countdownText(en, 'en', { workingDaysLeft: -2, overdue: true })).toBe('Overdue');
    expect(countdownText(en, 'en', { workingDaysLeft: 1, overdue: true })).toBe('Overdue');
  });

  it('colour by urgency', () => {
    expect(deadlineState({ workingDaysLeft: 3, overdue: false })).toBe('ok');
    expect(deadlineState({ workingDaysLeft: 2, overdue: false })).toBe('soon');
    expect(deadlineState({ workingDaysLeft: 0, overdue: false })).toBe('lastDay');
    expect(deadlineState({ workingDaysLeft: -1, overdue: false })).toBe('overdue');
  });

  it('label each kind of deadline and its date', () => {
    const line = deadlineLine(i18next.getFixedT('ru'), 'ru', { kind: 'complaint', due: '2026-12-15', workingDaysLeft: 4, overdue: false });
    expect(line.label).toBe('Рассмотрение жалобы');
    expect(line.until).toBe('до 15 декабря 2026 г.');
    expect(line.countdown).toBe('Осталось 4 рабочих дня');
    expect(pluralForm('kk', 5)).toBe('other');
  });
});
