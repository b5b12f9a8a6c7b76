/**
 * XMLDSig of CHUKYDONVI: our canonicaliser, signer and verifier against two independent
 * implementations — Debian's xmlsec1 (libxml2 + OpenSSL; skipped with a notice when absent) and
 * xml-crypto — in both directions, plus tampering and foreign certificates.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';
import { SignedXml } from 'xml-crypto';
import { ALG } from './algorithms.ts';
import { C14nWriter } from './c14n.ts';
import { scanEnvelope } from './scan.ts';
import { envelopeSigner, signEnvelopeFile } from './sign.ts';
import { missingDigestMode, verifyEnvelopeSignature } from './verify.ts';
import { readFixture, syntheticEnvelope } from '../synthetic.ts';
import { keyPair, xmlsec1Available, type KeyPair } from '../test-support.ts';

const XMLSEC = xmlsec1Available();
if (!XMLSEC)
  process.stderr.write(
    'NOTICE: xmlsec1 not installed — XMLDSig cross-checks against xmlsec1 are skipped (apt-get install -y xmlsec1)\n',
  );

const unsigned = (): string => readFixture('followUp').toString('utf8');

function verify(xml: string | Buffer, certPem: string) {
  const s = scanEnvelope(typeof xml === 'string' ? Buffer.from(xml) : xml);
  assert.ok(s.ok, s.error?.message);
  const mode = missingDigestMode(s);
  const scan =
    mode === undefined
      ? s
      : { ...s, digests: { ...s.digests, ...scanEnvelope(Buffer.from(xml), { modes: [mode] }).digests } };
  return verifyEnvelopeSignature(scan, certPem);
}

function xmlsecVerify(k: KeyPair, file: string): { ok: boolean; out: string } {
  const r = spawnSync('xmlsec1', ['--verify', '--pubkey-cert-pem', k.certFile, file], { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

/** A signature template in CHUKYDONVI for xmlsec1 --sign (the profile, or exclusive C14N). */
function template(xml: string, c14n: string = ALG.c14n): string {
  const sig =
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo>' +
    `<CanonicalizationMethod Algorithm="${c14n}"/><SignatureMethod Algorithm="${ALG.rsaSha256}"/>` +
    `<Reference URI=""><Transforms><Transform Algorithm="${ALG.enveloped}"/><Transform Algorithm="${c14n}"/></Transforms>` +
    `<DigestMethod Algorithm="${ALG.sha256}"/><DigestValue/></Reference></SignedInfo><SignatureValue/>` +
    '<KeyInfo><X509Data/></KeyInfo></Signature>';
  return xml.replace(/<CHUKYDONVI\s*\/>|<CHUKYDONVI><\/CHUKYDONVI>/, `<CHUKYDONVI>\n${sig}\n</CHUKYDONVI>`);
}

function xmlCryptoSign(xml: string, k: KeyPair, c14n: string = ALG.c14n): string {
  const sig = new SignedXml({
    privateKey: k.keyPem,
    publicCert: k.certPem,
    signatureAlgorithm: ALG.rsaSha256,
    canonicalizationAlgorithm: c14n,
  });
  sig.addReference({
    xpath: '/*',
    uri: '',
    isEmptyUri: true,
    transforms: [ALG.enveloped, c14n],
    digestAlgorithm: ALG.sha256,
  });
  sig.computeSignature(xml, { location: { reference: "/*/*[local-name()='CHUKYDONVI']", action: 'append' } });
  return sig.getSignedXml();
}

function xmlCryptoVerify(signed: string, certPem: string): boolean {
  const doc = new DOMParser().parseFromString(signed, 'text/xml');
  const el = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
  assert.ok(el);
  const v = new SignedXml({ publicCert: certPem, getCertFromKeyInfo: () => null });
  v.loadSignature(el as unknown as Node);
  return v.checkSignature(signed);
}

/** Canonical form of a whole document through the same parser events the scanner uses. */
function canonical(xml: string, mode: 'inclusive' | 'exclusive'): string {
  const parts: string[] = [];
  const w = new C14nWriter(mode, (s) => parts.push(s));
  const p = new SaxesParser({ xmlns: true });
  p.on('opentag', (t) => {
    w.open(t);
  });
  p.on('closetag', (t) => {
    w.close(t.name);
  });
  p.on('text', (t) => {
    w.text(t);
  });
  p.on('cdata', (t) => {
    w.text(t);
  });
  p.on('processinginstruction', (pi) => {
    w.processingInstruction(pi.target, pi.body);
  });
  p.write(xml).close();
  return parts.join('');
}

