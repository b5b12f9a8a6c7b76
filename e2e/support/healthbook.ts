/**
 * Seeding the health-book browser tests through the real API: XML 130 episodes (generated from the
 * real redacted samples' lines, re-addressed to a demo citizen) posted to POST /api/v1/xml130, and
 * a FHIR transaction with history the XML does not carry (allergy, immunisations, blood group,
 * height, smoking status).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { emitEnvelope, type Hoso } from '@suckhoe/domain/xml130/index';
import { syntheticHoso } from '../../packages/server/src/ingest/synthetic.ts';
import { apiSession, DEMO_PASSWORD, type Session } from './checkin.ts';
import type { RunningServer } from './server.ts';

export interface DemoCitizen {
  username: string;
  personId: string;
  fullName: string;
  personalId: string;
  birthDate: string;
  sex: 'male' | 'female' | 'unknown';
  session: Session;
}

/** The demo citizen printed in the server log at first start (username = personal ID). */
export async function demoCitizen(server: RunningServer): Promise<DemoCitizen> {
  const log = readFileSync(server.logFile, 'utf8');
  const m = /người dân (\d{12})/.exec(log);
  if (!m?.[1]) throw new Error('the demo citizen is not in the server log');
  const session = await apiSession(server.baseUrl, m[1], DEMO_PASSWORD);
  const me = (await (
    await fetch(`${server.baseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    })
  ).json()) as {
    personId: string;
  };
  const book = (await (
    await fetch(`${server.baseUrl}/api/v1/persons/${me.personId}/health-book`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    })
  ).json()) as {
    administrative: {
      fullName: string;
      personalId: string;
      birthDate: string;
      sex: 'male' | 'female' | 'unknown';
    };
  };
  return { username: m[1], personId: me.personId, session, ...book.administrative };
}

const IDENTITY: Record<string, (c: DemoCitizen) => string> = {
  HO_TEN: (c) => c.fullName.toUpperCase(),
  SO_CCCD: (c) => c.personalId,
  NGAY_SINH: (c) => `${c.birthDate.replace(/-/g, '')}0000`.slice(0, 12),
  GIOI_TINH: (c) => (c.sex === 'male' ? '1' : c.sex === 'female' ? '2' : '3'),
};

/** `count` generated episodes at `facility` for the citizen (one with every table: referral, papers). */
export function citizenEnvelope(c: DemoCitizen, facility: string, count: number): string {
  const hoso: Hoso[] = [];
  for (let i = 0; i < count; i++) {
    const h = syntheticHoso(i, {
      facility,
      patients: 1,
      prefix: 'E2E',
      seed: 11,
      allTables: i === count - 1,
    });
    for (const records of Object.values(h.tables) as unknown as Record<string, string>[][]) {
      for (const r of records) {
        for (const [field, value] of Object.entries(IDENTITY)) if (field in r) r[field] = value(c);
        if ('MA_THE_BHYT' in r) delete r.MA_THE_BHYT;
        if ('MA_BN' in r) r.MA_BN = 'BN-E2E-0001';
      }
    }
    hoso.push(h);
  }
  return emitEnvelope({ macskcb: facility, ngayLap: '20260320', hoso });
}

export async function postXml(
  baseUrl: string,
  token: string,
  xml: string,
): Promise<{ accepted: number; rejected: number; results: unknown[] }> {
  const res = await fetch(`${baseUrl}/api/v1/xml130`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` },
    body: xml,
  });
  if (!res.ok) throw new Error(`POST /api/v1/xml130 → ${String(res.status)} ${await res.text()}`);
  return (await res.json()) as { accepted: number; rejected: number; results: unknown[] };
}

/** History the XML 130 tables do not carry, as a FHIR transaction for the citizen. */
export function historyBundle(personId: string, facility: string): unknown {
  const patient = { reference: `Patient/${personId}` };
  const entry = (resource: Record<string, unknown>) => ({
    resource,
    request: { method: 'POST', url: resource.resourceType },
  });
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      entry({
        resourceType: 'AllergyIntolerance',
        clinicalStatus: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' },
          ],
        },
        category: ['medication'],
        criticality: 'high',
        code: { text: 'Penicillin' },
        reaction: [{ manifestation: [{ text: 'Nổi mề đay' }], severity: 'moderate' }],
        patient,
        recordedDate: '2019-04-02',
      }),
      entry({
        resourceType: 'Immunization',
        status: 'completed',
        vaccineCode: {
          coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '213' }],
          text: 'Vắc xin COVID-19 (mũi 3)',
        },
        patient,
        occurrenceDateTime: '2022-03-15',
        protocolApplied: [{ doseNumberPositiveInt: 3 }],
        performer: [{ actor: { reference: `Organization/${facility}` } }],
      }),
      entry({
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
            ],
          },
        ],
        code: {
          coding: [{ system: 'http://loinc.org', code: '882-1', display: 'ABO and Rh group' }],
          text: 'Nhóm máu',
        },
        subject: patient,
        effectiveDateTime: '2020-01-10',
        valueCodeableConcept: { text: 'O Rh+' },
      }),
      entry({
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
            ],
          },
        ],
        code: {
          coding: [{ system: 'http://loinc.org', code: '8302-2', display: 'Body height' }],
          text: 'Chiều cao',
        },
        subject: patient,
        effectiveDateTime: '2025-06-01',
        valueQuantity: { value: 162, unit: 'cm', system: 'http://unitsofmeasure.org', code: 'cm' },
      }),
      entry({
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/observation-category',
                code: 'social-history',
              },
            ],
          },
        ],
        code: {
          coding: [{ system: 'http://loinc.org', code: '72166-2', display: 'Tobacco smoking status' }],
        },
        subject: patient,
        effectiveDateTime: '2025-06-01',
        valueCodeableConcept: { text: 'Không hút thuốc' },
      }),
    ],
  };
}

export async function postFhir(baseUrl: string, token: string, bundle: unknown): Promise<void> {
  const res = await fetch(`${baseUrl}/fhir/R4`, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${token}` },
    body: JSON.stringify(bundle),
  });
  if (!res.ok) throw new Error(`POST /fhir/R4 → ${String(res.status)} ${await res.text()}`);
}

/**
 * The demo citizen with a health book to read: `episodes` XML 130 episodes at `facility` and the FHIR
 * history, both sent as the admin (every episode must be accepted).
 */
export async function seedCitizenBook(
  server: RunningServer,
  facility: string,
  episodes: number,
): Promise<DemoCitizen> {
  const admin = await apiSession(server.baseUrl, 'admin', server.adminPassword);
  const citizen = await demoCitizen(server);
  const receipt = await postXml(
    server.baseUrl,
    admin.accessToken,
    citizenEnvelope(citizen, facility, episodes),
  );
  assert.equal(receipt.accepted, episodes);
  await postFhir(server.baseUrl, admin.accessToken, historyBundle(citizen.personId, facility));
  return citizen;
}
