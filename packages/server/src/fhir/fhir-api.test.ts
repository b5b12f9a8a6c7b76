/**
 * The FHIR view over XML 130 episodes, against the health book: the same episodes, diagnoses,
 * drugs, labs, referrals, appointments and papers appear in both; searches (patient, date ranges,
 * code, status, _sort, paging, _include), reads, $everything; OperationOutcome for every error;
 * consent; transaction semantics (all or nothing, ifNoneExist, update-as-create, read-only XML 130
 * resources). Every FHIR response validates against fhir.schema.json.
 */
import { gunzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Bundle,
  Encounter,
  MedicationDispense,
  OperationOutcome,
  Practitioner,
  Resource,
} from '@medplum/fhirtypes';
import { SID } from '@suckhoe/domain/fhir/index';
import type { HealthBook } from '@suckhoe/domain/healthbook/index';
import { isImmunisationIcd } from '@suckhoe/domain/healthbook/index';
import { engines } from '../testing/engines.ts';
import { syntheticEnvelope } from '../ingest/synthetic.ts';
import { fhirFixture, HOME, transaction, type FhirFixture } from './testing/fixture.ts';
import { fhirProblems } from './testing/schema.ts';

const ofType = <T extends Resource>(b: Bundle, type: T['resourceType']): T[] =>
  (b.entry ?? [])
    .filter((e) => e.resource?.resourceType === type && e.search?.mode !== 'outcome')
    .map((e) => e.resource as T);
const code = (r: { issue?: OperationOutcome['issue'] }): string | undefined =>
  r.issue?.[0]?.details?.coding?.[0]?.code;

