import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { exactBuffer } from './base64';
import { EdsError } from './errors';
import type { EdsKey } from './pkcs12';

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

/**
 * A detached CMS SignedData (CAdES-BES shape) over exactly `data`: signed attributes contentType
 * = data, signingTime and messageDigest, the signature by the key of `key` (RSA PKCS#1 v1.5 or
 * ECDSA), and the signer's certificates included. Returns DER.
 */
export async function signDetached(key: EdsKey, data: Uint8Array, now: Date = new Date()): Promise<Uint8Array> {
  const content = exactBuffer(data);
  const digest = await globalThis.crypto.subtle.digest(key.hash, content);
  const signedAttributes = [
    new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
    new pkijs.Attribute({ type: OID_SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: now })] }),
    new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ];
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: key.certificate.issuer, serialNumber: key.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
      }),
    ],
    certificates: [key.certificate, ...key.chain],
  });
  try {
    await signed.sign(key.privateKey, 0, key.hash);
  } catch (error) {
    throw new EdsError('EDS_SIGN_FAILED', { cause: error });
  }
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
