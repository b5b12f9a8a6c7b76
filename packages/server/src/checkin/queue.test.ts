import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../testing/engines.ts';
import {
  cccdQr,
  checkinFixture,
  expectError,
  HOME,
  type CheckinFixture,
  type CheckinJson,
} from './test-support.ts';

interface QueueJson {
  nowServing: string | null;
  recentlyCalled: string[];
  next: string[];
  waitingCount: number;
  lastIssued: string | null;
  clinicName: string;
  estimatedWaitMinutes: number;
}

interface CallJson {
  called: { checkinId: string; label: string; person: { fullName: string; birthYear: string } } | null;
  queue: QueueJson;
}

const people = ['Phan Văn Một', 'Phan Thị Hai', 'Phan Văn Ba'].map((fullName, i) => ({
  personalId: `09219000${String(7001 + i)}`,
  fullName,
  birthDate: '1990-03-0' + String(i + 1),
  sex: i % 2 ? ('female' as const) : ('male' as const),
}));

for (const engine of engines()) {
  describe(`queue: display and call-next [${engine}]`, () => {
    let f: CheckinFixture;
    const display = async (): Promise<QueueJson> => {
      const r = await f.inject({ method: 'GET', url: `/api/v1/queues/${HOME}/K01` });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<QueueJson>();
    };
    const callNext = async (as = f.as.clinician): Promise<CallJson> => {
      const r = await f.inject({ method: 'POST', url: `/api/v1/queues/${HOME}/K01/call-next`, as });
      assert.equal(r.statusCode, 200, r.body);
      return r.json<CallJson>();
    };

    before(async () => {
      f = await checkinFixture(engine);
    });
    after(() => f.dispose());

    test('an empty queue', async () => {
      const q = await display();
      assert.equal(q.nowServing, null);
      assert.deepEqual(q.next, []);
      assert.equal(q.clinicName, 'Khám Nội');
      assert.equal((await callNext()).called, null);
    });

    test('tickets wait in order; the display needs no login and shows numbers only', async () => {
      for (const who of people) {
        const r = await f.post({ text: cccdQr(who), clinicCode: 'K01' });
        assert.equal(r.statusCode, 201, r.body);
      }
      const raw = await f.inject({ method: 'GET', url: `/api/v1/queues/${HOME}/k01` });
      assert.equal(raw.statusCode, 200);
      for (const who of people)
        assert.ok(!raw.body.includes(who.fullName.split(' ')[2]!), 'no names on the display');
      assert.ok(!raw.body.includes(people[0]!.personalId));
      const q = raw.json<QueueJson>();
      assert.deepEqual(q.next, ['K01-001', 'K01-002', 'K01-003']);
      assert.equal(q.waitingCount, 3);
      assert.equal(q.lastIssued, 'K01-003');
    });

    test('call-next calls tickets in order and the display follows', async () => {
      const a = await callNext();
      assert.equal(a.called?.label, 'K01-001');
      assert.equal(a.called.person.fullName, 'Phan Văn Một', 'the clinic sees who it calls');
      assert.equal(a.queue.nowServing, 'K01-001');
      const b = await callNext(f.as.registrar);
      assert.equal(b.called?.label, 'K01-002');
      const q = await display();
      assert.equal(q.nowServing, 'K01-002');
      assert.deepEqual(q.recentlyCalled, ['K01-001']);
      assert.deepEqual(q.next, ['K01-003']);
      assert.equal(q.waitingCount, 1);
    });

    test('a ticket taken now reports its position behind those still waiting', async () => {
      const who = {
        personalId: '092190007999',
        fullName: 'Phan Văn Bốn',
        birthDate: '1990-03-09',
        sex: 'male' as const,
      };
      const r = (await f.post({ text: cccdQr(who), clinicCode: 'K01' })).json<CheckinJson>();
      assert.equal(r.ticket.label, 'K01-004');
      assert.equal(r.ticket.position, 2, 'K01-003 is still before it');
      assert.ok(r.ticket.estimatedWaitMinutes > 0);
      // The same person again: the same ticket, the same position and wait (the queue's pace is read
      // with the ticket, in the lookup itself).
      const repeat = (await f.post({ text: cccdQr(who), clinicCode: 'K01' })).json<CheckinJson>();
      assert.equal(repeat.checkin.repeated, true);
      assert.deepEqual(repeat.ticket, r.ticket);
      // A called ticket reprinted: position 0.
      const again = (await f.post({ text: cccdQr(people[0]!), clinicCode: 'K01' })).json<CheckinJson>();
      assert.equal(again.checkin.repeated, true);
      assert.equal(again.ticket.position, 0);
    });

    test('concurrent call-next calls each ticket once', async () => {
      const res = await Promise.all([callNext(), callNext(f.as.registrar), callNext()]);
      const labels = res.map((r) => r.called?.label ?? '-').sort();
      assert.deepEqual(labels, ['-', 'K01-003', 'K01-004']);
      assert.equal((await display()).waitingCount, 0);
    });

    test("another facility's staff cannot call this queue; unknown clinic or facility is refused", async () => {
      expectError(
        await f.inject({
          method: 'POST',
          url: `/api/v1/queues/${HOME}/K01/call-next`,
          as: f.as.otherRegistrar,
        }),
        403,
        'FACILITY_SCOPE_FORBIDDEN',
      );
      expectError(
        await f.inject({ method: 'POST', url: `/api/v1/queues/${HOME}/K01/call-next`, as: f.as.analyst }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await f.inject({ method: 'GET', url: `/api/v1/queues/${HOME}/Z99` }),
        400,
        'CLINIC_UNKNOWN',
      );
      expectError(
        await f.inject({ method: 'GET', url: '/api/v1/queues/99999/K01' }),
        404,
        'FACILITY_NOT_FOUND',
      );
    });

    test('the clinics of a facility', async () => {
      const r = await f.inject({
        method: 'GET',
        url: `/api/v1/facilities/${HOME}/clinics`,
        as: f.as.registrar,
      });
      assert.equal(r.statusCode, 200, r.body);
      const items = r.json<{ items: { code: string; serviceCode: string | null }[] }>().items;
      assert.equal(items[0]?.code, 'K01');
      assert.equal(items[0].serviceCode, '02.03');
    });
  });
}