for (const engine of engines()) {
  describe(`FHIR R4 view of XML 130 episodes [${engine}]`, () => {
    let f: FhirFixture;
    let personId: string;
    let book: HealthBook;
    let everything: Bundle;

    before(async () => {
      f = await fhirFixture(engine);
      personId = (
        await f.ingest(syntheticEnvelope(0, 12, { facility: HOME, patients: 1, prefix: 'FA' }))
      )[0]!;
      await f.ingest(
        syntheticEnvelope(12, 1, { facility: HOME, patients: 1, prefix: 'FA', allTables: true }),
      );
      await f.careFor([personId!]);
      book = await f.get<HealthBook>(`/api/v1/persons/${personId}/health-book?episodesLimit=100`);
      everything = await f.get<Bundle>(`/fhir/R4/Patient/${personId}/$everything`);
    });
    after(() => f.dispose());

    test('$everything validates and holds the patient, facilities and practitioners it references', () => {
      assert.deepEqual(fhirProblems(everything), []);
      assert.equal(ofType(everything, 'Patient').length, 1);
      assert.ok(ofType(everything, 'Organization').some((o) => o.id === HOME));
      assert.ok(ofType(everything, 'Practitioner').length > 0);
    });

    test('the same episodes, diagnoses, drugs, labs and slips as the health book', () => {
      const encounters = ofType<Encounter>(everything, 'Encounter');
      assert.equal(encounters.length, book.episodes.total);
      for (const e of book.episodes.items) {
        const enc = encounters.find((x) => x.id === e.id);
        assert.ok(enc, `Encounter/${e.id}`);
        assert.equal(Date.parse(enc.period!.start!), Date.parse(e.period.start!));
        assert.equal(Date.parse(enc.period!.end!), Date.parse(e.period.end!));
        assert.equal(enc.serviceProvider?.reference, `Organization/${e.facility!.code}`);
        const conditions = ofType(everything, 'Condition').filter(
          (c) => (c as { encounter?: { reference?: string } }).encounter?.reference === `Encounter/${e.id}`,
        );
        const bookCodes = [e.diagnoses.main?.code, ...e.diagnoses.secondary.map((d) => d.code)].filter(
          Boolean,
        );
        assert.deepEqual(
          conditions.map((c) => (c as { code?: { coding?: { code?: string }[] } }).code?.coding?.[0]?.code),
          bookCodes,
        );
        const main = conditions[0] as { code?: { coding?: { display?: string }[] } } | undefined;
        if (e.diagnoses.main?.name)
          assert.equal(main?.code?.coding?.[0]?.display, e.diagnoses.main.name, 'Vietnamese ICD-10 name');
        const meds = ofType(everything, 'MedicationRequest').filter(
          (m) => (m as { encounter?: { reference?: string } }).encounter?.reference === `Encounter/${e.id}`,
        );
        assert.equal(meds.length, isImmunisationIcd(e.diagnoses.main?.code) ? 0 : e.drugs.length);
        const dispensed = ofType<MedicationDispense>(everything, 'MedicationDispense').filter(
          (m) => m.context?.reference === `Encounter/${e.id}`,
        );
        const withQuantity = e.drugs.filter((d) => d.quantity !== null);
        assert.equal(dispensed.length, isImmunisationIcd(e.diagnoses.main?.code) ? 0 : withQuantity.length);
        for (const [i, m] of dispensed.entries()) {
          assert.equal(m.quantity?.value, withQuantity[i]!.quantity, 'dispensed quantity (SO_LUONG)');
          assert.ok(
            meds.some((r) => `MedicationRequest/${r.id ?? ''}` === m.authorizingPrescription?.[0]?.reference),
            'points at its MedicationRequest',
          );
        }
        const labs = ofType(everything, 'Observation').filter(
          (o) =>
            (o as { encounter?: { reference?: string } }).encounter?.reference === `Encounter/${e.id}` &&
            o.id?.includes('.lab'),
        );
        assert.equal(labs.length, e.labs.length);
      }
      assert.equal(ofType(everything, 'ServiceRequest').length, book.referrals.length);
      assert.equal(ofType(everything, 'Appointment').length, book.appointments.length);
      assert.equal(ofType(everything, 'DocumentReference').length, book.documents.length);
      assert.ok(ofType(everything, 'DiagnosticReport').length > 0);
    });

    test('searches: code, date range, _sort, paging links, _include', async () => {
      const main = book.episodes.items[0]!.diagnoses.main!.code;
      const byCode = await f.get<Bundle>(
        `/fhir/R4/Condition?patient=${personId}&code=http://hl7.org/fhir/sid/icd-10|${main}`,
      );
      const expected = book.episodes.items
        .flatMap((e) => [e.diagnoses.main?.code, ...e.diagnoses.secondary.map((d) => d.code)])
        .filter((c) => c === main).length;
      assert.equal(byCode.total, expected);
      const starts = book.episodes.items.map((e) => e.period.start!).sort();
      const mid = starts[Math.floor(starts.length / 2)]!.slice(0, 10);
      const later = await f.get<Bundle>(
        `/fhir/R4/Encounter?subject=Patient/${personId}&date=ge${mid}&_sort=date`,
      );
      const earlier = await f.get<Bundle>(`/fhir/R4/Encounter?patient=${personId}&date=lt${mid}`);
      assert.equal((later.total ?? 0) + (earlier.total ?? 0), book.episodes.total);
      const dates = ofType<Encounter>(later, 'Encounter').map((e) => Date.parse(e.period!.start!));
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => a - b),
        '_sort=date ascending',
      );
      const page = await f.get<Bundle>(
        `/fhir/R4/Observation?patient=${personId}&category=laboratory&_count=5`,
      );
      assert.equal(ofType(page, 'Observation').length, 5);
      assert.ok(page.link?.find((l) => l.relation === 'next'));
      const inc = await f.get<Bundle>(
        `/fhir/R4/MedicationRequest?patient=${personId}&_count=3&_include=MedicationRequest:requester&_include=MedicationRequest:encounter`,
      );
      assert.ok(
        inc.entry?.some((e) => e.search?.mode === 'include' && e.resource?.resourceType === 'Practitioner'),
      );
      assert.ok(
        inc.entry?.some((e) => e.search?.mode === 'include' && e.resource?.resourceType === 'Encounter'),
      );
      const md = await f.get<Bundle>(
        `/fhir/R4/MedicationDispense?patient=${personId}&_count=2&_include=MedicationDispense:prescription`,
      );
      assert.equal(md.total, ofType(everything, 'MedicationDispense').length);
      assert.ok(md.total > 0);
      assert.equal(
        md.entry?.filter(
          (e) => e.search?.mode === 'include' && e.resource?.resourceType === 'MedicationRequest',
        ).length,
        2,
      );
      const rev = await f.get<Bundle>(
        `/fhir/R4/Patient?_id=${personId}&_revinclude=Encounter:subject&_revinclude=MedicationDispense:patient`,
      );
      assert.equal(rev.total, 1);
      const revIncluded = (t: string) =>
        (rev.entry ?? []).filter((e) => e.search?.mode === 'include' && e.resource?.resourceType === t)
          .length;
      assert.equal(revIncluded('Encounter'), book.episodes.total);
      assert.equal(revIncluded('MedicationDispense'), ofType(everything, 'MedicationDispense').length);
      const notOnEncounter = await f.inject({
        url: `/fhir/R4/Encounter?patient=${personId}&_revinclude=Condition:encounter`,
        as: f.clinician,
      });
      assert.equal(notOnEncounter.statusCode, 400, 'only Patient searches take _revinclude');
      const appt = await f.get<Bundle>(`/fhir/R4/Appointment?patient=${personId}&status=booked`);
      assert.equal(appt.total, book.appointments.length);
      const chain = await f.get<Bundle>(
        `/fhir/R4/Encounter?patient.identifier=${book.administrative.personalId ?? ''}&_summary=count`,
      );
      assert.equal(chain.total, book.episodes.total);
      for (const b of [byCode, later, earlier, page, inc, md, appt, chain])
        assert.deepEqual(fhirProblems(b), []);
    });

    test('$everything is sent with an ETag; the same version again is a 304, still audited', async () => {
      const url = `/fhir/R4/Patient/${personId}/$everything?_count=50`;
      const first = await f.inject({ url, as: f.clinician });
      assert.equal(first.statusCode, 200);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]+"$/);
      const paged = first.json<Bundle>();
      assert.equal(paged.entry?.length, 50);
      assert.deepEqual(fhirProblems(paged), []);
      // The cached text is what the object bundle would be: the same entries as the full read.
      const ids = (b: Bundle) => (b.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
      assert.deepEqual(ids(paged), ids(everything).slice(0, 50));
      const again = await f.inject({ url, as: f.clinician });
      assert.equal(again.body, first.body);
      const gz = await f.inject({ url, as: { ...f.clinician, 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gz.headers['content-type'], first.headers['content-type']);
      assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), first.body);
      const count = async () =>
        (
          await f.p.db.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM audit_event WHERE person_id = $1 AND resource_id = '$everything'",
            [personId],
          )
        )[0]!.n;
      const before304 = await count();
      const cached = await f.inject({ url, as: { ...f.clinician, 'if-none-match': etag } });
      assert.equal(cached.statusCode, 304);
      assert.equal(cached.body, '');
      assert.equal(await count(), before304 + 1, 'a 304 is a read too');
      const other = await f.inject({
        url: `${url}&_offset=50`,
        as: { ...f.clinician, 'if-none-match': etag },
      });
      assert.equal(other.statusCode, 200, 'another page has another ETag');
    });

    test('reads of every derived resource type validate', async () => {
      const seen = new Set<string>();
      for (const e of everything.entry ?? []) {
        const r = e.resource!;
        if (seen.has(r.resourceType)) continue;
        seen.add(r.resourceType);
        const got = await f.get<Resource>(`/fhir/R4/${r.resourceType}/${r.id ?? ''}`);
        assert.equal(got.id, r.id);
        assert.deepEqual(fhirProblems(got), [], `${r.resourceType}/${r.id ?? ''}`);
      }
      assert.ok(seen.size >= 12, [...seen].join(','));
      const patient = await f.get<Resource>(
        `/fhir/R4/Patient?identifier=${book.administrative.personalId ?? ''}`,
      );
      assert.deepEqual(fhirProblems(patient), []);
      const md = await f.get<Resource>('/fhir/R4/metadata', {});
      assert.deepEqual(fhirProblems(md), []);
    });

    test('errors are OperationOutcomes with the right status', async () => {
      const cases: [string, Record<string, string>, number, string][] = [
        [`/fhir/R4/Patient/${personId}`, {}, 401, 'UNAUTHENTICATED'],
        [`/fhir/R4/Patient/${personId}`, f.otherClinician, 403, 'CARE_RELATIONSHIP_REQUIRED'],
        [
          '/fhir/R4/Condition/00000000-0000-4000-8000-000000000000.dx0',
          f.clinician,
          404,
          'RESOURCE_NOT_FOUND',
        ],
        [
          `/fhir/R4/Condition?patient=${personId}&colour=blue`,
          f.clinician,
          400,
          'SEARCH_PARAMETER_NOT_SUPPORTED',
        ],
        ['/fhir/R4/Observation?code=8867-4', f.clinician, 400, 'PATIENT_REQUIRED'],
        ['/fhir/R4/Patient?gender=male', f.clinician, 400, 'SEARCH_TOO_BROAD'],
        ['/fhir/R4/Nothing', f.clinician, 404, 'ROUTE_NOT_FOUND'],
        ['/fhir/R4/$export', f.clinician, 403, 'FORBIDDEN'],
      ];
      for (const [url, as, status, c] of cases) {
        const r = await f.inject({ url, as });
        assert.equal(r.statusCode, status, `${url} ${r.body.slice(0, 200)}`);
        assert.match(String(r.headers['content-type']), /application\/fhir\+json/);
        const body = r.json<OperationOutcome>();
        assert.equal(body.resourceType, 'OperationOutcome');
        assert.equal(code(body), c, url);
        assert.deepEqual(fhirProblems(body), []);
      }
      const bad = await f.postFhir('{"resourceType":');
      assert.equal(bad.statusCode, 400);
      assert.equal(code(bad.json()), 'INVALID_JSON');
    });

    test('consent: a hidden episode disappears from FHIR too, with an informational outcome', async () => {
      const citizenId = book.administrative.personalId!;
      const citizen = await f.citizen(personId, citizenId);
      const target = book.episodes.items[1]!;
      const c = await f.inject({
        method: 'POST',
        url: `/api/v1/persons/${personId}/consents`,
        as: citizen,
        payload: { kind: 'hide_episode', target: target.id },
      });
      assert.equal(c.statusCode, 201, c.body);
      const enc = await f.get<Bundle>(`/fhir/R4/Encounter?patient=${personId}`);
      assert.equal(enc.total, book.episodes.total - 1);
      const outcomeEntry = enc.entry?.find((e) => e.search?.mode === 'outcome');
      assert.equal(code(outcomeEntry?.resource as OperationOutcome), 'CONSENT_WITHHELD');
      const gone = await f.inject({ url: `/fhir/R4/Encounter/${target.id}`, as: f.clinician });
      assert.equal(gone.statusCode, 404);
      const own = await f.get<Bundle>(`/fhir/R4/Encounter?patient=${personId}`, citizen);
      assert.equal(own.total, book.episodes.total);
      assert.deepEqual(fhirProblems(enc), []);
    });

    test('transactions: all or nothing; ifNoneExist; PUT with the client id; conditional update; XML 130 resources are read-only', async () => {
      const patient = {
        resourceType: 'Patient',
        identifier: [{ system: 'http://fhir.hl7.org.vn/core/sid/cccd', value: '092301012345' }],
        name: [{ text: 'Lê Thị Mai' }],
        gender: 'female',
        birthDate: '2001-03-04',
        address: [
          {
            line: ['12 Trần Hưng Đạo'],
            extension: [
              { url: 'http://fhir.hl7.org.vn/core/StructureDefinition/vn-ext-province', valueCode: '92' },
            ],
          },
        ],
      };
      const broken = await f.postFhir(
        transaction([
          { fullUrl: 'urn:uuid:p1', resource: patient, request: { method: 'POST', url: 'Patient' } },
          {
            resource: {
              resourceType: 'Condition',
              code: { text: 'x' },
              subject: { reference: 'Patient/nobody-here' },
            },
            request: { method: 'POST', url: 'Condition' },
          },
        ]),
      );
      assert.equal(broken.statusCode, 404, broken.body);
      assert.equal(code(broken.json()), 'REFERENCE_NOT_FOUND');
      const none = await f.p.db.query("SELECT 1 FROM person WHERE personal_id = '092301012345'");
      assert.equal(none.length, 0, 'nothing of a failed transaction is stored');

      const tx = (extra = {}) =>
        transaction([
          {
            fullUrl: 'urn:uuid:p1',
            resource: patient,
            request: {
              method: 'POST',
              url: 'Patient',
              ifNoneExist: 'identifier=http://fhir.hl7.org.vn/core/sid/cccd|092301012345',
              ...extra,
            },
          },
          {
            resource: {
              resourceType: 'AllergyIntolerance',
              clinicalStatus: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
                    code: 'active',
                  },
                ],
              },
              code: { text: 'Penicillin' },
              patient: { reference: 'urn:uuid:p1' },
            },
            request: { method: 'PUT', url: 'AllergyIntolerance/allergy-1' },
          },
        ]);
      const first = await f.postBundle(tx() as Bundle);
      const second = await f.postBundle(tx() as Bundle);
      assert.equal(first.entry?.[0]?.response?.status, '201 Created');
      assert.equal(second.entry?.[0]?.response?.status, '200 OK');
      assert.equal(first.entry[0].response.location, second.entry[0].response.location);
      assert.equal(second.entry[1]?.response?.status, '200 OK', 'PUT again is an update');
      const maiId = first.entry[0].response.location!.split('/')[1]!;
      await f.careFor([maiId]);
      const hist = await f.get<HealthBook>(`/api/v1/persons/${maiId}/health-book`);
      assert.equal(hist.history.allergies[0]?.substance, 'Penicillin');
      assert.equal(hist.history.allergies[0].provenance.source, 'fhir');

      const put = await f.inject({
        method: 'PUT',
        url: '/fhir/R4/Patient/his-patient-77',
        as: f.his,
        headers: { 'content-type': 'application/fhir+json' },
        payload: {
          resourceType: 'Patient',
          id: 'his-patient-77',
          name: [{ family: 'Phạm', given: ['Văn', 'Tư'] }],
          gender: 'male',
          birthDate: '1970',
        },
      });
      assert.equal(put.statusCode, 201, put.body);
      const alias = await f.p.db.query<{ person_id: string }>(
        "SELECT person_id FROM person_fhir_alias WHERE alias = 'his-patient-77'",
      );
      await f.careFor([alias[0]!.person_id]);
      const read = await f.get<Resource & { name?: { text?: string }[] }>('/fhir/R4/Patient/his-patient-77');
      assert.equal(read.name?.[0]?.text, 'Phạm Văn Tư');

      // Conditional update: PUT Patient?identifier=… updates the one match, creates when none, 412 when several.
      const conditional = (query: string, resource: object) =>
        f.postFhir(transaction([{ resource, request: { method: 'PUT', url: `Patient?${query}` } }]));
      const cccd = 'http://fhir.hl7.org.vn/core/sid/cccd';
      const renamed = await conditional(`identifier=${cccd}|092301012345`, {
        ...patient,
        name: [{ text: 'Lê Thị Mai Anh' }],
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      const renamedEntry = renamed.json<Bundle>().entry?.[0]?.response;
      assert.equal(renamedEntry?.status, '200 OK');
      assert.equal(renamedEntry.location?.split('/')[1], maiId, 'the matched patient is updated');
      const mai = await f.get<Resource & { name?: { text?: string }[] }>(`/fhir/R4/Patient/${maiId}`);
      assert.equal(mai.name?.[0]?.text, 'Lê Thị Mai Anh');
      const newcomer = { ...patient, identifier: [{ system: cccd, value: '092301099998' }] };
      const created = await conditional(`identifier=${cccd}|092301099998`, newcomer);
      assert.equal(created.json<Bundle>().entry?.[0]?.response?.status, '201 Created', created.body);
      const several = await conditional(
        `identifier=${cccd}|092301012345&identifier=${cccd}|092301099998`,
        newcomer,
      );
      assert.equal(several.statusCode, 412, several.body);
      assert.equal(code(several.json()), 'CONDITIONAL_MULTIPLE_MATCHES');
      const unsupported = await f.postFhir(
        transaction([
          {
            resource: { resourceType: 'AllergyIntolerance', patient: { reference: `Patient/${maiId}` } },
            request: { method: 'PUT', url: 'AllergyIntolerance?code=x' },
          },
        ]),
      );
      assert.equal(code(unsupported.json()), 'CONDITIONAL_UPDATE_NOT_SUPPORTED');

      const readOnly = await f.inject({
        method: 'PUT',
        url: `/fhir/R4/Encounter/${book.episodes.items[0]!.id}`,
        as: f.his,
        headers: { 'content-type': 'application/fhir+json' },
        payload: {
          resourceType: 'Encounter',
          status: 'finished',
          class: { code: 'AMB' },
          subject: { reference: `Patient/${personId}` },
        },
      });
      assert.equal(readOnly.statusCode, 409);
      assert.equal(code(readOnly.json()), 'XML130_RESOURCE_READ_ONLY');
      const clinicianWrite = await f.postFhir(tx(), f.clinician);
      assert.equal(clinicianWrite.statusCode, 403);
    });

    test("a certificate practitioner carries the directory's name once the directory knows that certificate", async () => {
      const nameless = ofType<Practitioner>(everything, 'Practitioner').find((p) =>
        p.identifier?.some((i) => i.system === SID.practitioner),
      );
      assert.ok(nameless?.id, 'the record names a doctor by certificate number');
      assert.equal(nameless.name, undefined, 'XML 130 sends no name');
      const certificate = nameless.identifier!.find((i) => i.system === SID.practitioner)!.value!;
      await f.postBundle({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            fullUrl: 'urn:uuid:5b1f3c2e-8f7a-4c61-9d0e-2a6b7c8d9e01',
            request: { method: 'POST', url: 'Practitioner' },
            resource: {
              resourceType: 'Practitioner',
              identifier: [{ system: SID.practitioner, value: certificate }],
              name: [{ family: 'Trần', given: ['Thị Mai'], text: 'BS. Trần Thị Mai' }],
            },
          },
        ],
      });
      // The read of the certificate's own id, and $everything (after the record changed: a new episode).
      const read = await f.get<Practitioner>(`/fhir/R4/Practitioner/${nameless.id}`);
      assert.equal(read.id, nameless.id);
      assert.equal(read.name?.[0]?.text, 'BS. Trần Thị Mai');
      await f.ingest(syntheticEnvelope(13, 1, { facility: HOME, patients: 1, prefix: 'FA' }));
      const after = await f.get<Bundle>(`/fhir/R4/Patient/${personId}/$everything`);
      assert.deepEqual(fhirProblems(after), []);
      const named = ofType<Practitioner>(after, 'Practitioner').find((p) => p.id === nameless.id);
      assert.equal(named?.name?.[0]?.text, 'BS. Trần Thị Mai');
    });
  });
}
