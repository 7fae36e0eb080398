import { describe, expect, it } from 'vitest';
import type { ApplicationStatus } from '../../gql/graphql';
import { appendPage, mergeRow } from './rows';
import { absoluteSignUrl } from './QrSigning';

const row = (id: string, status: ApplicationStatus) => ({ id, status });

describe('live updates of a list', () => {
  it('replace a row in place and put a new one on top', () => {
    const list = [row('a', 'SENT'), row('b', 'DRAFT')];
    expect(mergeRow(list, row('a', 'REGISTERED'), [])).toMatchObject({ change: 'updated', rows: [row('a', 'REGISTERED'), row('b', 'DRAFT')], previous: row('a', 'SENT') });
    expect(mergeRow(list, row('c', 'SENT'), []).rows.map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });

  it('respect the status filter', () => {
    const list = [row('a', 'SENT')];
    expect(mergeRow(list, row('a', 'REGISTERED'), ['SENT'])).toMatchObject({ change: 'removed', rows: [] });
    expect(mergeRow(list, row('z', 'DRAFT'), ['SENT'])).toMatchObject({ change: 'none', rows: list });
  });

  it('do not duplicate a row that the next page brings again', () => {
    expect(appendPage([row('c', 'SENT'), row('a', 'SENT')], [row('a', 'SENT'), row('b', 'SENT')]).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('the QR code’s link', () => {
  it('is absolute, whatever the server gives', () => {
    expect(absoluteSignUrl('/sign/abc#tok', 'https://shanyraq.kz')).toBe('https://shanyraq.kz/sign/abc#tok');
    expect(absoluteSignUrl('https://portal.example/sign/abc#tok', 'http://127.0.0.1:8123')).toBe('https://portal.example/sign/abc#tok');
  });
});
