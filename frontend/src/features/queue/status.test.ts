import { describe, expect, it } from 'vitest';
import { certificates, routeSteps, statusTone } from './status';

describe('queue application status', () => {
  it('walks the route: the hearing step appears only when a refusal was announced', () => {
    expect(routeSteps('FILED', false)).toEqual([
      { code: 'filed', state: 'done' },
      { code: 'review', state: 'current' },
      { code: 'decision', state: 'upcoming' },
    ]);
    expect(routeSteps('HEARING', false).map((s) => `${s.code}:${s.state}`)).toEqual(['filed:done', 'review:done', 'hearing:current', 'decision:upcoming']);
    expect(routeSteps('REGISTERED', false).map((s) => s.state)).toEqual(['done', 'done', 'done']);
    expect(routeSteps('REFUSED', true).map((s) => `${s.code}:${s.state}`)).toEqual(['filed:done', 'review:done', 'hearing:done', 'decision:done']);
  });

  it('colours the statuses by what they mean for the citizen', () => {
    expect(statusTone('REGISTERED')).toBe('success');
    expect(statusTone('REFUSED')).toBe('danger');
    expect(statusTone('HEARING')).toBe('attention');
    expect(statusTone('IN_REVIEW')).toBe('progress');
  });

  it('lists the certificates in force, Kazakh first, then Russian, and nothing else', () => {
    const at = (day: number) => `2026-12-0${day}T05:00:00Z`;
    const files = [
      { id: 'ru1', kind: 'certificate_ru', createdAt: at(8) },
      { id: 'c', kind: 'technical_conclusion', createdAt: at(9) },
      { id: 'kk1', kind: 'certificate_kk', createdAt: at(8) },
      { id: 'ru2', kind: 'certificate_ru', createdAt: at(9) },
    ];
    expect(certificates(files).map((f) => f.id)).toEqual(['kk1', 'ru2']);
  });
});
