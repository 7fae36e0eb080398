/**
 * Electronic digital signatures (EDS, ЭЦҚ) in the browser: open a PKCS#12 file with its password,
 * show whose certificate it is, sign bytes as a detached CMS. The key and the password never
 * leave the page: nothing here sends, stores or logs them.
 *
 * pkijs is large: pages import `base64` and `validity` directly and load the rest on demand
 * (`import('lib/eds')`), so the portal's first load does not carry it.
 */
export { fromBase64, toBase64 } from './base64';
export { type CertificateInfo, certificateInfo } from './certInfo';
export { validityAt, type Validity } from './validity';
export { signDetached } from './cms';
export { EdsError, type EdsErrorCode } from './errors';
export { type EdsKey, openPkcs12 } from './pkcs12';
