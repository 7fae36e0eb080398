/**
 * What can go wrong in the browser before anything is sent; each code has a message under
 * `errors.<CODE>` (lib/errors.ts lists them as client codes).
 */
export type EdsErrorCode =
  /** Not a PKCS#12 (.p12/.pfx) file, or a damaged one. */
  | 'EDS_FILE_INVALID'
  /** The password does not open this file. */
  | 'EDS_WRONG_PASSWORD'
  /** The file holds certificates but no private key (or no certificate for it). */
  | 'EDS_NO_KEY'
  /** A key this browser cannot sign with (GOST, DSA, an unknown curve). */
  | 'EDS_UNSUPPORTED_KEY'
  /** WebCrypto refused to sign. */
  | 'EDS_SIGN_FAILED';

export class EdsError extends Error {
  constructor(
    readonly code: EdsErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'EdsError';
  }
}
