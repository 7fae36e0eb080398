import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { notificationText } from './notificationText';

describe('notification texts', () => {
  it('name the application and its new status in the reader’s language', () => {
    const n = { kind: 'APPLICATION_STATUS_CHANGED' as const, params: { applicationId: 'a1', number: 'Ө-2026/0001', status: 'needs_revision' } };
    expect(notificationText(i18next.getFixedT('kk'), n)).toEqual({ title: 'Өтінім мәртебесі өзгерді', body: '№ Ө-2026/0001 өтінім: Өтінім қаралды, пысықтау қажет.' });
    expect(notificationText(i18next.getFixedT('ru'), n).body).toBe('Заявка № Ө-2026/0001: Заявка рассмотрена, требуется доработка.');
    expect(notificationText(i18next.getFixedT('en'), { ...n, params: { number: 'Ө-2026/0001', status: 'brand_new' } }).body).toBe('Application No. Ө-2026/0001: brand_new.');
  });
});
