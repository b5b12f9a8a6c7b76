import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation, Patient } from '@medplum/fhirtypes';
import {
  capabilityStatement,
  fhirImport,
  filterResources,
  instant,
  parseSearch,
  practitionerCode,
  practitionerId,
  searchset,
  searchsetText,
  serialised,
  vietnameseName,
} from './index.ts';

const obs = (id: string, effective: string, code = '8867-4'): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code, display: 'Mạch' }], text: 'Nhịp tim' },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: effective,
});

const ids = (q: Record<string, string | string[]>, rs: Observation[]) =>
  filterResources(rs, parseSearch('Observation', q)).map((r) => r.id);

test('instants in Vietnam time', () => {
  assert.equal(instant('2026-02-12T00:04:00+00:00'), '2026-02-12T07:04:00+07:00');
  assert.equal(instant('not a date'), undefined);
});

test('search parsing: values, modifiers, unknown parameters, chains, _count cap', () => {
  const s = parseSearch('Condition', {
    code: 'http://hl7.org/fhir/sid/icd-10|I10,E11',
    'code:not': 'J06',
    colour: 'blue',
    'patient.identifier': '092190012345',
    _count: '99999',
    _sort: '-recorded-date',
    _include: 'Condition:encounter',
  });
  assert.deepEqual(s.params.find((p) => p.def.name === 'code' && !p.modifier)?.values, [
    'http://hl7.org/fhir/sid/icd-10|I10',
    'E11',
  ]);
  assert.deepEqual(s.unknown, ['colour']);
  assert.deepEqual(s.patientIdentifier, ['092190012345']);
  assert.equal(s.count, 1000);
  assert.deepEqual(s.sort, [{ name: 'recorded-date', desc: true }]);
  assert.deepEqual(s.include, [{ sourceType: 'Condition', param: 'encounter', targetType: null }]);
});

test('date prefixes follow R4 range semantics', () => {
  const rs = [obs('a', '2024-05-10T10:00:00+07:00'), obs('b', '2024-05-12T08:00:00+07:00'), obs('c', '2024')];
  assert.deepEqual(ids({ date: '2024-05-10' }, rs), ['a']);
  assert.deepEqual(ids({ date: 'ge2024-05-11' }, rs), ['b', 'c']);
  assert.deepEqual(ids({ date: 'lt2024-05-11' }, rs), ['a', 'c']);
  assert.deepEqual(ids({ date: ['ge2024-05-01', 'le2024-05-31'] }, rs), ['a', 'b', 'c']);
  assert.deepEqual(ids({ date: 'sa2024-05-11' }, rs), ['b']);
});

test('token, string and reference matching', () => {
  const rs = [obs('a', '2024-05-10', '8867-4'), obs('b', '2024-05-10', '8310-5')];
  assert.deepEqual(ids({ code: 'http://loinc.org|8310-5' }, rs), ['b']);
  assert.deepEqual(ids({ code: '8867-4' }, rs), ['a']);
  assert.deepEqual(ids({ code: '|8867-4' }, rs), []);
  assert.deepEqual(ids({ 'code:not': '8867-4' }, rs), ['b']);
  assert.deepEqual(ids({ 'code:text': 'nhip tim' }, rs), ['a', 'b']);
  assert.deepEqual(ids({ subject: 'Patient/p1' }, rs), ['a', 'b']);
  assert.deepEqual(ids({ patient: 'p2' }, rs), []);
  const p: Patient = { resourceType: 'Patient', id: 'x', name: [vietnameseName('Nguyễn Thị Ánh Tuyết')] };
  assert.equal(filterResources([p], parseSearch('Patient', { name: 'nguyen anh' })).length, 0);
  assert.equal(filterResources([p], parseSearch('Patient', { name: 'anh tuyet' })).length, 1);
  assert.equal(filterResources([p], parseSearch('Patient', { family: 'NGUYEN' })).length, 1);
});

test('Vietnamese names: family first', () => {
  assert.deepEqual(vietnameseName('Nguyễn Thị Ánh Tuyết'), {
    use: 'official',
    text: 'Nguyễn Thị Ánh Tuyết',
    family: 'Nguyễn',
    given: ['Thị', 'Ánh', 'Tuyết'],
  });
});

