/**
 * Verifies the XMLDSig captured by the scanner against a TRUSTED certificate (the sending facility's
 * registered one). The certificate embedded in KeyInfo is never trusted: it is only compared with the
 * registered one to tell "signed by someone else" from "content changed".
 *
 * Accepted profile (xml130.md §2.5): one Reference with URI="", transforms enveloped-signature and
 * optionally one canonicalisation (C14N 1.0 or exclusive C14N, without comments), digest SHA-256,
 * SignedInfo canonicalised with C14N 1.0 or exclusive C14N, signature RSA-SHA256.
 */
import { createHash, verify as rsaVerify, X509Certificate } from 'node:crypto';
import { ALG, c14nMode, DSIG_NS, type C14nMode } from './algorithms.ts';
import { C14nWriter, type C14nAttr } from './c14n.ts';
import type { CapturedElement, CapturedSignature, EnvelopeScan } from './scan.ts';

export type VerifyCode =
  | 'SIGNATURE_VALID'
  | 'SIGNATURE_PROFILE_UNSUPPORTED'
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_DIGEST_MISMATCH'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_UNTRUSTED_CERTIFICATE';

export interface VerifyResult {
  readonly valid: boolean;
  readonly code: VerifyCode;
  /** English detail for logs and error details (no personal data). */
  readonly detail: string;
  /** SHA-256 (hex) of the certificate embedded in KeyInfo, when there was one. */
  readonly embeddedCertificateSha256?: string;
}

const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

const children = (el: CapturedElement): CapturedElement[] =>
  el.children.filter((c): c is CapturedElement => typeof c !== 'string');

const ds = (el: CapturedElement, local: string): CapturedElement[] =>
  children(el).filter((c) => c.tag.uri === DSIG_NS && c.tag.local === local);

const one = (el: CapturedElement, local: string): CapturedElement | undefined => {
  const found = ds(el, local);
  return found.length === 1 ? found[0] : undefined;
};

const textOf = (el: CapturedElement): string =>
  el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

const attr = (el: CapturedElement, name: string): string | undefined =>
  Object.values(el.tag.attributes).find((a) => a.name === name && a.uri !== XMLNS_URI)?.value;

class ProfileError extends Error {
  constructor(
    readonly code: VerifyCode,
    detail: string,
  ) {
    super(detail);
  }
}

/** Canonical form of a captured subtree (the apex gets its ancestors' namespace context). */
export function canonicalSubtree(
  el: CapturedElement,
  mode: C14nMode,
  inScope: ReadonlyMap<string, string>,
  xmlAttrs: readonly C14nAttr[],
): string {
  const parts: string[] = [];
  const w = new C14nWriter(mode, (s) => parts.push(s), { inScope, xmlAttrs });
  const walk = (e: CapturedElement): void => {
    w.open(e.tag);
    for (const c of e.children) {
      if (typeof c === 'string') w.text(c);
      else walk(c);
    }
    w.close(e.tag.name);
  };
  walk(el);
  return parts.join('');
}

interface Profile {
  readonly signedInfo: CapturedElement;
  readonly signedInfoMode: C14nMode;
  readonly referenceMode: C14nMode;
  readonly digestValue: string;
  readonly signatureValue: Buffer;
  readonly embeddedCertificate?: Buffer;
}

function readProfile(sig: CapturedElement): Profile {
  const signedInfo = one(sig, 'SignedInfo');
  if (!signedInfo) throw new ProfileError('SIGNATURE_MALFORMED', 'exactly one SignedInfo expected');
  const cm = attr(one(signedInfo, 'CanonicalizationMethod') ?? signedInfo, 'Algorithm') ?? '';
  const signedInfoMode = c14nMode(cm);
  if (!signedInfoMode)
    throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', `CanonicalizationMethod ${cm}`);
  const sm = attr(one(signedInfo, 'SignatureMethod') ?? signedInfo, 'Algorithm') ?? '';
  if (sm !== ALG.rsaSha256) throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', `SignatureMethod ${sm}`);
  const refs = ds(signedInfo, 'Reference');
  if (refs.length !== 1)
    throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', `${refs.length} References (1 expected)`);
  const ref = refs[0]!;
  if (attr(ref, 'URI') !== '')
    throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', 'Reference URI must be ""');
  const transforms = ds(one(ref, 'Transforms') ?? ref, 'Transform');
  const algs = transforms.map((t) => attr(t, 'Algorithm') ?? '');
  if (transforms.some((t) => children(t).length > 0)) {
    throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', 'Transform parameters are not supported');
  }
  if (algs[0] !== ALG.enveloped || algs.length > 2) {
    throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', `Transforms ${algs.join(', ')}`);
  }
  const referenceMode = algs.length === 2 ? c14nMode(algs[1]!) : 'inclusive';
  if (!referenceMode) throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', `Transform ${algs[1] ?? ''}`);
  const dm = attr(one(ref, 'DigestMethod') ?? ref, 'Algorithm') ?? '';
  if (dm !== ALG.sha256) throw new ProfileError('SIGNATURE_PROFILE_UNSUPPORTED', `DigestMethod ${dm}`);
  const dv = one(ref, 'DigestValue');
  const sv = one(sig, 'SignatureValue');
  if (!dv || !sv) throw new ProfileError('SIGNATURE_MALFORMED', 'DigestValue or SignatureValue missing');
  const b64 = (s: string): Buffer | undefined => {
    const compact = s.replace(/\s+/g, '');
    return /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0
      ? Buffer.from(compact, 'base64')
      : undefined;
  };
  const digest = b64(textOf(dv));
  const signatureValue = b64(textOf(sv));
  if (!digest || digest.length !== 32 || !signatureValue || signatureValue.length === 0) {
    throw new ProfileError('SIGNATURE_MALFORMED', 'DigestValue or SignatureValue is not valid base64');
  }
  const keyInfo = one(sig, 'KeyInfo');
  const x509 = keyInfo ? ds(one(keyInfo, 'X509Data') ?? keyInfo, 'X509Certificate')[0] : undefined;
  const embedded = x509 ? b64(textOf(x509)) : undefined;
  return {
    signedInfo,
    signedInfoMode,
    referenceMode,
    digestValue: digest.toString('base64'),
    signatureValue,
    ...(embedded ? { embeddedCertificate: embedded } : {}),
  };
}

