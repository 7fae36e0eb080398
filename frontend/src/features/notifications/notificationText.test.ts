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

  it('name a housing-queue application or complaint and its status in words', () => {
    const decided = { kind: 'QUEUE_APPLICATION_CHANGED' as const, params: { applicationId: 'q1', number: 'Q-2026-000001', status: 'registered', queueNumber: 7 } };
    expect(notificationText(i18next.getFixedT('kk'), decided)).toEqual({ title: 'Тұрғын үй кезегі бойынша шешім', body: 'Q-2026-000001 өтініші: Есепке қойылды.' });
    expect(notificationText(i18next.getFixedT('ru'), { ...decided, params: { ...decided.params, status: 'hearing' } }).body).toBe('Заявление Q-2026-000001: Предварительное решение: заслушивание.');
    const complaint = { kind: 'QUEUE_COMPLAINT_CHANGED' as const, params: { complaintId: 'c1', number: 'QC-2026-000003', status: 'satisfied' } };
    expect(notificationText(i18next.getFixedT('en'), complaint)).toEqual({ title: 'Complaint update', body: 'Complaint QC-2026-000003: Satisfied.' });
  });

  it('tell a resident about their account, request, building, payment and meeting in their language', () => {
    const link = { kind: 'ACCOUNT_LINK_DECIDED' as const, params: { accountId: 'a1', number: '10117', status: 'confirmed' } };
    expect(notificationText(i18next.getFixedT('ru'), link).body).toBe('Лицевой счёт № 10117: подтверждён.');
    const request = { kind: 'SERVICE_REQUEST_CHANGED' as const, params: { requestId: 'r1', number: 303, status: 'in_work' } };
    expect(notificationText(i18next.getFixedT('kk'), request).body).toBe('№ 303 өтініш: Жұмыста.');
    const outage = { kind: 'OUTAGE_NOTICE' as const, params: { kind: 'hot_water', text: 'Ремонт стояка.', startsAt: '2026-12-04T04:00:00Z' } };
    const told = notificationText(i18next.getFixedT('ru'), outage);
    expect(told.title).toBe('Отключение в вашем доме: горячая вода');
    expect(told.body).toMatch(/^Ремонт стояка\. Начало: .*2026/);
    const paid = { kind: 'PAYMENT_RECEIVED' as const, params: { accountId: 'a1', number: '10117', amount: '5000.50' } };
    expect(notificationText(i18next.getFixedT('en'), paid).body).toBe('5,000.50 ₸ paid to personal account No. 10117.');
    const meeting = { kind: 'MEETING_OPENED' as const, params: { meetingId: 'm1', title: 'Ремонт отопления', closesAt: '2026-12-20T13:00:00Z' } };
    expect(notificationText(i18next.getFixedT('kk'), meeting).body).toMatch(/^«Ремонт отопления» — дауыс беру .*2026.* дейін\.$/);
  });
});
