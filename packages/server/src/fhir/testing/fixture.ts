/**
 * A small province for the health-book and FHIR tests: two facilities (HOME accepts unsigned XML),
 * a clinician and an HIS API key at HOME, helpers to put persons in HOME's care, to ingest
 * synthetic or real XML 130 envelopes through the ingest pipeline, and to import FHIR Bundles.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Bundle } from '@medplum/fhirtypes';
import type { Engine } from '../../db/types.ts';
import { testPlatform, type TestPlatform } from '../../testing/platform.ts';
import { insertFacilities } from '../../facilities/repo.ts';
import { createUser } from '../../auth/users.ts';
import { createApiKey } from '../../auth/api-keys.ts';
import { startCare } from '../../auth/care.ts';
import { ingestEnvelope, isRefusal } from '../../ingest/pipeline.ts';
import { bufferSource } from '../../ingest/source.ts';

export const HOME = '92001';
export const OTHER = '92002';
export const PASSWORD = 'fhir-test-password';

export type Caller = Record<string, string>;

export interface FhirFixture {
  p: TestPlatform;
  clinician: Caller;
  his: Caller;
  admin: Caller;
  otherClinician: Caller;
  inject(opts: InjectOptions & { as?: Caller }): Promise<LightMyRequestResponse>;
  /** GET as `as` (default clinician), parsed JSON; throws on a non-2xx status unless `expect` is given. */
  get<T = unknown>(url: string, as?: Caller, expect?: number): Promise<T>;
  careFor(personIds: readonly string[], facility?: string): Promise<void>;
  /** Ingest an envelope (unsigned, as an admin import); returns the person ids of the accepted episodes. */
  ingest(xml: string | Buffer): Promise<string[]>;
  /** POST a Bundle (or raw text) to /fhir/R4 as `as` (default the HIS key): the response, whatever its status. */
  postFhir(payload: object | string, as?: Caller): Promise<LightMyRequestResponse>;
  /** `postFhir`, and the response Bundle; throws unless 200. */
  postBundle(b: Bundle, as?: Caller): Promise<Bundle>;
  citizen(personId: string, personalId: string): Promise<Caller>;
  dispose(): Promise<void>;
}

/** A transaction Bundle of these entries. */
export const transaction = (entry: readonly object[]) => ({
  resourceType: 'Bundle',
  type: 'transaction',
  entry,
});

export async function fhirFixture(engine: Engine): Promise<FhirFixture> {
  const p = await testPlatform(engine);
  await insertFacilities(p.db, [
    {
      code: HOME,
      name: 'Bệnh viện Đa khoa Thành phố Cần Thơ',
      level: 'provincial_hospital',
      provinceCode: '92',
      acceptUnsigned: true,
    },
    {
      code: OTHER,
      name: 'Trung tâm Y tế khu vực Ninh Kiều',
      level: 'district_centre',
      provinceCode: '92',
      acceptUnsigned: true,
    },
    {
      code: '94170',
      name: 'Bệnh viện (mẫu hồ sơ thật, đã ẩn danh)',
      level: 'provincial_hospital',
      provinceCode: '94',
      acceptUnsigned: true,
    },
  ]);
  await createUser(p.db, {
    username: 'bs-fhir',
    fullName: 'BS Nguyễn Văn Khoa',
    password: PASSWORD,
    roles: ['clinician'],
    facilityCode: HOME,
  });
  await createUser(p.db, {
    username: 'bs-other',
    fullName: 'BS Trần Thị Hoa',
    password: PASSWORD,
    roles: ['clinician'],
    facilityCode: OTHER,
  });
  const key = await createApiKey(p.db, HOME, 'fixture', 'HIS');
  const clinician = { authorization: await p.login('bs-fhir', PASSWORD) };
  const otherClinician = { authorization: await p.login('bs-other', PASSWORD) };
  const admin = { authorization: await p.login() };
  const his = { 'x-api-key': key.apiKey };
  const inject = ({ as, headers, ...opts }: InjectOptions & { as?: Caller }) =>
    p.app.inject({ ...opts, headers: { ...(headers ?? {}), ...(as ?? {}) } } as InjectOptions);
  const postFhir = (payload: object | string, as: Caller = his) =>
    inject({
      method: 'POST',
      url: '/fhir/R4',
      as,
      headers: { 'content-type': 'application/fhir+json' },
      payload,
    });
  return {
    p,
    clinician,
    his,
    admin,
    otherClinician,
    inject,
    async get<T>(url: string, as: Caller = clinician, expect?: number): Promise<T> {
      const r = await inject({ url, as });
      if (expect !== undefined ? r.statusCode !== expect : r.statusCode >= 300) {
        throw new Error(`GET ${url} → ${r.statusCode} ${r.body.slice(0, 500)}`);
      }
      return r.json<T>();
    },
    async careFor(personIds, facility = HOME) {
      for (const id of personIds) await startCare(p.db, id, facility, 'test');
    },
    async ingest(xml) {
      const receipt = await ingestEnvelope(bufferSource(Buffer.isBuffer(xml) ? xml : Buffer.from(xml)), {
        db: p.db,
        sender: { facilityCode: null, admin: true, name: 'test' },
        source: 'import',
        allowUnsigned: true,
      });
      if (isRefusal(receipt)) throw new Error(`ingest refused: ${JSON.stringify(receipt).slice(0, 300)}`);
      const rejected = receipt.results.filter((r) => r.status !== 'accepted');
      if (rejected.length) throw new Error(`ingest rejected: ${JSON.stringify(rejected[0]).slice(0, 500)}`);
      return [...new Set(receipt.results.flatMap((r) => (r.personId ? [r.personId] : [])))];
    },
    postFhir,
    async postBundle(b, as = his) {
      const r = await postFhir(b, as);
      if (r.statusCode !== 200) throw new Error(`POST bundle → ${r.statusCode} ${r.body.slice(0, 500)}`);
      return r.json<Bundle>();
    },
    async citizen(personId, personalId) {
      await createUser(p.db, {
        username: personalId,
        fullName: 'Người dân',
        password: PASSWORD,
        roles: ['citizen'],
        personId,
      });
      return { authorization: await p.login(personalId, PASSWORD) };
    },
    dispose: () => p.dispose(),
  };
}
