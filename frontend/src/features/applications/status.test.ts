import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { activeDeadline, dueState, nextWorkingDay, routeSteps, STATUSES, statusNumber, statusTone } from './status';

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

describe('deadlines in the back office', () => {
  it('take the review deadline while KZhK reviews and the revision deadline while the applicant revises', () => {
    expect(activeDeadline({ status: 'IN_REVIEW', reviewDeadline: '2026-12-04', revisionDeadline: null })).toEqual({ kind: 'review', date: '2026-12-04' });
    expect(activeDeadline({ status: 'NEEDS_REVISION', reviewDeadline: '2026-12-04', revisionDeadline: '2026-11-30' })).toEqual({ kind: 'revision', date: '2026-11-30' });
    expect(activeDeadline({ status: 'APPROVED', reviewDeadline: '2026-12-04' })).toBeNull();
  });

  it('skip the weekend to find the next working day', () => {
    expect(nextWorkingDay('2026-11-19')).toBe('2026-11-20'); // Thursday → Friday
    expect(nextWorkingDay('2026-11-20')).toBe('2026-11-23'); // Friday → Monday
    expect(nextWorkingDay('2026-11-21')).toBe('2026-11-23'); // Saturday → Monday
  });

  it('are red once past, amber when due by the next working day', () => {
    expect(dueState('2026-11-18', '2026-11-19')).toBe('overdue');
    expect(dueState('2026-11-19', '2026-11-19')).toBe('soon');
    expect(dueState('2026-11-20', '2026-11-19')).toBe('soon');
    expect(dueState('2026-11-23', '2026-11-20')).toBe('soon'); // Friday: Monday is the next working day
    expect(dueState('2026-11-24', '2026-11-20')).toBe('ok');
    expect(dueState('2026-11-30', '2026-11-19')).toBe('ok');
  });

  it('trust the server’s verdict, which knows the public holidays', () => {
    expect(dueState('2026-12-20', '2026-12-17', true)).toBe('overdue');
  });
});
