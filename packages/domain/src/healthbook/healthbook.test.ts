import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assembleHealthBook,
  bloodGroupLabel,
  chronicGroup,
  decodeCursor,
  encodeCursor,
  export1332,
  icd10Name,
  normalizeIcd10,
  referralValidUntil,
  type PersonRecord,
} from './index.ts';

test('ICD-10 Vietnamese names: exact, nearest listed parent, unknown', () => {
  assert.equal(icd10Name('I10'), 'Bệnh lý tăng huyết áp');
  assert.equal(icd10Name('j069'), 'Nhiễm trùng đường hô hấp trên cấp, không xác định');
  assert.equal(normalizeIcd10(' e11.9 '), 'E11.9');
  assert.equal(icd10Name('J06.8'), icd10Name('J06'));
  assert.equal(icd10Name('Q99.9'), null);
});

test('chronic groups (TT 46/2016 ranges)', () => {
  assert.equal(chronicGroup('I10'), 'Tăng huyết áp');
  assert.equal(chronicGroup('E11.9'), 'Đái tháo đường');
  assert.equal(chronicGroup('J06.9'), null);
});

test('cursor round trip and rejection', () => {
  const c = encodeCursor('2026-02-12T07:04:00+07:00', 'a2fda19d-46ef-48a4-a809-1897604d34ce');
  assert.deepEqual(decodeCursor(c), {
    before: '2026-02-12T00:04:00.000Z',
    id: 'a2fda19d-46ef-48a4-a809-1897604d34ce',
  });
  assert.equal(decodeCursor('nonsense'), null);
  assert.equal(decodeCursor('12_../../x'), null);
});

test('referral validity: 10 working days, one year for chronic diseases', () => {
  assert.equal(referralValidUntil('2026-03-20', 'J18.9'), '2026-04-03'); // Friday + 10 working days
  assert.equal(referralValidUntil('2026-03-20', 'I10'), '2027-03-20');
  assert.equal(referralValidUntil('garbage', null), null);
});

test('blood group labels', () => {
  assert.equal(bloodGroupLabel('o+'), 'O Rh+');
  assert.equal(bloodGroupLabel('AB'), 'AB');
  assert.equal(bloodGroupLabel('B RH-'), 'B Rh−');
});

const facility = {
  code: '92001',
  name: 'BV Đa khoa TP Cần Thơ',
  level: 'provincial_hospital',
  provinceCode: '92',
  communeCode: null,
  parentCode: null,
  status: 'active',
};

function episode(i: number, icd: string) {
  const start = `2026-01-${String(10 + i).padStart(2, '0')}T01:00:00+00:00`;
  return {
    id: `00000000-0000-4000-8000-00000000000${i}`,
    facilityCode: '92001',
    maLk: `LK${i}`,
    envelopeSha256: 'ab'.repeat(32),
    admittedAt: start,
    dischargedAt: start,
    mainIcd: icd,
    secondaryIcd: [],
    signed: true,
    signatureVerified: true,
    receivedAt: start,
    bloodGroup: i === 2 ? 'A+' : null,
    weight: '60',
  };
}

function record(): PersonRecord {
  const index = [episode(1, 'I10'), episode(2, 'J06.9'), episode(3, 'Z24.4')];
  return {
    person: {
      id: 'p1',
      personalId: '092190012345',
      fullName: 'Nguyễn Thị Ánh Tuyết',
      birthDate: '1990-05-17',
      sex: 'female',
      ethnicCode: '01',
      provinceCode: '92',
      communeCode: null,
      addressLine: 'Số 1',
      phone: null,
      updatedAt: '2026-01-01T00:00:00Z',
      identifiers: [{ system: 'personalId', value: '092190012345' }],
      cards: [],
      deceased: null,
      aliases: [],
    },
    episodeIndex: index,
    episodes: index.map((e) => ({
      ...e,
      maBn: 'BN1',
      maHsba: null,
      encounterType: '01',
      patientCategory: null,
      inpatientAdmittedAt: null,
      treatmentDays: null,
      outcome: '1',
      dischargeType: '1',
      traditionalCodes: [],
      procedureCodes: [],
      departments: [],
      referredFrom: null,
      referredTo: null,
      insuranceCard: null,
      followUpDates: [],
      source: 'api',
      version: 1,
      updatedAt: e.receivedAt,
      xml1: {
        LY_DO_VV: 'Khám',
        GHI_CHU: 'Tái khám sau 1 tháng',
        NHOM_MAU: e.bloodGroup ?? undefined,
        CAN_NANG: '60',
      },
    })),
    vaccineDrugs: [
      {
        episodeId: index[2]!.id,
        lineNo: 0,
        drugCode: 'VX1',
        name: 'Vắc xin sởi',
        groupCode: '4',
        unit: 'liều',
        strength: null,
        route: null,
        dosage: null,
        quantity: 1,
        orderedAt: null,
        performedAt: null,
        doctors: null,
      },
    ],
    drugs: [],
    services: [],
    labs: [],
    notes: [],
    documents: [],
    encounters: [],
    conditions: [],
    observations: [],
    immunizations: [],
    allergies: [],
    medicationRequests: [],
    procedures: [],
    documentReferences: [],
    devices: [],
    facilities: { '92001': facility },
  };
}

test('assembling the book: newest first, page + cursor, history, immunisations, consent notice, export', () => {
  const book = assembleHealthBook(
    record(),
    { limit: 2, total: 3 },
    { facilityBlocked: false, hiddenCount: 1 },
  );
  assert.deepEqual(
    book.episodes.items.map((e) => e.provenance.maLk),
    ['LK3', 'LK2'],
  );
  assert.ok(book.episodes.nextCursor);
  assert.equal(book.episodes.items[0]!.advice, 'Tái khám sau 1 tháng');
  assert.equal(
    book.episodes.items[1]!.diagnoses.main?.name,
    'Nhiễm trùng đường hô hấp trên cấp, không xác định',
  );
  assert.equal(book.history.chronicConditions[0]?.code, 'I10');
  assert.equal(book.history.bloodGroup?.value, 'A Rh+');
  assert.equal(book.history.weight?.value, 60);
  assert.equal(book.immunisations[0]?.vaccine, 'Vắc xin sởi');
  assert.equal(book.administrative.ethnicity?.name, 'Kinh');
  assert.equal(book.administrative.address.provinceName, 'Thành phố Cần Thơ');
  assert.equal(book.consent.withheld, true);
  assert.match(book.consent.message ?? '', /ẩn/);
  const x = export1332(book);
  assert.equal(x.A_thongTinHanhChinh.hoTen, 'Nguyễn Thị Ánh Tuyết');
  assert.equal(x.C_dotKhamChuaBenh[0]?.maBenh, 'Z24.4');
});
