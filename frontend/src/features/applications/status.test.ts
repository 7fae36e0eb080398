import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { routeSteps, runningDeadline, STATUSES, statusNumber, statusTone } from './status';

describe('the statuses of seed 001', () => {
  it('are ten, in route order, each with the seed’s Kazakh name', () => {
    const kk = i18next.getFixedT('kk');
    expect(STATUSES.map((s) => `${statusNumber(s)} ${kk(`applications.status.${s}`)}`)).toEqual([
      '1 Жасауда',
      '2 Өтінім жіберілді',
      '3 Өтінім тіркелген',
      '4 Өтінім қарауда',
      '5 Өтінім қаралды, пысықтау қажет',
      '6 Өтінім қабылданбады',
      '7 Өтінім мақұлданды, ҚК дайындалуда',
      '8 Өтініш берушінің ҚК-ға қол қоюы',
      '9 «ҚТК» АҚ КҚ-ға қол қоюы',
      '10 КҚ қол қойылды',
    ]);
  });

  it('read in Russian as the manuals name them', () => {
    const ru = i18next.getFixedT('ru');
    expect(ru('applications.status.NEEDS_REVISION')).toBe('Заявка рассмотрена, требуется доработка');
    expect(ru('applications.status.SA_KZHK_SIGNING')).toBe('Подписание ДС АО «КЖК»');
  });

  it('are coloured by whose move it is', () => {
    expect(statusTone('DRAFT')).toBe('draft');
    expect(statusTone('NEEDS_REVISION')).toBe('action');
    expect(statusTone('SA_PARTIES_SIGNING')).toBe('action');
    expect(statusTone('IN_REVIEW')).toBe('progress');
    expect(statusTone('REJECTED')).toBe('danger');
    expect(statusTone('SA_SIGNED')).toBe('success');
  });
});

describe('the route as steps', () => {
  const states = (status: Parameters<typeof routeSteps>[0]) => routeSteps(status).map((s) => `${s.status}:${s.state}`);

  it('marks what is done and where the application is', () => {
    expect(states('REGISTERED')).toEqual([
      'DRAFT:done',
      'SENT:done',
      'REGISTERED:current',
      'IN_REVIEW:upcoming',
      'APPROVED:upcoming',
      'SA_PARTIES_SIGNING:upcoming',
      'SA_KZHK_SIGNING:upcoming',
      'SA_SIGNED:upcoming',
    ]);
  });

  it('puts the revision on the route while it is the status', () => {
    expect(states('NEEDS_REVISION').slice(3, 6)).toEqual(['IN_REVIEW:done', 'NEEDS_REVISION:current', 'APPROVED:upcoming']);
  });

  it('ends the route at a rejection', () => {
    expect(states('REJECTED')).toEqual(['DRAFT:done', 'SENT:done', 'REGISTERED:done', 'IN_REVIEW:done', 'REJECTED:current']);
  });

  it('has every step done once the SA is signed', () => {
    expect(routeSteps('SA_SIGNED').every((s) => s.state === 'done')).toBe(true);
  });
});

describe('deadlines', () => {
  it('are the server’s: which one runs and how close it is', () => {
    expect(runningDeadline({ deadline: { kind: 'REVIEW', date: '2026-12-04', due: 'SOON' } })).toEqual({ kind: 'review', date: '2026-12-04', due: 'soon' });
    expect(runningDeadline({ deadline: { kind: 'REVISION', date: '2026-11-30', due: 'OVERDUE' } })).toEqual({ kind: 'revision', date: '2026-11-30', due: 'overdue' });
    expect(runningDeadline({ deadline: { kind: 'REVIEW', date: '2026-12-24', due: 'OK' } })?.due).toBe('ok');
    expect(runningDeadline({ deadline: null })).toBeNull();
  });
});
