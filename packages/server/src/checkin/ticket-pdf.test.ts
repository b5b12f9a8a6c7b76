import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines } from '../testing/engines.ts';
import {
  cccdQr,
  checkinFixture,
  expectError,
  type CheckinFixture,
  type CheckinJson,
} from './test-support.ts';

const hasTool = (tool: string): boolean => spawnSync(tool, ['-v'], { stdio: 'ignore' }).status !== null;
const PDFTOTEXT = hasTool('pdftotext');
if (!PDFTOTEXT) {
  console.log(
    'ℹ pdftotext (poppler-utils) is not installed: the PDF text round-trip is SKIPPED (apt-get install poppler-utils).',
  );
}

const who = {
  personalId: '092190012345',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  birthDate: '1990-05-17',
  sex: 'female' as const,
};

for (const engine of engines()) {
  describe(`queue ticket PDF [${engine}]`, () => {
    let f: CheckinFixture;
    let dir: string;
    let checkin: CheckinJson;
    let pdf: Buffer;

    before(async () => {
      f = await checkinFixture(engine);
      dir = mkdtempSync(join(tmpdir(), 'ticket-pdf-'));
      checkin = (await f.post({ text: cccdQr(who), clinicCode: 'K01' })).json<CheckinJson>();
    });
    after(async () => {
      rmSync(dir, { recursive: true, force: true });
      await f.dispose();
    });

    test('GET /checkins/{id}/ticket.pdf is a PDF 80 mm wide', async () => {
      const r = await f.inject({
        method: 'GET',
        url: `/api/v1/checkins/${checkin.checkin.id}/ticket.pdf`,
        as: f.as.registrar,
      });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.headers['content-type'], 'application/pdf');
      pdf = r.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const media = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
      assert.ok(media, 'a MediaBox');
      assert.ok(Math.abs(Number(media[1]) - (80 / 25.4) * 72) < 0.5, `width ${media[1]} pt = 80 mm`);
      assert.ok(Number(media[2]) < 600, 'one short page, height fitted to the ticket');
    });

    test('the Vietnamese text survives pdftotext', { skip: !PDFTOTEXT && 'pdftotext not installed' }, () => {
      const file = join(dir, 'ticket.pdf');
      writeFileSync(file, pdf);
      const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      assert.equal(out.status, 0, out.stderr);
      const text = out.stdout.replace(/\s+/g, ' ');
      for (const expected of [
        'PHIẾU SỐ THỨ TỰ KHÁM BỆNH',
        'Khám Nội',
        'K01-001',
        'Nguyễn Thị Ánh Tuyết',
        'BỆNH VIỆN ĐA KHOA THÀNH PHỐ CẦN THƠ',
        'Vui lòng giữ phiếu và chờ gọi số tại phòng khám',
      ]) {
        assert.ok(text.includes(expected), `"${expected}" in: ${text}`);
      }
    });

    test("another facility's staff cannot print it", async () => {
      expectError(
        await f.inject({
          method: 'GET',
          url: `/api/v1/checkins/${checkin.checkin.id}/ticket.pdf`,
          as: f.as.otherRegistrar,
        }),
        403,
        'FACILITY_SCOPE_FORBIDDEN',
      );
    });
  });
}
