import { X509Certificate } from 'node:crypto';
import type { SynthFacility, SynthPersonRecord } from '@suckhoe/domain';
import type { Db } from '../db/types.ts';
import { insertFacilities, setCertificate } from '../facilities/repo.ts';
import { insertPersons } from '../persons/repo.ts';
import { toFacilityInput, toPersonInput } from './records.ts';

/** Persons per transaction: `insertPersons` splits it further into 400-row multi-row INSERTs. */
export const LOAD_BATCH = 2000;

/**
 * Insert the facilities the database does not have yet (codes already present are kept as they
 * are). With a certificate (the one `--sign` uses), register it for each facility inserted, so that
 * the signed envelopes verify against "their" facility certificate on import.
 */
export async function loadFacilities(
  db: Db,
  facilities: readonly SynthFacility[],
  certificatePem?: string,
): Promise<number> {
  const codes = facilities.map((f) => f.code);
  const existing = new Set(
    (await db.query<{ code: string }>('SELECT code FROM facility WHERE code = ANY($1::text[])', [codes])).map(
      (r) => r.code,
    ),
  );
  const missing = facilities.filter((f) => !existing.has(f.code));
  // Generated provinces are test data: accept unsigned envelopes from their facilities.
  const cert = certificatePem ? new X509Certificate(certificatePem) : null;
  await db.transaction(async (tx) => {
    await insertFacilities(
      tx,
      missing.map((f) => toFacilityInput(f, true)),
    );
    if (cert) {
      const sha = cert.fingerprint256.replace(/:/g, '').toLowerCase();
      for (const f of missing) await setCertificate(tx, f.code, cert.toString(), sha);
    }
  });
  return missing.length;
}

/** Refuse to load the same generated persons twice (their ids and personal IDs are fixed by the seed). */
export async function assertNotLoaded(db: Db, first: SynthPersonRecord | undefined): Promise<void> {
  if (!first) return;
  const rows = await db.query('SELECT 1 FROM person WHERE id = $1::uuid OR personal_id = $2', [
    first.id,
    first.personalId,
  ]);
  if (rows.length > 0) {
    throw new Error(
      'Cơ sở dữ liệu đã có dân số sinh từ seed này (the database already holds persons of this seed): ' +
        'dùng DATA_DIR hoặc DATABASE_URL mới, hoặc seed khác.',
    );
  }
}

/** Buffers persons and inserts them in batches, one transaction per batch. */
export class PersonLoader {
  private buffer: SynthPersonRecord[] = [];
  loaded = 0;

  constructor(
    private readonly db: Db,
    private readonly batchSize = LOAD_BATCH,
  ) {}

  async add(p: SynthPersonRecord): Promise<void> {
    this.buffer.push(p);
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer.map(toPersonInput);
    this.buffer = [];
    await this.db.transaction((tx) => insertPersons(tx, batch));
    this.loaded += batch.length;
  }
}