function inScopeOf(parent: ReadonlyMap<string, string>, el: CapturedElement): Map<string, string> {
  return new Map([...parent, ...Object.entries(el.tag.ns)]);
}

const xmlAttrsOf = (el: CapturedElement): C14nAttr[] =>
  Object.values(el.tag.attributes).filter((a) => a.uri === 'http://www.w3.org/XML/1998/namespace');

/**
 * The canonicalisation whose document digest the signature needs, when the scan did not compute it
 * (scan again with `{ modes: [mode] }` and merge the digests); undefined when nothing is missing.
 */
export function missingDigestMode(scan: EnvelopeScan): C14nMode | undefined {
  if (!scan.signature) return undefined;
  try {
    const mode = readProfile(scan.signature.element).referenceMode;
    return scan.digests[mode] === undefined ? mode : undefined;
  } catch {
    return undefined;
  }
}

/** Verifies the envelope's signature with the trusted certificate (PEM). */
export function verifyEnvelopeSignature(scan: EnvelopeScan, trustedPem: string): VerifyResult {
  const captured: CapturedSignature | undefined = scan.signature;
  if (!captured)
    return { valid: false, code: 'SIGNATURE_MALFORMED', detail: 'no ds:Signature in CHUKYDONVI' };
  if (scan.signatureAnomalies.length > 0) {
    return { valid: false, code: 'SIGNATURE_MALFORMED', detail: scan.signatureAnomalies.join('; ') };
  }
  if (scan.invalidUtf8)
    return { valid: false, code: 'SIGNATURE_MALFORMED', detail: 'invalid UTF-8 in a signed document' };
  let profile: Profile;
  try {
    profile = readProfile(captured.element);
  } catch (e) {
    if (e instanceof ProfileError) return { valid: false, code: e.code, detail: e.message };
    throw e;
  }
  const trusted = new X509Certificate(trustedPem);
  const embeddedSha =
    profile.embeddedCertificate === undefined
      ? undefined
      : createHash('sha256').update(profile.embeddedCertificate).digest('hex');
  const trustedSha = createHash('sha256').update(trusted.raw).digest('hex');
  const withCert = embeddedSha === undefined ? {} : { embeddedCertificateSha256: embeddedSha };
  const foreign = embeddedSha !== undefined && embeddedSha !== trustedSha;

  const sigScope = inScopeOf(captured.inScope, captured.element);
  const signedInfoForm = canonicalSubtree(profile.signedInfo, profile.signedInfoMode, sigScope, [
    ...xmlAttrsOf(captured.element),
    ...captured.xmlAttrs,
  ]);
  const signatureOk = rsaVerify(
    'RSA-SHA256',
    Buffer.from(signedInfoForm, 'utf8'),
    trusted.publicKey,
    profile.signatureValue,
  );
  if (!signatureOk) {
    return foreign
      ? {
          valid: false,
          code: 'SIGNATURE_UNTRUSTED_CERTIFICATE',
          detail: 'signed with a certificate that is not the facility registered one',
          ...withCert,
        }
      : {
          valid: false,
          code: 'SIGNATURE_INVALID',
          detail: 'SignatureValue does not verify with the registered certificate',
          ...withCert,
        };
  }
  const digest = scan.digests[profile.referenceMode];
  if (digest === undefined)
    throw new Error(`document digest (${profile.referenceMode} C14N) was not computed`);
  if (digest !== profile.digestValue) {
    return {
      valid: false,
      code: 'SIGNATURE_DIGEST_MISMATCH',
      detail: 'the signed content was changed after signing',
      ...withCert,
    };
  }
  return { valid: true, code: 'SIGNATURE_VALID', detail: 'ok', ...withCert };
}
