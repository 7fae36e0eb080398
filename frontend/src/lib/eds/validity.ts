/** Within its validity now? (The server decides the rest: chain, revocation, key usage.) */
export type Validity = 'valid' | 'expired' | 'notYetValid';

export function validityAt(info: { notBefore: Date; notAfter: Date }, now: Date = new Date()): Validity {
  if (now < info.notBefore) return 'notYetValid';
  if (now > info.notAfter) return 'expired';
  return 'valid';
}
