import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { engines } from '../testing/engines.ts';
import { startCare } from '../auth/care.ts';
import { ingestEnvelope, isRefusal } from '../ingest/pipeline.ts';
import { bufferSource } from '../ingest/source.ts';
import { syntheticEnvelope } from '../ingest/synthetic.ts';
import type { Db } from '../db/types.ts';
import {
  HOME,
  OTHER,
  REASON,
  securityFixture,
  type Caller,
  type PersonRef,
  type SecurityFixture,
} from './fixtures.ts';

/**
 * FHIR searches are filtered by the care rules, not only reads: for every searchable type carrying a
 * person's data, a caller without a care relationship (and no break-glass reason) gets none of another
 * person's resources — whether the person is named (`patient`, `_id`), reached through an identifier
 * chain (`patient.identifier`), mixed with a readable person, or searched by name or birth date.
 */
const PERSON_TYPES = [
  'Encounter',
  'Condition',
  'MedicationRequest',
  'Procedure',
  'Observation',
  'DiagnosticReport',
  'Immunization',
  'AllergyIntolerance',
  'ServiceRequest',
  'Appointment',
  'DocumentReference',
  'Device',
  'FamilyMemberHistory',
] as const;

/** One resource of each importable type for `who`, with ids ending in `-{tag}`. */
function resourcesFor(who: PersonRef, tag: string): { resource: Record<string, unknown>; url: string }[] {
  const subject = { reference: `Patient/${who.id}` };
  const r = (type: string, body: Record<string, unknown>) => ({
    resource: { resourceType: type, id: `${type.toLowerCase()}-${tag}`, ...body },
    url: `${type}/${type.toLowerCase()}-${tag}`,
  });
  return [
    r('Encounter', {
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject,
      period: { start: '2026-01-05T08:00:00+07:00', end: '2026-01-05T09:00:00+07:00' },
    }),
    r('Condition', { code: { text: 'Tăng huyết áp' }, subject }),
    r('Observation', {
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }] },
      subject,
      effectiveDateTime: '2026-01-05T08:30:00+07:00',
      valueQuantity: { value: 130, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    }),
    r('Immunization', {
      status: 'completed',
      vaccineCode: { text: 'BCG' },
      patient: subject,
      occurrenceDateTime: '2020-01-01',
    }),
    r('AllergyIntolerance', { code: { text: 'Penicillin' }, patient: subject }),
    r('MedicationRequest', {
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: { text: 'Amlodipin 5 mg' },
      subject,
    }),
    r('Procedure', { status: 'completed', code: { text: 'Khâu vết thương' }, subject }),
    r('DocumentReference', {
      status: 'current',
      content: [
        { attachment: { contentType: 'text/plain', data: Buffer.from('ghi chú').toString('base64') } },
      ],
      subject,
    }),
    r('Device', { patient: subject, type: { text: 'Máy tạo nhịp tim' } }),
    r('FamilyMemberHistory', {
      status: 'completed',
      patient: subject,
      relationship: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'MTH' }],
      },
      condition: [{ code: { text: 'Đái tháo đường' } }],
    }),
  ];
}

/** Ingest a synthetic XML 130 episode (every table) at `facility`; its patient depends on `seed`. */
async function xml130Person(db: Db, facility: string, prefix: string, seed: number): Promise<PersonRef> {
  const receipt = await ingestEnvelope(
    bufferSource(Buffer.from(syntheticEnvelope(0, 1, { facility, seed, prefix, allTables: true }))),
    { db, sender: { facilityCode: null, admin: true, name: 'test' }, source: 'import', allowUnsigned: true },
  );
  if (isRefusal(receipt)) throw new Error(`ingest refused: ${JSON.stringify(receipt).slice(0, 300)}`);
  const id = receipt.results[0]?.personId;
  assert.ok(id, JSON.stringify(receipt.results).slice(0, 500));
  const [p] = await db.query<{ personal_id: string; full_name: string }>(
    'SELECT personal_id, full_name FROM person WHERE id = $1::uuid',
    [id],
  );
  return { id, personalId: p!.personal_id, fullName: p!.full_name };
}

interface Bundle {
  resourceType: string;
  total?: number;
  entry?: { resource?: { resourceType: string; id?: string } }[];
}