test('practitioner ids from practising-certificate numbers round-trip', () => {
  for (const code of ['000123/CT-CCHN', '0034567/BYT-CCHN', 'ABC.12']) {
    const id = practitionerId(code);
    assert.match(id, /^[A-Za-z0-9\-.]{1,64}$/);
    assert.equal(practitionerCode(id), code);
  }
});

test('Patient import: registry identifiers by URI, others kept, required fields', () => {
  const ok = fhirImport.importPatient({
    resourceType: 'Patient',
    identifier: [
      { system: 'http://fhir.hl7.org.vn/core/sid/cccd', value: '092 190 012 345' },
      { system: 'http://fhir.hl7.org.vn/core/sid/bhyt', value: 'DN4929212345678' },
      { system: 'http://hospital.example.org', value: 'MRN-1', type: { coding: [{ code: 'MR' }] } },
    ],
    name: [{ family: 'Trần', given: ['Văn', 'Bảy'] }],
    gender: 'male',
    birthDate: '1985-02-03',
  });
  assert.ok(ok.ok);
  {
    assert.equal(ok.row.personalId, '092190012345');
    assert.equal(ok.row.fullName, 'Trần Văn Bảy');
    assert.deepEqual(
      ok.row.identifiers.map((i) => i.system),
      ['personalId', 'bhyt'],
    );
    assert.deepEqual(ok.row.external, [
      { system: 'http://hospital.example.org', value: 'MRN-1', typeCode: 'MR' },
    ]);
  }
  const bad = fhirImport.importPatient({
    resourceType: 'Patient',
    identifier: [{ system: 'http://fhir.hl7.org.vn/core/sid/cccd', value: '123' }],
  });
  assert.equal(bad.ok, false);
  assert.deepEqual(
    bad.issues.map((i) => i.expression),
    ['Patient.name', 'Patient.birthDate', 'Patient.identifier[0]'],
  );
});

test('the CapabilityStatement lists every served type with its search parameters', () => {
  const c = capabilityStatement({ base: 'http://x/fhir/R4', version: '1', date: '2026-01-01' });
  const types = c.rest?.[0]?.resource?.map((r) => r.type) ?? [];
  for (const t of [
    'Patient',
    'Encounter',
    'Condition',
    'MedicationRequest',
    'Observation',
    'ServiceRequest',
    'Appointment',
    'AuditEvent',
  ]) {
    assert.ok(types.includes(t as never), t);
  }
  const patient = c.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
  assert.ok(patient?.searchParam?.some((p) => p.name === 'identifier'));
  assert.ok(patient?.operation?.some((o) => o.name === 'everything'));
});

test('a searchset from serialised resources is the same text as the object bundle', () => {
  const rs = [obs('a', '2024-01-02'), obs('b', '2024-02-03', '8310-5')];
  const notice = {
    resourceType: 'OperationOutcome' as const,
    issue: [{ severity: 'information' as const, code: 'suppressed' as const, diagnostics: 'ẩn' }],
  };
  const cases = [
    { base: 'http://h/fhir/R4', selfPath: 'Patient/p1/$everything', total: 2, offset: 0, count: 10 },
    { base: 'http://h/fhir/R4', selfPath: 'X?a=1', total: 7, offset: 2, count: 2, outcome: notice },
    {
      base: 'http://h/fhir/R4',
      selfPath: 'X',
      total: 7,
      offset: 0,
      count: 0,
      timestamp: '2024-01-01T00:00:00Z',
    },
  ];
  for (const c of cases) {
    for (const matches of [rs, []]) {
      assert.equal(
        searchsetText({ ...c, matches: matches.map(serialised), included: [rs[1]!].map(serialised) }),
        JSON.stringify(searchset({ ...c, matches, included: [rs[1]!] })),
      );
      assert.equal(
        searchsetText({ ...c, matches: matches.map(serialised) }),
        JSON.stringify(searchset({ ...c, matches })),
      );
    }
  }
});