const TRICKY = [
  '<?xml version="1.0"?>\n<?pi x?>\n<r xmlns:b="u:b" xmlns="u:d" z="1" b:a="&#9;x&#10;y\r\nz"><b:c xmlns:b="u:b" xmlns:q="u:q">t&amp;&gt;&#13;\r\n<![CDATA[<cd> & ]]></b:c><e/><f xmlns=""><g xmlns="u:d"/></f></r>\n<?post?>',
  '<GIAMDINHHS xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><A xsi:nil="true" b=\'"q"\'>Nguyễn Thị Ánh &lt;3</A></GIAMDINHHS>',
];
const XMLLINT = spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).status === 0;

describe('canonical XML', () => {
  test(
    'matches libxml2 (xmllint --c14n / --exc-c14n) on tricky documents',
    { skip: !XMLLINT && 'xmllint not installed' },
    () => {
      const k = keyPair('c14n');
      try {
        for (const doc of TRICKY) {
          const file = k.write('doc.xml', doc);
          assert.equal(
            canonical(doc, 'inclusive'),
            execFileSync('xmllint', ['--c14n', file], { encoding: 'utf8' }),
          );
          assert.equal(
            canonical(doc, 'exclusive'),
            execFileSync('xmllint', ['--exc-c14n', file], { encoding: 'utf8' }),
          );
        }
      } finally {
        k.cleanup();
      }
    },
  );

  test('inclusive and exclusive digests differ only when unused namespaces are declared', () => {
    const digest = (xml: string, mode: 'inclusive' | 'exclusive'): string | undefined =>
      scanEnvelope(Buffer.from(`<GIAMDINHHS>${xml}</GIAMDINHHS>`), { modes: [mode] }).digests[mode];
    const plain = '<A b="1" a="2">x</A>';
    assert.equal(digest(plain, 'inclusive'), digest(plain, 'exclusive'));
    const withNs = '<A xmlns:u="urn:u">x</A>';
    assert.notEqual(digest(withNs, 'inclusive'), digest(withNs, 'exclusive'));
  });
});