for (const engine of engines()) {
  describe(`FHIR searches are filtered by the care rules [${engine}]`, () => {
    let f: SecurityFixture;
    /** Types the patient (in care at HOME) has a stored resource of: the searches must find those. */
    const stored = new Set<string>();
    /** XML 130 episodes (every table): `away` at OTHER only, `ward` at HOME and in its care. */
    let away: PersonRef;
    let ward: PersonRef;
    /** Ids of `away`'s resources by type (through an admin's break-glass $everything). */
    const awayIds = new Map<string, string>();
    before(async () => {
      f = await securityFixture(engine);
      away = await xml130Person(f.p.db, OTHER, 'AWAY', 3);
      ward = await xml130Person(f.p.db, HOME, 'WARD', 7);
      assert.notEqual(away.id, ward.id);
      await startCare(f.p.db, ward.id, HOME, 'test');
      const all = await f.inject({
        method: 'GET',
        url: `/fhir/R4/Patient/${away.id}/$everything`,
        as: f.as.admin,
        headers: { 'x-break-glass-reason': REASON },
      });
      assert.equal(all.statusCode, 200, all.body);
      for (const e of all.json<Bundle>().entry ?? []) {
        const r = e.resource;
        if (r?.id && !awayIds.has(r.resourceType)) awayIds.set(r.resourceType, r.id);
      }
      for (const t of ['DiagnosticReport', 'ServiceRequest', 'Appointment', 'Encounter', 'MedicationRequest'])
        assert.ok(awayIds.has(t), `no ${t} in the XML 130 episode: ${[...awayIds.keys()].join()}`);
      const entries = [...resourcesFor(f.patient, 'patient'), ...resourcesFor(f.stranger, 'stranger')];
      const r = await f.inject({
        method: 'POST',
        url: '/fhir/R4',
        as: f.as.admin,
        headers: { 'content-type': 'application/fhir+json' },
        payload: {
          resourceType: 'Bundle',
          type: 'batch',
          entry: entries.map((e) => ({ resource: e.resource, request: { method: 'PUT', url: e.url } })),
        },
      });
      assert.equal(r.statusCode, 200, r.body);
      const out = r.json<{ entry: { response: { status: string } }[] }>().entry;
      for (const [i, e] of entries.entries()) {
        if (/^20[01]/.test(out[i]?.response.status ?? '') && e.url.endsWith('-patient'))
          stored.add(e.url.split('/')[0]!);
      }
      assert.ok(stored.size >= 10, `stored: ${[...stored].join(', ')} — ${r.body.slice(0, 2000)}`);
    });
    after(() => f.dispose());

    const get = (url: string, as: Caller) => f.inject({ method: 'GET', url: `/fhir/R4/${url}`, as });

    /** Whatever came back holds nothing of the stranger (a searchset's own links echo the query: skipped). */
    function assertNoStranger(r: LightMyRequestResponse, what: string): void {
      assert.ok(r.statusCode < 500, `${what}: ${r.statusCode} ${r.body}`);
      let body: Bundle;
      try {
        body = r.json<Bundle>();
      } catch {
        assert.fail(`${what}: not JSON`);
      }
      const payload = body.resourceType === 'Bundle' ? JSON.stringify(body.entry ?? []) : r.body;
      const leaks = [f.stranger, away].flatMap((x) => [x.id, x.fullName, x.personalId]);
      for (const leak of [...leaks, '-stranger', ...awayIds.values()]) {
        assert.ok(
          !payload.includes(leak),
          `${what} (${r.statusCode}) leaks ${leak}: ${payload.slice(0, 500)}`,
        );
      }
    }

    const careCallers = (): [string, Caller][] => [
      ['clinician', f.as.clinician],
      ['registrar', f.as.registrar],
      ['station_staff', f.as.station_staff],
      ['facility_admin', f.as.facility_admin],
      ['integration_client', f.as.integration_client],
      ['citizen (the patient)', f.as.citizen],
    ];

    for (const type of PERSON_TYPES) {
      test(`${type}: no other person's resources without care; the own patient's are found`, async () => {
        for (const [role, as] of careCallers()) {
          const s = f.stranger;
          const p = f.patient;
          const a = away;
          for (const q of [
            `patient=${a.id}`,
            `patient.identifier=${a.personalId}`,
            ...(awayIds.has(type) ? [`_id=${awayIds.get(type)!}`] : []),
            `patient=${s.id}`,
            `subject=Patient/${s.id}`,
            `patient=${p.id},${s.id}`,
            `patient.identifier=${s.personalId}`,
            `patient.identifier=${p.personalId},${s.personalId}`,
            `_id=${type.toLowerCase()}-stranger`,
            `_id=${type.toLowerCase()}-patient,${type.toLowerCase()}-stranger`,
          ]) {
            assertNoStranger(await get(`${type}?${q}`, as), `${role} ${type}?${q}`);
          }
          const own = await get(`${type}?patient=${p.id}`, as);
          assert.equal(own.statusCode, 200, `${role} ${type}: ${own.body}`);
          if (stored.has(type)) {
            const ids = (own.json<Bundle>().entry ?? []).map((e) => e.resource?.id);
            assert.ok(ids.includes(`${type.toLowerCase()}-patient`), `${role} ${type}: ${ids.join()}`);
          }
          if (as !== f.as.citizen && awayIds.has(type)) {
            const xml = await get(`${type}?patient=${ward.id}`, as);
            assert.equal(xml.statusCode, 200, `${role} ${type}: ${xml.body}`);
            assert.ok((xml.json<Bundle>().entry ?? []).length > 0, `${role} ${type} of the ward's episode`);
          }
        }
      });
    }

    test('Patient: by identifier, _id, name, birth date — only persons the caller may read', async () => {
      const s = f.stranger;
      for (const [role, as] of careCallers()) {
        for (const q of [
          `identifier=${away.personalId}`,
          `_id=${away.id}`,
          `name=${encodeURIComponent(away.fullName)}`,
          `identifier=${s.personalId}`,
          `identifier=${f.patient.personalId},${s.personalId}`,
          `_id=${s.id}`,
          `_id=${f.patient.id},${s.id}`,
          `name=${encodeURIComponent(s.fullName)}`,
          `family=${encodeURIComponent('Trần')}`,
          'birthdate=1985-02-03',
        ]) {
          assertNoStranger(await get(`Patient?${q}`, as), `${role} Patient?${q}`);
        }
        const own = await get(`Patient?identifier=${f.patient.personalId}`, as);
        assert.equal(own.json<Bundle>().entry?.[0]?.resource?.id, f.patient.id, role);
        assertNoStranger(await get(`Patient/${s.id}/$everything`, as), `${role} $everything`);
        assertNoStranger(await get(`Patient/${away.id}/$everything`, as), `${role} $everything (XML 130)`);
      }
    });

    test("AuditEvent: another person's events are not searchable without care", async () => {
      for (const as of [f.as.facility_admin, f.as.citizen]) {
        assertNoStranger(await get(`AuditEvent?patient=${f.stranger.id}`, as), 'AuditEvent');
        assertNoStranger(await get(`AuditEvent?patient=${away.id}`, as), 'AuditEvent (XML 130)');
      }
    });

    test('the check is live: with a break-glass reason the same searches do return the data', async () => {
      const r = await f.inject({
        method: 'GET',
        url: `/fhir/R4/Condition?patient.identifier=${f.stranger.personalId}`,
        as: f.as.clinician,
        headers: { 'x-break-glass-reason': REASON },
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.throws(() => assertNoStranger(r, 'break-glass'), /leaks/);
    });

    test('with care at another facility only: still nothing at this one', async () => {
      // The stranger is in care at OTHER: OTHER's clinician finds the data, HOME's still does not.
      await f.inject({
        method: 'POST',
        url: `/api/v1/persons/${f.stranger.id}/care`,
        as: f.other.clinician,
        payload: { reason: 'Khám ngoại trú' },
      });
      const theirs = await get(`Condition?patient=${f.stranger.id}`, f.other.clinician);
      assert.equal(theirs.statusCode, 200, theirs.body);
      assert.ok((theirs.json<Bundle>().entry ?? []).length > 0);
      assertNoStranger(await get(`Condition?patient=${f.stranger.id}`, f.as.clinician), 'HOME clinician');
      assertNoStranger(
        await get(`Condition?patient.identifier=${f.stranger.personalId}`, f.as.clinician),
        'HOME clinician, identifier chain',
      );
    });
  });
}
