import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateTable } from '@suckhoe/domain/xml130/index';
import { engines } from '../testing/engines.ts';
import {
  bhytQr,
  cccdQr,
  checkinFixture,
  expectError,
  HOME,
  type CheckinFixture,
  type CheckinJson,
} from './test-support.ts';

const TUYET = {
  personalId: '092190012345',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  birthDate: '1990-05-17',
  sex: 'female' as const,
  oldId: '361234567',
};

for (const engine of engines()) {
  describe(`check-in [${engine}]`, () => {
    let f: CheckinFixture;
    const rows = async (): Promise<{
      persons: number;
      checkins: number;
      cards: number;
      counters: number;
    }> => ({
      persons: await f.count('SELECT count(*) AS n FROM person'),
      checkins: await f.count('SELECT count(*) AS n FROM checkin'),
      cards: await f.count('SELECT count(*) AS n FROM bhyt_card'),
      counters: await f.count('SELECT coalesce(sum(last_number), 0) AS n FROM queue_counter'),
    });
    const ok = async (body: object, status = 201, as?: string): Promise<CheckinJson> => {
      const r = await f.post(body, as);
      assert.equal(r.statusCode, status, r.body);
      return r.json<CheckinJson>();
    };
    /** Bad input leaves no row anywhere. */
    const refused = async (body: object, status: number, code: string, as?: string): Promise<void> => {
      const before = await rows();
      expectError(await f.post(body, as), status, code);
      assert.deepEqual(await rows(), before, `${code}: nothing stored`);
    };

    before(async () => {
      f = await checkinFixture(engine);
    });
    after(() => f.dispose());

    test('a CCCD QR of someone new creates the person and gives ticket K01-001', async () => {
      const r = await ok({ text: cccdQr(TUYET), clinicCode: 'K01' });
      assert.equal(r.personCreated, true);
      assert.equal(r.person.personalId, TUYET.personalId);
      assert.equal(r.person.fullName, TUYET.fullName);
      assert.ok(r.person.identifiers.some((i) => i.system === 'cmnd' && i.value === TUYET.oldId));
      assert.equal(r.checkin.inputKind, 'cccdQr');
      assert.deepEqual(r.ticket, {
        number: 1,
        label: 'K01-001',
        clinicCode: 'K01',
        position: 1,
        estimatedWaitMinutes: 0,
      });
      assert.equal(r.card, null, 'no card known yet');
      assert.ok(r.warnings.some((w) => w.code === 'NO_BHYT_CARD'));
      const found = await f.inject({
        method: 'GET',
        url: `/api/v1/persons?identifier=${TUYET.personalId}`,
        as: f.as.registrar,
      });
      assert.equal(found.json<{ total: number }>().total, 1);
    });

    test('the same person at the same clinic the same day gets the same ticket; nothing is duplicated', async () => {
      const before = await rows();
      const a = await f.post({ text: cccdQr(TUYET), clinicCode: 'K01' });
      assert.equal(a.statusCode, 200, a.body);
      const r = a.json<CheckinJson>();
      assert.equal(r.checkin.repeated, true);
      assert.equal(r.ticket.label, 'K01-001');
      assert.ok(r.warnings.some((w) => w.code === 'CHECKIN_REPEATED'));
      // By another identifier of the same person: still the same ticket.
      const b = await ok({ personalId: TUYET.personalId, clinicCode: 'K01' }, 200);
      assert.equal(b.checkin.id, r.checkin.id);
      assert.deepEqual(await rows(), before);
      // Another clinic: a ticket of that clinic's own queue.
      const c = await ok({ personalId: TUYET.personalId, clinicCode: 'k02' });
      assert.equal(c.ticket.label, 'K02-001');
    });

    test('a BHYT card QR creates a person without personal ID; the card (MA_DKBD) is remembered', async () => {
      const qr = bhytQr({
        cardCode: 'HT3929200000101',
        fullName: 'Trần Văn Bình',
        birthDate: '1958-02-03',
        sex: 'male',
      });
      const r = await ok({ text: qr, clinicCode: 'K01' });
      assert.equal(r.personCreated, true);
      assert.equal(r.person.personalId, null);
      assert.ok(r.person.identifiers.some((i) => i.system === 'bhxh' && i.value === '9200000101'));
      assert.equal(r.card?.initialFacilityCode, HOME);
      assert.equal(r.card.source, 'qr');
      assert.equal(r.eligibility?.cardStatus, 'valid');
      assert.equal(r.eligibility.routeStatus, 'correct', 'registered at this facility');
      assert.equal(r.eligibility.effectivePercent, 95, 'level 3 (HT) = 95 %');
      assert.ok(r.eligibility.reasons.length);
      assert.equal(r.ticket.label, 'K01-002');
      // Later, by the typed card code, or by the bare BHXH number: same person, card completed from the record.
      const typed = await ok({ bhytCode: 'HT3929200000101', clinicCode: 'K02' });
      assert.equal(typed.person.id, r.person.id);
      assert.equal(typed.card?.initialFacilityCode, HOME);
      assert.equal(typed.card.source, 'record');
      const bhxh = await ok({ text: '9200000101', clinicCode: 'K02' }, 200);
      assert.equal(bhxh.checkin.id, typed.checkin.id);
    });

    test('a newer card with the same BHXH number finds the same person and is added to the record', async () => {
      const qr = bhytQr({
        cardCode: 'CN3929200000101',
        fullName: 'Trần Văn Bình',
        birthDate: '1958-02-03',
        sex: 'male',
      });
      const r = await ok({ text: qr, clinicCode: 'K03' });
      assert.equal(r.personCreated, false);
      assert.ok(r.person.identifiers.some((i) => i.system === 'bhyt' && i.value === 'CN3929200000101'));
    });

    test('every input kind: personal ID, VNeID, BHYT code, name + birth date, old CMND', async () => {
      const id = (await ok({ personalId: TUYET.personalId, clinicCode: 'K04' })).person.id;
      const v = await ok({ vneidCode: TUYET.personalId, clinicCode: 'K05' });
      assert.equal(v.person.id, id);
      assert.equal(v.checkin.inputKind, 'vneid');
      const vq = await ok({ vneidCode: cccdQr(TUYET), clinicCode: 'K05' }, 200);
      assert.equal(vq.person.id, id);
      const n = await ok({ fullName: 'nguyen thi anh tuyet', birthDate: '1990-05-17', clinicCode: 'K06' });
      assert.equal(n.person.id, id);
      assert.equal(n.checkin.inputKind, 'nameBirthDate');
      const c = await ok({ text: TUYET.oldId, clinicCode: 'K07' });
      assert.equal(c.person.id, id);
      assert.equal(c.checkin.inputKind, 'cmnd');
    });

    test('the ID card and its BHYT card scanned together', async () => {
      const who = {
        personalId: '092085001111',
        fullName: 'Lê Văn Hùng',
        birthDate: '1985-09-09',
        sex: 'male' as const,
      };
      const card = bhytQr({
        cardCode: 'DN4929200000222',
        fullName: who.fullName,
        birthDate: who.birthDate,
        sex: 'male',
      });
      const r = await ok({ text: cccdQr(who), cardText: card, clinicCode: 'K01' });
      assert.equal(r.person.personalId, who.personalId);
      assert.ok(r.person.identifiers.some((i) => i.value === 'DN4929200000222'));
      assert.equal(r.card?.code, 'DN4929200000222');
      assert.equal(r.eligibility?.effectivePercent, 80);
    });

    test('unknown person by identifier or name: 404 PERSON_NOT_FOUND, nothing stored', async () => {
      await refused({ personalId: '092199099999', clinicCode: 'K01' }, 404, 'PERSON_NOT_FOUND');
      await refused({ bhytCode: 'DN4929999999999', clinicCode: 'K01' }, 404, 'PERSON_NOT_FOUND');
      await refused(
        { fullName: 'Không Có Ai', birthDate: '1970-01-01', clinicCode: 'K01' },
        404,
        'PERSON_NOT_FOUND',
      );
    });

    test('unreadable QR: 400 QR_UNREADABLE, nothing stored', async () => {
      await refused({ text: '092190012345|||', clinicCode: 'K01' }, 400, 'QR_UNREADABLE');
      await refused(
        { text: 'DN4929200000222|zz-not-hex|01/01/1990|1', clinicCode: 'K01' },
        400,
        'QR_UNREADABLE',
      );
      await refused({ text: 'xin chào|thế giới', clinicCode: 'K01' }, 400, 'QR_UNREADABLE');
      await refused({ clinicCode: 'K01' }, 400, 'CHECKIN_INPUT_MISSING');
      await refused({ text: '92003', clinicCode: 'K01' }, 400, 'IDENTITY_NOT_A_PERSON');
    });

    test('expired card: 422 BHYT_CARD_EXPIRED and nothing created; self-pay checks in without BHYT', async () => {
      const body = {
        text: bhytQr({
          cardCode: 'GD4929200000333',
          fullName: 'Phạm Thị Hoa',
          birthDate: '1970-07-07',
          sex: 'female',
          validFrom: '2024-01-01',
          validTo: '2024-12-31',
        }),
        clinicCode: 'K01',
      };
      await refused(body, 422, 'BHYT_CARD_EXPIRED');
      const preview = await f.inject({
        method: 'POST',
        url: '/api/v1/checkin/preview',
        payload: body,
        as: f.as.registrar,
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const pv = preview.json<{
        isNew: boolean;
        blocking: { code: string }[];
        person: { id: string | null };
      }>();
      assert.equal(pv.isNew, true);
      assert.equal(pv.person.id, null);
      assert.deepEqual(
        pv.blocking.map((b) => b.code),
        ['BHYT_CARD_EXPIRED'],
      );
      const r = await ok({ ...body, selfPay: true });
      assert.equal(r.eligibility, null);
      assert.equal(r.checkin.selfPay, true);
      const xml = await f.inject({
        method: 'GET',
        url: `/api/v1/checkins/${r.checkin.id}/xml0`,
        as: f.as.registrar,
      });
      assert.match(xml.body, /<MA_DOITUONG_KCB>9<\/MA_DOITUONG_KCB>/);
      assert.match(xml.body, /<MA_THE_BHYT><\/MA_THE_BHYT>/);
    });

    test('ID / birth-year mismatch: 400 PERSONAL_ID_BIRTH_YEAR_MISMATCH, nothing stored', async () => {
      // 092 1 90 … says born 1990; the QR says 1991.
      const bad = cccdQr({
        personalId: '092190054321',
        fullName: 'Võ Minh Tâm',
        birthDate: '1991-03-03',
        sex: 'female',
      });
      await refused({ text: bad, clinicCode: 'K01' }, 400, 'PERSONAL_ID_BIRTH_YEAR_MISMATCH');
      await refused(
        { personalId: TUYET.personalId, birthDate: '1988-05-17', clinicCode: 'K01' },
        400,
        'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
      );
    });

    test("another person's card: 409 BHYT_CARD_OF_OTHER_PERSON, nothing stored", async () => {
      // Tuyết's ID card with Bình's card code.
      await refused(
        { text: cccdQr(TUYET), bhytCode: 'HT3929200000101', clinicCode: 'K08' },
        409,
        'BHYT_CARD_OF_OTHER_PERSON',
      );
      // A new ID card with a card QR printed for someone else entirely.
      const stranger = {
        personalId: '092080077777',
        fullName: 'Đỗ Văn Khánh',
        birthDate: '1980-01-01',
        sex: 'male' as const,
      };
      const card = bhytQr({
        cardCode: 'DN4929200000888',
        fullName: 'Mai Thị Lan',
        birthDate: '1999-09-09',
        sex: 'female',
      });
      await refused(
        { text: cccdQr(stranger), cardText: card, clinicCode: 'K08' },
        409,
        'BHYT_CARD_OF_OTHER_PERSON',
      );
    });

    test('an ID already on a record with another name and birth date: 409 CCCD_PERSON_MISMATCH', async () => {
      const impostor = { ...TUYET, fullName: 'Hoàng Văn Nam', birthDate: '1990-12-30' };
      await refused({ text: cccdQr(impostor), clinicCode: 'K08' }, 409, 'CCCD_PERSON_MISMATCH');
      // Only the birth date differs (typo in the record or the card): checked in, the difference reported.
      const typo = await ok({ text: cccdQr({ ...TUYET, birthDate: '1990-05-18' }), clinicCode: 'K08' });
      assert.ok(typo.warnings.some((w) => w.code === 'PERSON_DETAILS_DIFFER'));
    });

    test('the desk corrects demographics in the same transaction', async () => {
      const r = await ok({
        personalId: '092085001111',
        clinicCode: 'K02',
        corrections: { phone: '0912345678' },
      });
      assert.equal(r.person.phone, '0912345678');
      await refused(
        { personalId: '092085001111', clinicCode: 'K03', corrections: { birthDate: '2031-02-30' } },
        400,
        'BIRTH_DATE_INVALID',
      );
    });

    test("staff act only for their own facility; another facility's staff is refused", async () => {
      await refused(
        { text: cccdQr(TUYET), facilityCode: HOME, clinicCode: 'K01' },
        403,
        'FACILITY_SCOPE_FORBIDDEN',
        f.as.otherRegistrar,
      );
      await refused({ personalId: TUYET.personalId, clinicCode: 'K01' }, 403, 'FORBIDDEN', f.as.analyst);
      await refused(
        { personalId: TUYET.personalId, clinicCode: 'K01' },
        400,
        'FACILITY_REQUIRED',
        f.as.admin,
      );
      await refused({ personalId: TUYET.personalId, clinicCode: 'X99' }, 400, 'CLINIC_UNKNOWN');
      // Their own facility: fine (a district centre's queues are its own).
      const r = await ok({ personalId: TUYET.personalId, clinicCode: 'K01' }, 201, f.as.otherRegistrar);
      assert.equal(r.ticket.label, 'K01-001');
    });

    test("a facility's HIS (API key) checks in at its own facility only, and cannot preview", async () => {
      const key = async (code: string): Promise<string> => {
        const r = await f.inject({
          method: 'POST',
          url: `/api/v1/facilities/${code}/api-keys`,
          payload: {},
          as: f.as.admin,
        });
        assert.equal(r.statusCode, 201, r.body);
        return r.json<{ apiKey: string }>().apiKey;
      };
      const home = await key(HOME);
      const body = { personalId: TUYET.personalId, clinicCode: 'K08' };
      const ok1 = await f.inject({
        method: 'POST',
        url: '/api/v1/checkin',
        payload: body,
        headers: { 'x-api-key': home },
      });
      assert.ok([200, 201].includes(ok1.statusCode), ok1.body);
      const preview = await f.inject({
        method: 'POST',
        url: '/api/v1/checkin/preview',
        payload: body,
        headers: { 'x-api-key': home },
      });
      expectError(preview, 403, 'FORBIDDEN');
      const other = await key('92044');
      const refusedByScope = await f.inject({
        method: 'POST',
        url: '/api/v1/checkin',
        payload: { ...body, facilityCode: HOME },
        headers: { 'x-api-key': other },
      });
      expectError(refusedByScope, 403, 'FACILITY_SCOPE_FORBIDDEN');
    });

    test('a check-in starts a care relationship: the facility may read the person, another may not', async () => {
      const who = {
        personalId: '092075003333',
        fullName: 'Ngô Thị Mai',
        birthDate: '1975-06-06',
        sex: 'female' as const,
      };
      const other = await ok({ text: cccdQr(who), clinicCode: 'K01' }, 201, f.as.otherRegistrar);
      const mine = await f.inject({
        method: 'GET',
        url: `/api/v1/persons/${other.person.id}`,
        as: f.as.otherRegistrar,
      });
      assert.equal(mine.statusCode, 200, mine.body);
      const theirs = await f.inject({
        method: 'GET',
        url: `/api/v1/persons/${other.person.id}`,
        as: f.as.clinician,
      });
      assert.equal(theirs.statusCode, 403, theirs.body);
      // …and the check-in itself (and its ticket / XML0) only to its facility.
      const c = await f.inject({
        method: 'GET',
        url: `/api/v1/checkins/${other.checkin.id}`,
        as: f.as.registrar,
      });
      expectError(c, 403, 'FACILITY_SCOPE_FORBIDDEN');
    });

    test('concurrent check-ins of different persons get distinct consecutive numbers', async () => {
      const people = Array.from({ length: 24 }, (_, i) => ({
        personalId: `0922000${String(10000 + i).slice(1)}0`.slice(0, 12),
        fullName: `Nguyễn Văn Khách ${String.fromCharCode(65 + i)}`,
        birthDate: '2000-01-15',
        sex: 'male' as const,
      }));
      const res = await Promise.all(people.map((who) => f.post({ text: cccdQr(who), clinicCode: 'K04' })));
      for (const r of res) assert.equal(r.statusCode, 201, r.body);
      const numbers = res.map((r) => r.json<CheckinJson>().ticket.number).sort((a, b) => a - b);
      const first = numbers[0]!;
      assert.deepEqual(
        numbers,
        people.map((_, i) => first + i),
      );
    });

    test('concurrent check-ins of the same person hold one ticket', async () => {
      const who = {
        personalId: '092201099999',
        fullName: 'Lý Gia Hân',
        birthDate: '2001-11-11',
        sex: 'female' as const,
      };
      const res = await Promise.all(
        Array.from({ length: 6 }, () => f.post({ text: cccdQr(who), clinicCode: 'K05' })),
      );
      const ids = new Set(res.map((r) => r.json<CheckinJson>().checkin.id));
      assert.equal(ids.size, 1, res.map((r) => r.body).join('\n'));
      assert.equal(
        await f.count('SELECT count(*) AS n FROM person WHERE personal_id = $1', [who.personalId]),
        1,
      );
      assert.deepEqual(res.map((r) => r.statusCode).sort(), [200, 200, 200, 200, 200, 201]);
    });

    test('the XML0 record is stored and exported as the XML0 table', async () => {
      // K01 declares its examination service (02.03 Khám Nội tổng hợp): a complete record.
      const r = await ok({ personalId: '092085001111', clinicCode: 'K01' }, 200);
      const x = await f.inject({
        method: 'GET',
        url: `/api/v1/checkins/${r.checkin.id}/xml0`,
        as: f.as.registrar,
      });
      assert.equal(x.statusCode, 200, x.body);
      assert.match(String(x.headers['content-type']), /application\/xml/);
      assert.match(
        x.body,
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<CHI_TIEU_TRANG_THAI_KCB>\n<DSACH_TRANG_THAI_KCB>/,
      );
      assert.ok(x.body.includes(`<MA_LK>${r.checkin.id}</MA_LK>`));
      assert.ok(x.body.includes('<HO_TEN>Lê Văn Hùng</HO_TEN>'));
      assert.ok(x.body.includes('<SO_CCCD>092085001111</SO_CCCD>'));
      assert.ok(x.body.includes('<NGAY_SINH>198509090000</NGAY_SINH>'));
      assert.ok(x.body.includes('<MA_THE_BHYT>DN4929200000222</MA_THE_BHYT>'));
      assert.ok(x.body.includes(`<MA_CSKCB>${HOME}</MA_CSKCB>`));
      assert.ok(x.body.includes('<MA_LOAI_KCB>01</MA_LOAI_KCB>'));
      const stored = await f.inject({
        method: 'GET',
        url: `/api/v1/checkins/${r.checkin.id}`,
        as: f.as.registrar,
      });
      const rec = stored.json<{ xml0: Record<string, string> }>().xml0;
      const report = validateTable('XML0', [rec]);
      assert.deepEqual(report.errors, [], 'the record passes the XML0 field rules');
    });

    test('every check-in is audited, without personal data in the event', async () => {
      const n = await f.count(
        `SELECT count(*) AS n FROM audit_event WHERE resource_type = 'Checkin' AND action = 'create' AND person_id IS NOT NULL`,
      );
      const stored = await f.count('SELECT count(*) AS n FROM checkin');
      assert.ok(n >= stored, `${n} audit events for ${stored} check-ins`);
      const leaked = await f.count(
        `SELECT count(*) AS n FROM audit_event WHERE resource_type = 'Checkin' AND details::text LIKE '%' || $1 || '%'`,
        [TUYET.personalId],
      );
      assert.equal(leaked, 0);
    });
  });
}
