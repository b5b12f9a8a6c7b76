/**
 * Signs a GIAMDINHHS envelope with the profile of xml130.md §2.5: an enveloped XMLDSig appended
 * inside CHUKYDONVI, one Reference URI="" (enveloped-signature + C14N 1.0), SHA-256 digest,
 * SignedInfo canonicalised with C14N 1.0, RSA-SHA256, the certificate in KeyInfo/X509Data.
 *
 * The digest is computed with the same streaming canonicaliser the verifier uses; xmlsec1 and
 * xml-crypto check the result in the tests (dsig.test.ts).
 */
import { createPrivateKey, sign as rsaSign, X509Certificate, type KeyObject } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { ALG, DSIG_NS } from './algorithms.ts';
import { scanEnvelope, scanEnvelopeStream } from './scan.ts';
import { canonicalSubtree } from './verify.ts';
import type { CapturedElement } from './scan.ts';

export interface EnvelopeSigner {
  /** Returns the signed document (the input must have an empty CHUKYDONVI). */
  sign(xml: string): string;
  /**
   * The serialised `ds:Signature` for a document whose enveloped digest (C14N 1.0, SHA-256, base64)
   * is `digest`, the root element declaring `rootNamespaces` (for streaming big files).
   */
  signatureFor(digest: string, rootNamespaces: ReadonlyMap<string, string>): string;
  /** SHA-256 (hex) of the signing certificate. */
  readonly certificateSha256: string;
}

const EMPTY_CHUKY = /<CHUKYDONVI\s*\/>|<CHUKYDONVI>\s*<\/CHUKYDONVI>/;

function el(
  local: string,
  attributes: Record<string, string>,
  kids: (CapturedElement | string)[],
  ns?: Record<string, string>,
): CapturedElement {
  const attrs = Object.fromEntries(
    Object.entries(attributes).map(([k, v]) => [k, { name: k, prefix: '', local: k, uri: '', value: v }]),
  );
  return {
    tag: { name: local, prefix: '', local, uri: DSIG_NS, ns: ns ?? {}, attributes: attrs },
    children: kids,
  };
}

function serialise(e: CapturedElement): string {
  const ns = Object.entries(e.tag.ns).map(([p, u]) => (p === '' ? ` xmlns="${u}"` : ` xmlns:${p}="${u}"`));
  const attrs = Object.values(e.tag.attributes).map((a) => ` ${a.name}="${a.value}"`);
  const inner = e.children.map((c) => (typeof c === 'string' ? c : serialise(c))).join('');
  return `<${e.tag.name}${ns.join('')}${attrs.join('')}>${inner}</${e.tag.name}>`;
}

/** The namespaces declared on the envelope's root start tag (they are in scope at SignedInfo). */
export function rootNamespaces(xml: string): Map<string, string> {
  const start = /<GIAMDINHHS\b([^>]*)>/.exec(xml);
  const out = new Map<string, string>();
  for (const m of (start?.[1] ?? '').matchAll(
    /\sxmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*("([^"]*)"|'([^']*)')/g,
  )) {
    out.set(m[1] ?? '', m[3] ?? m[4] ?? '');
  }
  return out;
}

export function envelopeSigner(keyPem: string, certPem: string): EnvelopeSigner {
  const key: KeyObject = createPrivateKey(keyPem);
  const cert = new X509Certificate(certPem);
  if (!cert.checkPrivateKey(key)) throw new Error('the certificate does not match the private key');
  if (key.asymmetricKeyType !== 'rsa') throw new Error('only RSA keys are supported (RSA-SHA256)');
  const certB64 = cert.raw.toString('base64');
  const signatureFor = (digest: string, rootNs: ReadonlyMap<string, string>): string => {
    const signedInfo = el('SignedInfo', {}, [
      el('CanonicalizationMethod', { Algorithm: ALG.c14n }, []),
      el('SignatureMethod', { Algorithm: ALG.rsaSha256 }, []),
      el('Reference', { URI: '' }, [
        el('Transforms', {}, [
          el('Transform', { Algorithm: ALG.enveloped }, []),
          el('Transform', { Algorithm: ALG.c14n }, []),
        ]),
        el('DigestMethod', { Algorithm: ALG.sha256 }, []),
        el('DigestValue', {}, [digest]),
      ]),
    ]);
    const scope = new Map(rootNs);
    scope.set('', DSIG_NS);
    const form = canonicalSubtree(signedInfo, 'inclusive', scope, []);
    const value = rsaSign('RSA-SHA256', Buffer.from(form, 'utf8'), key).toString('base64');
    return serialise(
      el(
        'Signature',
        {},
        [
          signedInfo,
          el('SignatureValue', {}, [value]),
          el('KeyInfo', {}, [el('X509Data', {}, [el('X509Certificate', {}, [certB64])])]),
        ],
        { '': DSIG_NS },
      ),
    );
  };
  return {
    certificateSha256: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
    signatureFor,
    sign(xml: string): string {
      const m = lastEmptyChukydonvi(xml);
      if (m === undefined) throw new Error('the envelope must end with an empty <CHUKYDONVI/>');
      const scan = scanEnvelope(Buffer.from(xml, 'utf8'));
      const digest = scan.digests.inclusive;
      if (!scan.ok || digest === undefined)
        throw new Error(`cannot sign an invalid envelope: ${scan.error?.message ?? ''}`);
      const signature = signatureFor(digest, rootNamespaces(xml));
      return `${xml.slice(0, m.index)}<CHUKYDONVI>${signature}</CHUKYDONVI>${xml.slice(m.index + m.length)}`;
    },
  };
}

/** Position of the last empty CHUKYDONVI (the envelope's own, after DANHSACHHOSO). */
function lastEmptyChukydonvi(xml: string): { index: number; length: number } | undefined {
  let found: { index: number; length: number } | undefined;
  for (const m of xml.matchAll(new RegExp(EMPTY_CHUKY.source, 'g')))
    found = { index: m.index, length: m[0].length };
  return found;
}

/**
 * Signs an envelope file in place without holding it in memory: one streaming scan for the digest,
 * then the empty CHUKYDONVI at its end is replaced by the signature.
 */
export async function signEnvelopeFile(path: string, signer: EnvelopeSigner): Promise<void> {
  const scan = await scanEnvelopeStream(
    createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>,
  );
  const digest = scan.digests.inclusive;
  if (!scan.ok || digest === undefined)
    throw new Error(`cannot sign an invalid envelope: ${scan.error?.message ?? ''}`);
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 4096);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    const m = lastEmptyChukydonvi(tail.toString('latin1'));
    if (m === undefined) throw new Error('the envelope must end with an empty <CHUKYDONVI/>');
    const head = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, head, 0, head.length, 0);
    const rest = tail.subarray(m.index + m.length);
    const signed = Buffer.from(
      `<CHUKYDONVI>${signer.signatureFor(digest, rootNamespaces(head.toString('utf8')))}</CHUKYDONVI>`,
    );
    const at = size - tailLength + m.index;
    ftruncateSync(fd, at);
    writeSync(fd, Buffer.concat([signed, rest]), 0, signed.length + rest.length, at);
  } finally {
    closeSync(fd);
  }
}
