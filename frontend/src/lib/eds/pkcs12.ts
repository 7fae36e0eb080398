import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { exactBuffer } from './base64';
import { type CertificateInfo, certificateInfo, isCaCertificate } from './certInfo';
import { EdsError } from './errors';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const RSA_KEY = '1.2.840.113549.1.1.1';
const EC_KEY = '1.2.840.10045.2.1';
const CURVES: Record<string, { name: string; hash: string }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', hash: 'SHA-256' },
  '1.3.132.0.34': { name: 'P-384', hash: 'SHA-384' },
  '1.3.132.0.35': { name: 'P-521', hash: 'SHA-512' },
};

/**
 * An opened key store: a private key WebCrypto holds (not extractable) and its certificates.
 * It lives only in memory, for one signature; nothing of it is stored or sent but the certificates.
 */
export interface EdsKey {
  privateKey: CryptoKey;
  certificate: pkijs.Certificate;
  /** The other certificates of the file (the issuing CA), included in the CMS. */
  chain: pkijs.Certificate[];
  info: CertificateInfo;
  /** The digest the signature uses: SHA-256 for RSA and P-256, longer for longer curves. */
  hash: 'SHA-256' | 'SHA-384' | 'SHA-512';
}

function webCrypto(): SubtleCrypto {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new EdsError('EDS_UNSUPPORTED_KEY');
  return subtle;
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function localKeyId(bag: pkijs.SafeBag): string | null {
  const attribute = bag.bagAttributes?.find((a) => a.type === LOCAL_KEY_ID);
  const value = attribute?.values[0];
  return value instanceof asn1js.OctetString ? hexOf(value.valueBlock.valueHexView) : null;
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.every((v, i) => v === y[i]);
}

async function importKey(keyInfo: pkijs.PrivateKeyInfo): Promise<{ key: CryptoKey; hash: EdsKey['hash'] }> {
  const der = keyInfo.toSchema().toBER(false);
  const algorithm = keyInfo.privateKeyAlgorithm.algorithmId;
  try {
    if (algorithm === RSA_KEY) {
      const key = await webCrypto().importKey('pkcs8', der, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
      return { key, hash: 'SHA-256' };
    }
    if (algorithm === EC_KEY) {
      const params = keyInfo.privateKeyAlgorithm.algorithmParams;
      const curve = params instanceof asn1js.ObjectIdentifier ? CURVES[params.valueBlock.toString()] : undefined;
      if (!curve) throw new EdsError('EDS_UNSUPPORTED_KEY');
      const key = await webCrypto().importKey('pkcs8', der, { name: 'ECDSA', namedCurve: curve.name }, false, ['sign']);
      return { key, hash: curve.hash as EdsKey['hash'] };
    }
  } catch (error) {
    if (error instanceof EdsError) throw error;
    throw new EdsError('EDS_UNSUPPORTED_KEY', { cause: error });
  }
  // GOST keys (Kazakhstan's national algorithm) need NCALayer or the mobile app, not a browser.
  throw new EdsError('EDS_UNSUPPORTED_KEY');
}

/** Whether the certificate carries the public key of this private key (when no localKeyId pairs them). */
function samePublicKey(cert: pkijs.Certificate, keyInfo: pkijs.PrivateKeyInfo): boolean {
  const parsed = keyInfo.parsedKey;
  if (parsed instanceof pkijs.RSAPrivateKey) {
    const spki = cert.subjectPublicKeyInfo.parsedKey;
    return spki instanceof pkijs.RSAPublicKey && sameBytes(exactBuffer(spki.modulus.valueBlock.valueHexView), exactBuffer(parsed.modulus.valueBlock.valueHexView));
  }
  return false;
}

function isDecryptionFailure(error: unknown): boolean {
  // WebCrypto reports a bad padding after AES-CBC with the wrong key as an OperationError.
  const name = (error as { name?: string } | null)?.name;
  return name === 'OperationError' || name === 'DataError';
}

/**
 * Opens a PKCS#12 file (.p12/.pfx) with its password, in the browser: checks the file's MAC
 * (a wrong password fails here), decrypts the key bag (PBES2 with PBKDF2 and AES, or the legacy
 * schemes pkijs knows), and pairs the key with its certificate.
 */
export async function openPkcs12(file: ArrayBuffer | Uint8Array, password: string): Promise<EdsKey> {
  const bytes = file instanceof Uint8Array ? exactBuffer(file) : file;
  const secret = exactBuffer(new TextEncoder().encode(password));
  let pfx: pkijs.PFX;
  try {
    const asn1 = asn1js.fromBER(bytes);
    if (asn1.offset === -1) throw new Error(asn1.result.error);
    pfx = new pkijs.PFX({ schema: asn1.result });
  } catch (error) {
    throw new EdsError('EDS_FILE_INVALID', { cause: error });
  }

  try {
    await pfx.parseInternalValues({ password: secret, checkIntegrity: Boolean(pfx.macData) });
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/integrity/i.test(message)) throw new EdsError('EDS_WRONG_PASSWORD', { cause: error });
    throw new EdsError('EDS_FILE_INVALID', { cause: error });
  }

  const safe = pfx.parsedValue?.authenticatedSafe as pkijs.AuthenticatedSafe | undefined;
  if (!safe) throw new EdsError('EDS_FILE_INVALID');
  try {
    await safe.parseInternalValues({ safeContents: safe.safeContents.map(() => ({ password: secret })) });
  } catch (error) {
    throw new EdsError(isDecryptionFailure(error) ? 'EDS_WRONG_PASSWORD' : 'EDS_FILE_INVALID', { cause: error });
  }

  const keys: { info: pkijs.PrivateKeyInfo; id: string | null }[] = [];
  const certs: { cert: pkijs.Certificate; id: string | null }[] = [];
  for (const content of safe.parsedValue.safeContents as { value: pkijs.SafeContents }[]) {
    for (const bag of content.value.safeBags) {
      const id = localKeyId(bag);
      if (bag.bagId === BAG.shroudedKey) {
        const shrouded = bag.bagValue as pkijs.PKCS8ShroudedKeyBag;
        try {
          // Public at run time (PFX parsing calls it); typed protected in pkijs' declarations.
          await (shrouded as unknown as { parseInternalValues(p: { password: ArrayBuffer }): Promise<void> }).parseInternalValues({ password: secret });
        } catch (error) {
          throw new EdsError(isDecryptionFailure(error) ? 'EDS_WRONG_PASSWORD' : 'EDS_FILE_INVALID', { cause: error });
        }
        if (shrouded.parsedValue) keys.push({ info: shrouded.parsedValue, id });
      } else if (bag.bagId === BAG.key) {
        keys.push({ info: bag.bagValue as pkijs.PrivateKeyInfo, id });
      } else if (bag.bagId === BAG.cert) {
        const certBag = bag.bagValue as pkijs.CertBag;
        if (certBag.certId === X509_CERT && certBag.parsedValue instanceof pkijs.Certificate) certs.push({ cert: certBag.parsedValue, id });
      }
    }
  }
  const key = keys[0];
  if (!key || certs.length === 0) throw new EdsError('EDS_NO_KEY');
  const own =
    (key.id ? certs.find((c) => c.id === key.id) : undefined) ??
    certs.find((c) => samePublicKey(c.cert, key.info)) ??
    certs.find((c) => !isCaCertificate(c.cert));
  if (!own) throw new EdsError('EDS_NO_KEY');
  const { key: privateKey, hash } = await importKey(key.info);
  return {
    privateKey,
    certificate: own.cert,
    chain: certs.filter((c) => c !== own).map((c) => c.cert),
    info: certificateInfo(own.cert),
    hash,
  };
}
