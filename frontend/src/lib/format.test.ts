import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';

describe('file sizes', () => {
  it('uses binary units, so the 700 MiB limit reads as 700', () => {
    expect(formatBytes(734003200, 'en')).toBe('700 MB');
    expect(formatBytes(734003200, 'kk')).toBe('700 МБ');
  });

  it('keeps one decimal below a hundred, with the decimal comma in Kazakh and Russian', () => {
    expect(formatBytes(42275, 'en')).toBe('41.3 KB');
    expect(formatBytes(42275, 'ru')).toBe('41,3 КБ');
    expect(formatBytes(42275, 'kk')).toBe('41,3 КБ');
    expect(formatBytes(83886089, 'kk')).toBe('80 МБ');
  });

  it('counts small files in bytes', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(512, 'ru')).toBe('512 Б');
  });
});
