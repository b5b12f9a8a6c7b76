/**
 * Export of a stored episode as a GIAMDINHHS envelope: the domain emitter writes every element of
 * every table in table order (base64 inner documents), and the envelope is signed when a key is
 * configured (`XML_SIGNING_KEY_FILE` + `XML_SIGNING_CERT_FILE` for the API, `--sign/--cert` for the CLI).
 */
import { readFileSync } from 'node:fs';
import { emitEnvelope } from '@suckhoe/domain/xml130/index';
import { envelopeSigner, type EnvelopeSigner } from '../ingest/dsig/sign.ts';
import type { StoredEpisode } from './read.ts';

/** Today in Vietnam as yyyyMMdd (NGAYLAP). */
export function ngayLapToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
}

export function exportEnvelope(
  episode: StoredEpisode,
  signer?: EnvelopeSigner,
  ngayLap = ngayLapToday(),
): string {
  const xml = emitEnvelope({ macskcb: episode.facilityCode, ngayLap, hoso: [{ tables: episode.tables }] });
  return signer ? signer.sign(xml) : xml;
}

/** The signer configured by files (PEM private key and certificate), or undefined. */
export function signerFromFiles(
  keyFile: string | undefined,
  certFile: string | undefined,
): EnvelopeSigner | undefined {
  if (!keyFile && !certFile) return undefined;
  if (!keyFile || !certFile) {
    throw new Error(
      'XML signing needs both a private key and a certificate (XML_SIGNING_KEY_FILE + XML_SIGNING_CERT_FILE)',
    );
  }
  return envelopeSigner(readFileSync(keyFile, 'utf8'), readFileSync(certFile, 'utf8'));
}

/** The API's signer, from the environment. */
export function signerFromEnv(env: NodeJS.ProcessEnv = process.env): EnvelopeSigner | undefined {
  return signerFromFiles(env.XML_SIGNING_KEY_FILE || undefined, env.XML_SIGNING_CERT_FILE || undefined);
}
