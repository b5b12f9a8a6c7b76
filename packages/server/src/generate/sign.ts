import { createPrivateKey, X509Certificate } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { Signer } from './episodes.ts';

/** The field profile of ../shared/domain/xml130.md §2.5 (enveloped XMLDSig, inclusive C14N, RSA-SHA256). */
export const DSIG = {
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
} as const;

/**
 * Signs a GIAMDINHHS envelope: one `Reference URI=""` (enveloped-signature + C14N 1.0 transforms,
 * SHA-256 digest), RSA-SHA256 over the canonical SignedInfo, the certificate in KeyInfo, and the
 * `ds:Signature` appended inside the empty `<CHUKYDONVI/>` the emitter writes. xml-crypto builds a
 * DOM, which is fine here: an envelope has few elements (its tables are base64 text).
 */
export function xmlSigner(keyPem: string, certPem: string): Signer {
  const key = createPrivateKey(keyPem); // fails early on an unreadable key
  const cert = new X509Certificate(certPem);
  if (!cert.checkPrivateKey(key))
    throw new Error('--cert không khớp với khóa --sign (certificate does not match key)');
  return {
    sign(xml: string): string {
      const sig = new SignedXml({
        privateKey: keyPem,
        publicCert: certPem,
        signatureAlgorithm: DSIG.rsaSha256,
        canonicalizationAlgorithm: DSIG.c14n,
      });
      sig.addReference({
        xpath: '/*',
        uri: '',
        isEmptyUri: true,
        transforms: [DSIG.enveloped, DSIG.c14n],
        digestAlgorithm: DSIG.sha256,
      });
      sig.computeSignature(xml, {
        location: { reference: "/*/*[local-name()='CHUKYDONVI']", action: 'append' },
      });
      return sig.getSignedXml();
    },
  };
}
