import { describe, expect, it } from 'vitest';
import { checkFile, MAX_UPLOAD_BYTES, sniffType } from './fileCheck';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('checking a file before it is sent', () => {
  it('recognises PDF, JPEG and PNG by their first bytes, as the server does', () => {
    expect(sniffType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // a ZIP (or .docx)
    expect(sniffType(new TextEncoder().encode('%PD'))).toBeNull();
  });

  it('refuses a renamed file whatever its name and type say', async () => {
    const fake = new File(['PK\u0003\u0004 not a pdf'], 'contract.pdf', { type: 'application/pdf' });
    expect(await checkFile(fake)).toEqual({ code: 'UPLOAD_TYPE_NOT_ALLOWED', field: 'file' });
    expect(await checkFile(new File(['%PDF-1.7\n…'], 'scan.bin'))).toBeNull();
  });

  it('refuses an empty file and one over 700 MiB', async () => {
    expect(await checkFile(new File([], 'empty.pdf'))).toEqual({ code: 'FILE_EMPTY', field: 'file' });
    const huge = { size: MAX_UPLOAD_BYTES + 1, slice: () => new Blob(['%PDF-']) } as unknown as Blob;
    expect(await checkFile(huge)).toEqual({ code: 'UPLOAD_TOO_LARGE', field: 'file' });
    expect(MAX_UPLOAD_BYTES).toBe(734003200);
  });
});