describe('XMLDSig of CHUKYDONVI', () => {
  let k: KeyPair;
  let other: KeyPair;
  before(() => {
    k = keyPair('Benh vien A');
    other = keyPair('Ke gia mao');
  });
  after(() => {
    k.cleanup();
    other.cleanup();
  });

  test('our signature verifies with ours and with xml-crypto; a changed byte does not', () => {
    const signed = envelopeSigner(k.keyPem, k.certPem).sign(unsigned());
    assert.equal(verify(signed, k.certPem).code, 'SIGNATURE_VALID');
    assert.equal(xmlCryptoVerify(signed, k.certPem), true);
    const tampered = signed.replace('<NGAYLAP>20260224</NGAYLAP>', '<NGAYLAP>20260225</NGAYLAP>');
    assert.notEqual(tampered, signed);
    assert.equal(verify(tampered, k.certPem).code, 'SIGNATURE_DIGEST_MISMATCH');
  });

  test('a real envelope with BOM and a large synthetic batch sign and verify', () => {
    const inpatient = readFixture('inpatient').toString('utf8'); // BOM, `<CHUKYDONVI />`
    const s = envelopeSigner(k.keyPem, k.certPem);
    assert.equal(verify(s.sign(inpatient), k.certPem).code, 'SIGNATURE_VALID');
    const batch = syntheticEnvelope(0, 50, { facility: '92999' });
    assert.equal(verify(s.sign(batch), k.certPem).code, 'SIGNATURE_VALID');
  });

  test('a big file is signed in place, streaming, with the same signature as in memory', async () => {
    const xml = syntheticEnvelope(0, 30, { facility: '92999' });
    const file = k.write('big.xml', xml);
    const signer = envelopeSigner(k.keyPem, k.certPem);
    await signEnvelopeFile(file, signer);
    const signed = readFileSync(file);
    assert.equal(signed.toString('utf8'), signer.sign(xml));
    assert.equal(verify(signed, k.certPem).code, 'SIGNATURE_VALID');
    if (XMLSEC) assert.ok(xmlsecVerify(k, file).ok);
  });

  test('xml-crypto signatures (C14N and exclusive C14N) verify with ours', () => {
    for (const alg of [ALG.c14n, ALG.excC14n]) {
      const signed = xmlCryptoSign(unsigned(), k, alg);
      assert.equal(verify(signed, k.certPem).code, 'SIGNATURE_VALID', alg);
      assert.equal(verify(signed.replace('94170', '94171'), k.certPem).valid, false, alg);
    }
  });

  test('verification uses the registered certificate, never the embedded one', () => {
    const signedByOther = envelopeSigner(other.keyPem, other.certPem).sign(unsigned());
    // Valid on its own terms (its embedded certificate) …
    assert.equal(verify(signedByOther, other.certPem).code, 'SIGNATURE_VALID');
    // … but not against the facility's registered certificate.
    assert.equal(verify(signedByOther, k.certPem).code, 'SIGNATURE_UNTRUSTED_CERTIFICATE');
    // Swapping the embedded certificate for the registered one does not help.
    const certB64 = (pem: string): string => pem.replace(/-----[^-]+-----|\s+/g, '');
    const swapped = signedByOther.replace(certB64(other.certPem), certB64(k.certPem));
    assert.equal(verify(swapped, k.certPem).code, 'SIGNATURE_INVALID');
  });

  test('profile checks: one reference to the whole document, RSA-SHA256, SHA-256', () => {
    const signed = envelopeSigner(k.keyPem, k.certPem).sign(unsigned());
    const sha1 = signed.replace(ALG.sha256, 'http://www.w3.org/2000/09/xmldsig#sha1');
    assert.equal(verify(sha1, k.certPem).code, 'SIGNATURE_PROFILE_UNSUPPORTED');
    const idRef = signed.replace('<Reference URI="">', '<Reference URI="#x">');
    assert.equal(verify(idRef, k.certPem).code, 'SIGNATURE_PROFILE_UNSUPPORTED');
    const wrapped = signed.replace(
      '<THONGTINDONVI>',
      '<THONGTINDONVI><Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>',
    );
    assert.equal(verify(wrapped, k.certPem).code, 'SIGNATURE_MALFORMED');
  });

  test(
    'xmlsec1 verifies our signature (--pubkey-cert-pem)',
    { skip: !XMLSEC && 'xmlsec1 not installed' },
    () => {
      for (const xml of [
        unsigned(),
        readFixture('inpatient').toString('utf8'),
        syntheticEnvelope(0, 5, { facility: '92999', allTables: true }),
      ]) {
        const file = k.write('ours.xml', envelopeSigner(k.keyPem, k.certPem).sign(xml));
        const r = xmlsecVerify(k, file);
        assert.ok(r.ok, r.out);
      }
      const tampered = k.write(
        'tampered.xml',
        envelopeSigner(k.keyPem, k.certPem).sign(unsigned()).replace('94170', '94171'),
      );
      assert.equal(xmlsecVerify(k, tampered).ok, false);
    },
  );

  test(
    "xmlsec1's signatures (C14N and exclusive C14N) verify with ours",
    { skip: !XMLSEC && 'xmlsec1 not installed' },
    () => {
      for (const alg of [ALG.c14n, ALG.excC14n]) {
        for (const xml of [
          unsigned(),
          readFixture('inpatient')
            .toString('utf8')
            .replace(/^\uFEFF/, ''),
        ]) {
          const tpl = k.write('tpl.xml', template(xml, alg));
          const out = `${k.dir}/xmlsec-signed.xml`;
          execFileSync(
            'xmlsec1',
            ['--sign', '--privkey-pem', `${k.keyFile},${k.certFile}`, '--output', out, tpl],
            { stdio: 'pipe' },
          );
          const signed = execFileSync('cat', [out]);
          assert.equal(verify(signed, k.certPem).code, 'SIGNATURE_VALID', alg);
          assert.equal(verify(signed, other.certPem).valid, false);
          const tampered = Buffer.from(signed.toString('utf8').replace('<SOLUONGHOSO>1', '<SOLUONGHOSO> 1'));
          assert.equal(verify(tampered, k.certPem).code, 'SIGNATURE_DIGEST_MISMATCH', alg);
        }
      }
    },
  );
});
