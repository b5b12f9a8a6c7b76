/**
 * Envelope-level decisions taken after the scan and before any episode is read: the envelope's
 * header, the sender's facility, and the signature rules (the same for the API and the CLI):
 * - signed, facility certificate registered → verified against THAT certificate; any failure refuses;
 * - signed, no certificate registered → refused, unless the facility accepts unsigned files (flagged);
 * - unsigned → refused, unless the facility accepts unsigned files or an admin import says
 *   `--allow-unsigned` (flagged either way).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { makeFinding } from '@suckhoe/domain/xml130/rules/findings';
import type { Finding } from '@suckhoe/domain/xml130/index';
import type { Queryable } from '../db/types.ts';
import { getCertificatePem, getFacility } from '../facilities/repo.ts';
import { scanEnvelope, scanEnvelopeStream, type EnvelopeScan, type ScanLimits } from './dsig/scan.ts';
import { missingDigestMode, verifyEnvelopeSignature } from './dsig/verify.ts';
import { ingestFinding } from './findings.ts';
import { issue, type IngestRefusal } from './receipt.ts';
import type { EnvelopeSource } from './source.ts';

/** Who sends: an API key or user bound to a facility, or an admin (any facility). */
export interface Sender {
  readonly facilityCode: string | null;
  /** Admins (and the CLI) act for any facility. */
  readonly admin: boolean;
  readonly name: string | null;
}

export interface Accepted {
  readonly scan: EnvelopeScan;
  readonly facility: string;
  readonly signed: boolean;
  readonly signatureVerified: boolean;
  readonly certificateSha256: string | null;
  /** Warnings every episode of the envelope carries (unsigned accepted, signature not verified). */
  readonly warnings: readonly Finding[];
}

const refuse = (status: IngestRefusal['status'], f: Finding, sha256?: string): IngestRefusal => ({
  status,
  code: f.code,
  message: f.message,
  errors: [issue(f)],
  ...(sha256 === undefined ? {} : { sha256 }),
});

async function scan(
  source: EnvelopeSource,
  options: { limits?: ScanLimits; modes?: ('inclusive' | 'exclusive')[] },
): Promise<EnvelopeScan> {
  return source.bytes ? scanEnvelope(source.bytes, options) : scanEnvelopeStream(source.chunks(), options);
}

export interface PolicyOptions {
  readonly limits?: ScanLimits;
  /** Admin import: accept unsigned envelopes even when the facility does not (flagged). */
  readonly allowUnsigned?: boolean;
}

/** Scans the envelope and applies the envelope-level rules. */
export async function admitEnvelope(
  db: Queryable,
  source: EnvelopeSource,
  sender: Sender,
  options: PolicyOptions = {},
): Promise<Accepted | IngestRefusal> {
  let s = await scan(source, options.limits === undefined ? {} : { limits: options.limits });
  if (!s.ok) {
    const f = s.error!;
    return refuse(f.code === 'SIZE_LIMIT_EXCEEDED' ? 413 : 400, f, s.sha256);
  }
  const at = { table: 'GIAMDINHHS' as const };
  const h = s.header;
  if (h.macskcb.length !== 5)
    return refuse(
      422,
      makeFinding('MACSKCB_FORMAT', { ...at, field: 'MACSKCB' }, { value: h.macskcb }),
      s.sha256,
    );
  if (s.hosoCount === 0) {
    return refuse(
      422,
      makeFinding('ENVELOPE_STRUCTURE', { ...at, field: 'DANHSACHHOSO' }, { detail: 'không có HOSO nào' }),
      s.sha256,
    );
  }
  if (!/^\d+$/.test(h.soLuongHoso) || Number(h.soLuongHoso) !== s.hosoCount) {
    return refuse(
      422,
      makeFinding(
        'SOLUONGHOSO_MISMATCH',
        { ...at, field: 'SOLUONGHOSO' },
        { value: h.soLuongHoso, count: s.hosoCount },
      ),
      s.sha256,
    );
  }
  const facility = h.macskcb;
  if (!sender.admin && sender.facilityCode !== facility) {
    return refuse(
      403,
      {
        ...ingestFinding(
          'FACILITY_NOT_SENDER',
          { ...at, field: 'MACSKCB' },
          { facility, sender: sender.facilityCode ?? '—' },
        ),
        code: 'FACILITY_SCOPE_FORBIDDEN',
      },
      s.sha256,
    );
  }
  const registered = await getFacility(db, facility);
  if (!registered)
    return refuse(
      422,
      ingestFinding('FACILITY_UNKNOWN', { ...at, field: 'MACSKCB' }, { facility }),
      s.sha256,
    );
  const at2 = { ...at, field: 'CHUKYDONVI' };
  const warnings: Finding[] = [];
  if (!s.signed) {
    if (!registered.acceptUnsigned && !options.allowUnsigned) {
      return refuse(422, ingestFinding('SIGNATURE_REQUIRED', at2, { facility }), s.sha256);
    }
    warnings.push(ingestFinding('UNSIGNED_ACCEPTED', at2, { facility }));
    return { scan: s, facility, signed: false, signatureVerified: false, certificateSha256: null, warnings };
  }
  const pem = await getCertificatePem(db, facility);
  if (pem === null) {
    if (!registered.acceptUnsigned && !options.allowUnsigned) {
      return refuse(422, ingestFinding('SIGNATURE_NO_CERTIFICATE', at2, { facility }), s.sha256);
    }
    warnings.push(ingestFinding('SIGNATURE_NOT_VERIFIED', at2, { facility }));
    return { scan: s, facility, signed: true, signatureVerified: false, certificateSha256: null, warnings };
  }
  const mode = missingDigestMode(s);
  if (mode !== undefined) {
    const again = await scan(source, {
      ...(options.limits === undefined ? {} : { limits: options.limits }),
      modes: [mode],
    });
    s = { ...s, digests: { ...s.digests, ...again.digests } };
  }
  const v = verifyEnvelopeSignature(s, pem);
  if (!v.valid) {
    const code = v.code === 'SIGNATURE_VALID' ? 'SIGNATURE_INVALID' : v.code;
    return refuse(422, ingestFinding(code, at2, { facility, detail: v.detail }), s.sha256);
  }
  const certSha = createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
  return { scan: s, facility, signed: true, signatureVerified: true, certificateSha256: certSha, warnings };
}
