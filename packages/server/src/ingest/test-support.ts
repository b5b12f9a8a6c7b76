/**
 * Helpers for the ingest and export tests (imported by *.test.ts only): facilities with keys and
 * certificates, throw-away RSA key pairs (openssl), row counts of everything ingest may touch, a
 * database with one unsigned-accepting facility and an admin import into it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import assert from 'node:assert/strict';
import type { Db, Engine, Queryable } from '../db/types.ts';
import { migratedTestDb, type TestDb } from '../testing/engines.ts';
import { createApiKey } from '../auth/api-keys.ts';
import { insertFacilities, setCertificate } from '../facilities/repo.ts';
import { ingestEnvelope, isRefusal, type IngestOptions } from './pipeline.ts';
import type { IngestReceipt } from './receipt.ts';
import { bufferSource } from './source.ts';

export interface KeyPair {
  readonly keyPem: string;
  readonly certPem: string;
  readonly keyFile: string;
  readonly certFile: string;
  readonly dir: string;
  write(name: string, content: string | Uint8Array): string;
  cleanup(): void;
}

/** A fresh RSA-2048 key and self-signed certificate (openssl), in a temporary directory. */
export function keyPair(cn = 'Benh vien test'): KeyPair {
  const dir = mkdtempSync(join(tmpdir(), 'xml130-key-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      `/CN=${cn}/O=SYT Can Tho`,
    ],
    { stdio: 'ignore' },
  );
  return {
    keyPem: readFileSync(keyFile, 'utf8'),
    certPem: readFileSync(certFile, 'utf8'),
    keyFile,
    certFile,
    dir,
    write(name, content) {
      const f = join(dir, name);
      writeFileSync(f, content);
      return f;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function xmlsec1Available(): boolean {
  return spawnSync('xmlsec1', ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface FacilitySetup {
  readonly code: string;
  readonly acceptUnsigned?: boolean;
  readonly certPem?: string;
}

/** Registers facilities (with a certificate when given). */
export async function addFacilities(db: Queryable, list: readonly FacilitySetup[]): Promise<void> {
  await insertFacilities(
    db,
    list.map((f) => ({
      code: f.code,
      name: `Cơ sở thử nghiệm ${f.code}`,
      level: 'provincial_hospital' as const,
      provinceCode: f.code.slice(0, 2),
      acceptUnsigned: f.acceptUnsigned ?? false,
    })),
  );
  for (const f of list) {
    if (f.certPem) {
      const sha = new X509Certificate(f.certPem).fingerprint256.replace(/:/g, '').toLowerCase();
      await setCertificate(db, f.code, f.certPem, sha);
    }
  }
}

/** The facility of `ingestTestDb`: it accepts unsigned envelopes. */
export const TEST_FACILITY = '92999';
/** An administrator importing envelopes (no facility of its own). */
export const ADMIN_SENDER = { facilityCode: null, admin: true, name: 'test' };

/** A migrated test database with `TEST_FACILITY` registered. */
export async function ingestTestDb(engine: Engine): Promise<TestDb> {
  const t = await migratedTestDb(engine);
  await addFacilities(t.db, [{ code: TEST_FACILITY, acceptUnsigned: true }]);
  return t;
}

/** Imports `xml` as `ADMIN_SENDER` (`options` added); the envelope must not be refused. */
export async function adminImport(
  db: Db,
  xml: string,
  options: Partial<Omit<IngestOptions, 'db' | 'sender' | 'source'>> = {},
): Promise<IngestReceipt> {
  const r = await ingestEnvelope(bufferSource(Buffer.from(xml)), {
    db,
    sender: ADMIN_SENDER,
    source: 'import',
    ...options,
  });
  assert.ok(!isRefusal(r), JSON.stringify(r));
  return r;
}

export async function apiKeyFor(db: Queryable, code: string): Promise<string> {
  return (await createApiKey(db, code, 'test', 'HIS test')).apiKey;
}

export const INGEST_TABLES = [
  'xml_envelope',
  'xml_envelope_part',
  'episode',
  'episode_drug',
  'episode_service',
  'episode_lab',
  'episode_note',
  'episode_document',
  'episode_finding',
  'ingest_person_review',
  'person',
  'person_identifier',
] as const;

/** Row count of every table ingest may write. */
export async function rowCounts(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of INGEST_TABLES) {
    const [r] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    out[t] = r?.n ?? 0;
  }
  return out;
}

/** Empty required fields of the real samples, and the value the "repaired" variants give them. */
const REPAIRS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  XML2: { HAM_LUONG: '1', DUONG_DUNG: '1.01' },
  XML4: { TEN_CHI_SO: 'Chỉ số' },
  XML9: { GHI_CHU: 'Không' },
};

/**
 * A real sample with the empty required fields the domain rejects filled in, inside the base64 inner
 * documents; every other byte (BOM, declarations, CDATA, comma decimals, layout) stays as it was.
 */
export function patchInner(envelope: Buffer): Buffer {
  const text = envelope.toString('latin1'); // byte-preserving; the envelope outside payloads is ASCII
  const out = text.replace(
    /(<LOAIHOSO>(XML\d+)<\/LOAIHOSO>\s*<NOIDUNGFILE>)([^<]*)(<\/NOIDUNGFILE>)/g,
    (whole: string, head: string, table: string, b64: string, tail: string) => {
      const fields = REPAIRS[table];
      if (!fields) return whole;
      let inner = Buffer.from(b64, 'base64').toString('utf8');
      for (const [field, value] of Object.entries(fields)) {
        const empty = new RegExp(
          `<${field}\\s*/>|<${field}>\\s*</${field}>|<${field}><!\\[CDATA\\[\\s*\\]\\]></${field}>`,
          'g',
        );
        inner = inner.replace(empty, `<${field}>${value}</${field}>`);
      }
      return `${head}${Buffer.from(inner, 'utf8').toString('base64')}${tail}`;
    },
  );
  return Buffer.from(out, 'latin1');
}
