import type { AppError } from '../errors';

/** The server's limit (Tus-Max-Size): 700 MiB. */
export const MAX_UPLOAD_BYTES = 700 * 1024 * 1024;
/** What the file picker offers; the content decides, not the name (as on the server). */
export const ACCEPTED_FILES = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

const SIGNATURES: readonly (readonly [string, readonly number[]])[] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];
export const SNIFF_BYTES = 8;

/** The type the first bytes prove (the same magic numbers the server checks), or null. */
export function sniffType(head: Uint8Array): string | null {
  for (const [type, magic] of SIGNATURES) {
    if (head.length >= magic.length && magic.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}

async function readHead(file: Blob): Promise<Uint8Array> {
  const slice = file.slice(0, SNIFF_BYTES);
  if (typeof slice.arrayBuffer === 'function') return new Uint8Array(await slice.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(slice);
  });
}

/**
 * Refuses before a byte is sent what the server would refuse: an empty file, one over 700 MiB,
 * one that is not a PDF, JPEG or PNG by its content (a renamed file is caught here too).
 */
export async function checkFile(file: Blob): Promise<AppError | null> {
  if (file.size === 0) return { code: 'FILE_EMPTY', field: 'file' };
  if (file.size > MAX_UPLOAD_BYTES) return { code: 'UPLOAD_TOO_LARGE', field: 'file' };
  let head: Uint8Array;
  try {
    head = await readHead(file);
  } catch {
    return { code: 'FILE_UNREADABLE', field: 'file' };
  }
  return sniffType(head) ? null : { code: 'UPLOAD_TYPE_NOT_ALLOWED', field: 'file' };
}
