import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  email: '1.2.840.113549.1.9.1',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  basicConstraints: '2.5.29.19',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
} as const;

/** What a person needs to see of a certificate before signing with it (NCA profile of Kazakhstan). */
export interface CertificateInfo {
  /** CN: the holder's name, e.g. "ИСАЕВА ГҮЛЖАН". */
  commonName: string;
  /** Surname, name and patronymic when the subject carries them. */
  fullName: string;
  /** From SERIALNUMBER=IIN…. */
  iin: string | null;
  /** From OU=BIN… of an employee's certificate. */
  bin: string | null;
  organization: string | null;
  email: string | null;
  issuer: string;
  /** Lower-case hex, as the server reports it. */
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** NCA issues two: AUTH (sign-in, clientAuth) and RSA (signing, non-repudiation). */
  purpose: 'auth' | 'sign' | 'other';
  isCa: boolean;
}

function nameValue(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((tv) => tv.type === oid);
  if (!found) return null;
  const block = found.value.valueBlock as { value?: unknown };
  return typeof block.value === 'string' ? block.value.trim() : null;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The serial as the server prints it: the integer in hex, without leading zeros. */
export function serialHex(cert: pkijs.Certificate): string {
  return hex(cert.serialNumber.valueBlock.valueHexView).replace(/^0+(?=.)/, '');
}

function keyUsageBits(cert: pkijs.Certificate): { digitalSignature: boolean; nonRepudiation: boolean } | null {
  const ext = cert.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ext) return null;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.BitString)) return null;
  const bytes = parsed.result.valueBlock.valueHexView;
  const first = bytes[0] ?? 0;
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

function extendedUsages(cert: pkijs.Certificate): string[] {
  const ext = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  const parsed = ext?.parsedValue as { keyPurposes?: string[] } | undefined;
  return parsed?.keyPurposes ?? [];
}

export function isCaCertificate(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  const parsed = ext?.parsedValue as { cA?: boolean } | undefined;
  return Boolean(parsed?.cA);
}

export function certificateInfo(cert: pkijs.Certificate): CertificateInfo {
  const subject = cert.subject;
  const commonName = nameValue(subject, OID.commonName) ?? '';
  const surname = nameValue(subject, OID.surname);
  const given = nameValue(subject, OID.givenName);
  const serialNumber = nameValue(subject, OID.serialNumber) ?? '';
  const ou = nameValue(subject, OID.organizationalUnit) ?? '';
  const iin = /^IIN(\d{12})$/.exec(serialNumber)?.[1] ?? null;
  const bin = /^BIN(\d{12})$/.exec(ou)?.[1] ?? null;
  // NCA: CN is "SURNAME NAME", G the patronymic; the full name reads them together.
  const fullName = [commonName || surname, given].filter(Boolean).join(' ');
  const usages = extendedUsages(cert);
  const bits = keyUsageBits(cert);
  let purpose: CertificateInfo['purpose'] = 'other';
  if (usages.includes(OID.clientAuth)) purpose = 'auth';
  else if (bits?.nonRepudiation || usages.includes(OID.emailProtection)) purpose = 'sign';
  return {
    commonName,
    fullName,
    iin,
    bin,
    organization: nameValue(subject, OID.organization),
    email: nameValue(subject, OID.email),
    issuer: nameValue(cert.issuer, OID.commonName) ?? '',
    serial: serialHex(cert),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    purpose,
    isCa: isCaCertificate(cert),
  };
}
