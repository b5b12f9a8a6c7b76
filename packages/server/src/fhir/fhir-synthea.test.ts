/**
 * Conformance with real FHIR input: every NDJSON file and bundle of ../shared/testdata imports
 * through transaction/batch Bundles; every Patient is then findable by each of its identifiers;
 * `$everything` returns each patient's data (as many resources of each type as were imported); and
 * every resource the API returns validates against the FHIR R4 JSON schema (fhir.schema.json).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import { engines } from '../testing/engines.ts';
import { fhirFixture, type FhirFixture } from './testing/fixture.ts';
import { batches, readNdjsonFolder } from './testing/ndjson.ts';
import { fhirProblems } from './testing/schema.ts';

const TESTDATA = new URL('../../../../../shared/testdata/', import.meta.url);
const folder = (name: string) => new URL(`${name}/`, TESTDATA).pathname;

const refPatient = (r: Resource): string | undefined => {
  const o = r as { subject?: { reference?: string }; patient?: { reference?: string } };
  return (o.subject ?? o.patient)?.reference?.replace(/^Patient\//, '');
};

// The test data lives next to the repository (../shared/testdata, ~12 MB, not copied in): without it
// the suite says so and skips.
const available = existsSync(new URL('synthea-10/Patient.000.ndjson', TESTDATA));

for (const engine of engines()) {
  describe(
    `FHIR import of the shared test data [${engine}]`,
    { skip: available ? false : 'needs ../shared/testdata' },
    () => {
      let f: FhirFixture;
      const sets = new Map<string, Map<string, Resource[]>>();
      before(async () => {
        f = await fhirFixture(engine);
        for (const name of ['synthea-10', 'synthea-100']) sets.set(name, readNdjsonFolder(folder(name)));
      });
      after(() => f.dispose());

      for (const name of ['synthea-10', 'synthea-100']) {
        test(`${name}: every NDJSON line imports (batch Bundles of PUT Type/id)`, async () => {
          const failures: string[] = [];
          let n = 0;
          for (const b of batches(sets.get(name)!)) {
            const res = await f.postBundle(b);
            assert.equal(res.type, 'batch-response');
            res.entry?.forEach((e, i) => {
              n++;
              if (!e.response?.status.startsWith('20')) {
                failures.push(
                  `${b.entry?.[i]?.request?.url ?? '?'}: ${e.response?.status ?? '?'} ${JSON.stringify(e.response?.outcome).slice(0, 300)}`,
                );
              }
            });
            assert.deepEqual(fhirProblems(res), []);
          }
          assert.deepEqual(failures.slice(0, 5), []);
          const expected = [...sets.get(name)!.values()].reduce((a, l) => a + l.length, 0);
          assert.equal(n, expected);
        });
      }

      test('the FHIR bundle fixture imports (its collection entries sent as a transaction)', async () => {
        const b = JSON.parse(
          readFileSync(new URL('fhir-bundles/example-00-a-fhirBundle.json', TESTDATA), 'utf8'),
        ) as Bundle;
        const tx: Bundle = {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: (b.entry ?? []).map((e) => ({
            ...e,
            request: { method: 'POST', url: e.resource!.resourceType },
          })),
        };
        const res = await f.postBundle(tx);
        assert.equal(res.type, 'transaction-response');
        assert.deepEqual(
          res.entry?.map((e) => e.response?.status),
          ['201 Created', '201 Created', '201 Created', '201 Created'],
        );
        const patientId = res.entry[0]?.response?.location?.split('/')[1] ?? '';
        await f.careFor([patientId]);
        const all = await f.get<Bundle>(`/fhir/R4/Patient/${patientId}/$everything`);
        assert.equal(all.entry?.filter((e) => e.resource?.resourceType === 'Immunization').length, 3);
        assert.deepEqual(fhirProblems(all), []);
        // A Patient without identifiers of its own is still findable by its platform identifier.
        const found = await f.get<Bundle>(
          `/fhir/R4/Patient?identifier=${encodeURIComponent(`https://fhir.suckhoe.vn/sid/person|${patientId}`)}`,
        );
        assert.equal(found.total, 1);
      });

      test('every imported Patient is findable by each of its identifiers', async () => {
        const patients = [...sets.values()].flatMap((s) => (s.get('Patient') ?? []) as Patient[]);
        await f.careFor(patients.map((p) => p.id!));
        let checked = 0;
        for (const p of patients) {
          for (const id of p.identifier ?? []) {
            if (!id.value) continue;
            const q = encodeURIComponent(`${id.system ?? ''}|${id.value}`);
            const b = await f.get<Bundle>(`/fhir/R4/Patient?identifier=${q}`);
            assert.ok(
              b.entry?.some((e) => e.resource?.id === p.id),
              `Patient/${p.id ?? ''} not found by ${id.system ?? ''}|${id.value}`,
            );
            if (checked++ < 20) assert.deepEqual(fhirProblems(b), []);
          }
        }
        assert.ok(checked > patients.length * 3, `${checked} identifiers checked`);
      });

      test('$everything returns each patient’s imported data, and validates', async () => {
        const data = sets.get('synthea-10')!;
        const perPatient = new Map<string, Map<string, number>>();
        for (const [type, rs] of data) {
          for (const r of rs) {
            const pid = refPatient(r);
            if (!pid) continue;
            const m = perPatient.get(pid) ?? new Map<string, number>();
            m.set(type, (m.get(type) ?? 0) + 1);
            perPatient.set(pid, m);
          }
        }
        for (const p of data.get('Patient') ?? []) {
          const all = await f.get<Bundle>(`/fhir/R4/Patient/${p.id ?? ''}/$everything?_count=5000`);
          assert.deepEqual(fhirProblems(all), [], `Patient/${p.id ?? ''}`);
          const got = new Map<string, number>();
          for (const e of all.entry ?? [])
            got.set(e.resource!.resourceType, (got.get(e.resource!.resourceType) ?? 0) + 1);
          for (const [type, n] of perPatient.get(p.id ?? '') ?? []) {
            assert.equal(got.get(type) ?? 0, n, `Patient/${p.id ?? ''} ${type}`);
          }
          assert.equal(got.get('Patient'), 1);
        }
      });

      test('reads and type searches of imported data validate', async () => {
        const data = sets.get('synthea-10')!;
        const enc = data.get('Encounter')![0]!;
        const pid = refPatient(enc)!;
        for (const url of [
          `/fhir/R4/Patient/${pid}`,
          `/fhir/R4/Encounter/${enc.id ?? ''}`,
          `/fhir/R4/Encounter?patient=${pid}&_sort=-date&_count=5&_include=Encounter:service-provider&_include=Encounter:participant`,
          `/fhir/R4/Condition?subject=Patient/${pid}&clinical-status=active`,
          `/fhir/R4/MedicationRequest?patient=${pid}&status=active,stopped&_include=MedicationRequest:requester`,
          `/fhir/R4/Procedure?patient=${pid}&date=ge2000-01-01`,
          `/fhir/R4/DocumentReference?patient=${pid}&_count=2`,
          `/fhir/R4/Organization?_count=10`,
          `/fhir/R4/Practitioner?_count=10`,
          `/fhir/R4/Location?_count=10`,
          `/fhir/R4/PractitionerRole?_count=10&_include=PractitionerRole:practitioner`,
        ]) {
          const r = await f.get<Resource>(url);
          assert.deepEqual(fhirProblems(r), [], url);
        }
        const encounters = await f.get<Bundle>(`/fhir/R4/Encounter?patient=${pid}&_count=3`);
        assert.ok(
          encounters.link?.some((l) => l.relation === 'next'),
          'paging link next',
        );
        const next = encounters
          .link!.find((l) => l.relation === 'next')!
          .url.replace(/^https?:\/\/[^/]+/, '');
        const page2 = await f.get<Bundle>(next);
        assert.notEqual(page2.entry?.[0]?.resource?.id, encounters.entry?.[0]?.resource?.id);
        const withOrg = await f.get<Bundle>(
          `/fhir/R4/Encounter?patient=${pid}&_count=1&_include=Encounter:service-provider`,
        );
        assert.ok(
          withOrg.entry?.some(
            (e) => e.search?.mode === 'include' && e.resource?.resourceType === 'Organization',
          ),
        );
      });
    },
  );
}
