/** Algorithm identifiers of the XMLDSig profile used for CHUKYDONVI (shared/domain/xml130.md §2.5). */
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';

export const ALG = {
  /** Canonical XML 1.0 (inclusive, without comments): the profile's choice. */
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  /** Exclusive canonicalisation, accepted on input (some signers default to it). */
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
} as const;

export type C14nMode = 'inclusive' | 'exclusive';

/** Canonicalisation algorithm URI → mode (comments variants are not accepted). */
export function c14nMode(uri: string): C14nMode | undefined {
  if (uri === ALG.c14n) return 'inclusive';
  if (uri === ALG.excC14n) return 'exclusive';
  return undefined;
}
