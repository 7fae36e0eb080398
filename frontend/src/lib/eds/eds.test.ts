// @vitest-environment node
// (Node's WebCrypto; jsdom's ArrayBuffer is another realm's, which WebCrypto refuses.)
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { EdsError, fromBase64, openPkcs12, signDetached, toBase64, validityAt } from './index';
import ecAuth from './testdata/test-ec-auth.p12?inline';
import rsaSign from './testdata/test-rsa-sign.p12?inline';

// Test-only files from testdata/make_fixtures.py: a throwaway CA, trusted nowhere.
const FILES: Record<string, string> = { 'test-rsa-sign': rsaSign, 'test-ec-auth': ecAuth };
const fixture = (name: string) => fromBase64(FILES[name].slice(FILES[name].indexOf(',') + 1));
const PASSWORD = 'Test-EDS-only!';

async function parseCms(der: Uint8Array) {
  const asn1 = asn1js.fromBER(der.slice().buffer);
  expect(asn1.offset).not.toBe(-1);
  const info = new pkijs.ContentInfo({ schema: asn1.result });
  expect(info.contentType).toBe('1.2.840.113549.1.7.2');
  return new pkijs.SignedData({ schema: info.content });
}

function attribute(signed: pkijs.SignedData, oid: string) {
  return signed.signerInfos[0].signedAttrs?.attributes.find((a) => a.type === oid);
}

describe('opening a PKCS#12 file', () => {
  it('reads the key and whose certificate it is (PBES2, AES-256, SHA-256 MAC)', async () => {
    const key = await openPkcs12(fixture('test-rsa-sign'), PASSWORD);
    expect(key.info).toMatchObject({
      commonName: 'ТЕСТОВ ТЕСТ',
      fullName: 'ТЕСТОВ ТЕСТ ТЕСТҰЛЫ',
      iin: '850719400230',
      bin: '150940012342',
      organization: 'ТОО «Тест»',
      issuer: 'TEST ONLY CA',
      purpose: 'sign',
      isCa: false,
    });
    expect(key.info.serial).toMatch(/^[0-9a-f]+$/);
    expect(key.chain.map((c) => c.subject.typesAndValues[0].value.valueBlock.value)).toEqual(['TEST ONLY CA']);
    expect(key.privateKey.extractable).toBe(false);
    expect(key.hash).toBe('SHA-256');
  });

  it('tells a sign-in (AUTH) certificate of a person', async () => {
    const key = await openPkcs12(fixture('test-ec-auth'), PASSWORD);
    expect(key.info).toMatchObject({ commonName: 'ТЕСТОВА ӘЙГЕРІМ', iin: '900515300197', bin: null, organization: null, purpose: 'auth' });
    expect(key.privateKey.algorithm.name).toBe('ECDSA');
  });

  it('refuses a wrong password with its own code', async () => {
    await expect(openPkcs12(fixture('test-rsa-sign'), 'Wrong-password-1')).rejects.toMatchObject({ code: 'EDS_WRONG_PASSWORD' });
    await expect(openPkcs12(fixture('test-rsa-sign'), '')).rejects.toMatchObject({ code: 'EDS_WRONG_PASSWORD' });
  });

  it('refuses what is not a PKCS#12 file', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    await expect(openPkcs12(pdf, PASSWORD)).rejects.toBeInstanceOf(EdsError);
    await expect(openPkcs12(pdf, PASSWORD)).rejects.toMatchObject({ code: 'EDS_FILE_INVALID' });
  });

  it('says whether the certificate is within its validity', () => {
    const span = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-01-01T00:00:00Z') };
    expect(validityAt(span, new Date('2026-06-01T00:00:00Z'))).toBe('valid');
    expect(validityAt(span, new Date('2025-12-31T23:59:59Z'))).toBe('notYetValid');
    expect(validityAt(span, new Date('2027-01-01T00:00:01Z'))).toBe('expired');
  });
});

describe('a detached CMS signature', () => {
  const payload = new TextEncoder().encode('{"schema":"shanyraq.application/1","number":"KZH-2026-ABC123","form":{"requestedValue":"2027-03-31"}}');

  it.each([
    ['RSA PKCS#1 v1.5', 'test-rsa-sign', '1.2.840.113549.1.1.11'],
    ['ECDSA P-256', 'test-ec-auth', '1.2.840.10045.4.3.2'],
  ])('with %s: signed attributes, certificates, no content, and it verifies', async (_label, name, signatureOid) => {
    const key = await openPkcs12(fixture(name), PASSWORD);
    const when = new Date('2026-11-21T10:15:00Z');
    const der = await signDetached(key, payload, when);
    const signed = await parseCms(der);

    expect(signed.encapContentInfo.eContentType).toBe('1.2.840.113549.1.7.1');
    expect(signed.encapContentInfo.eContent, 'detached: the content is not inside').toBeUndefined();
    expect(signed.certificates).toHaveLength(2);
    expect(signed.digestAlgorithms[0].algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    expect(signed.signerInfos[0].signatureAlgorithm.algorithmId).toBe(signatureOid);

    const contentType = attribute(signed, '1.2.840.113549.1.9.3')?.values[0] as asn1js.ObjectIdentifier;
    expect(contentType.valueBlock.toString()).toBe('1.2.840.113549.1.7.1');
    const signingTime = attribute(signed, '1.2.840.113549.1.9.5')?.values[0] as asn1js.UTCTime;
    expect(signingTime.toDate().toISOString()).toBe(when.toISOString());
    const digest = attribute(signed, '1.2.840.113549.1.9.4')?.values[0] as asn1js.OctetString;
    const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', payload));
    expect(new Uint8Array(digest.valueBlock.valueHexView)).toEqual(expected);

    const ok = await signed.verify({ signer: 0, data: payload.slice().buffer, checkChain: false });
    expect(ok).toBe(true);
  });

  it('no longer verifies once a single byte of the content differs', async () => {
    const key = await openPkcs12(fixture('test-rsa-sign'), PASSWORD);
    const signed = await parseCms(await signDetached(key, payload));
    const changed = payload.slice();
    changed[changed.length - 3] ^= 1;
    await expect(signed.verify({ signer: 0, data: changed.buffer, checkChain: false })).rejects.toBeTruthy();
  });

  it('travels as base64 of the DER', async () => {
    const key = await openPkcs12(fixture('test-ec-auth'), PASSWORD);
    const der = await signDetached(key, payload);
    expect(fromBase64(toBase64(der))).toEqual(der);
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
  });
});
