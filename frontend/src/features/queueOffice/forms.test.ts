import { describe, expect, it } from 'vitest';
import { queryErrorCode, complaintAnswerErrors, complaintAnswers, complaintOpen, decisionErrors, reasonChoices, removalErrors, reviewErrors, reviewInput } from './forms';

describe('back-office forms', () => {
  it('a review needs a verdict, and a refusal at least one reason', () => {
    expect(reviewErrors({ eligible: null, reasons: [], comment: '' })).toEqual([{ code: 'REQUIRED', field: 'eligible' }]);
    expect(reviewErrors({ eligible: false, reasons: [], comment: 'x' })).toEqual([{ code: 'REQUIRED', field: 'reasons' }]);
    expect(reviewErrors({ eligible: false, reasons: ['OWNED_HOUSING'], comment: '' })).toEqual([{ code: 'REQUIRED', field: 'comment' }]);
    expect(reviewErrors({ eligible: false, reasons: ['OWNED_HOUSING'], comment: 'Owns a flat' })).toEqual([]);
    expect(reviewErrors({ eligible: true, reasons: [], comment: '' })).toEqual([]);
  });

  it('an eligible review sends no reasons even if some were ticked before', () => {
    expect(reviewInput('a1', { eligible: true, reasons: ['OWNED_HOUSING'], comment: ' ok ' })).toEqual({ applicationId: 'a1', eligible: true, reasons: [], comment: 'ok' });
    expect(reviewInput('a1', { eligible: false, reasons: ['OWNED_HOUSING'], comment: '' })).toEqual({ applicationId: 'a1', eligible: false, reasons: ['OWNED_HOUSING'], comment: '' });
  });

  it('offers the failed checks’ reasons ticked, and the application’s own, each once', () => {
    const checks = [
      { code: 'no_owned_housing', passed: false, applies: true, reason: 'OWNED_HOUSING', explanation: 'Owned a flat in 2023' },
      { code: 'residence', passed: true, applies: true, reason: null, explanation: 'Registered 4 years' },
      { code: 'orphan', passed: false, applies: false, reason: 'NOT_ORPHAN', explanation: 'Does not apply' },
    ];
    const { choices, suggested } = reasonChoices(checks, [{ code: 'OWNED_HOUSING', explanation: 'dup' }, { code: 'FALSE_DATA', explanation: 'False data' }]);
    expect(choices.map((c) => c.code)).toEqual(['OWNED_HOUSING', 'FALSE_DATA']);
    expect(choices[0].explanation).toBe('Owned a flat in 2023');
    expect(suggested).toEqual(['OWNED_HOUSING', 'FALSE_DATA']);
    // The catalog adds every other ground, unticked, after them.
    const withCatalog = reasonChoices(checks, [], [{ code: 'STATE_MORTGAGE', explanation: 'State mortgage' }, { code: 'OWNED_HOUSING', explanation: 'Catalog text' }]);
    expect(withCatalog.choices.map((c) => c.code)).toEqual(['OWNED_HOUSING', 'STATE_MORTGAGE']);
    expect(withCatalog.choices[0].explanation).toBe('Owned a flat in 2023');
    expect(withCatalog.suggested).toEqual(['OWNED_HOUSING']);
  });

  it('a refusal after the hearing is reasoned; a registration need not be', () => {
    expect(decisionErrors(null, '')).toEqual([{ code: 'REQUIRED', field: 'outcome' }]);
    expect(decisionErrors('refused', '  ')).toEqual([{ code: 'REQUIRED', field: 'reasoning' }]);
    expect(decisionErrors('refused', 'Owned housing in 2023')).toEqual([]);
    expect(decisionErrors('registered', '')).toEqual([]);
  });

  it('a complaint answer has a choice and words; only open complaints are worked', () => {
    expect(complaintAnswerErrors(null, 'x')).toEqual([{ code: 'REQUIRED', field: 'status' }]);
    expect(complaintAnswerErrors('REJECTED', '')).toEqual([{ code: 'REQUIRED', field: 'answer' }]);
    expect(complaintAnswerErrors('SATISFIED', 'Registered again')).toEqual([]);
    expect(complaintAnswerErrors('IN_REVIEW', '')).toEqual([]);
    expect(complaintAnswers('PROVIDER')).toEqual(['SATISFIED', 'REJECTED', 'FORWARDED']);
    expect(complaintAnswers('QUALITY_AUTHORITY')).toEqual(['SATISFIED', 'REJECTED']);
    expect(complaintOpen('REGISTERED')).toBe(true);
    expect(complaintOpen('IN_REVIEW')).toBe(true);
    expect(complaintOpen('FORWARDED')).toBe(false);
  });

  it('reads the stable code of a refused query', () => {
    expect(queryErrorCode({ code: 'BAD_USER_INPUT', reason: 'HEARING_PENDING' })).toBe('HEARING_PENDING');
    expect(queryErrorCode({ code: 'FORBIDDEN' })).toBe('FORBIDDEN');
    expect(queryErrorCode(undefined)).toBeNull();
  });

  it('a removal needs its reason', () => {
    expect(removalErrors('')).toEqual([{ code: 'REQUIRED', field: 'reason' }]);
    expect(removalErrors('housing_provided')).toEqual([]);
  });
});
