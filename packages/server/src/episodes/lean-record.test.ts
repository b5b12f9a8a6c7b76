/**
 * Line records are stored once: fields a typed column holds verbatim (and the episode's MA_LK) are
 * left out of `record` and put back on reading — exactly, whatever the values (padding, trailing
 * zeros, empty, escapes). PGlite, and PostgreSQL with TEST_DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emitEnvelope, parseEnvelope, type Hoso } from '@suckhoe/domain/xml130/index';
import { engines, type TestDb } from '../testing/engines.ts';
import { syntheticHoso } from '../ingest/synthetic.ts';
import { adminImport, ingestTestDb, TEST_FACILITY } from '../ingest/test-support.ts';
import { fullRecord, loadEpisode } from './read.ts';

type Rec = Record<string, string>;

/** A generated episode whose lines carry the values a lean record must not lose. */
function quirky(): Hoso {
  const h = syntheticHoso(3, { facility: TEST_FACILITY, prefix: 'LEAN', drugs: 3 });
  const t = h.tables as unknown as Record<string, Rec[]>;
  const [d0, d1, d2] = t.XML2!;
  d0!.HAM_LUONG = `  ${d0!.HAM_LUONG || 'x'}  `; // typed column trimmed: kept in the record
  d0!.TEN_THUOC = 'Thuốc \\ có gạch chéo\tvà tab';
  d1!.DON_VI_TINH = 'Viên\\N'; // a COPY escape look-alike
  d2!.THANH_TIEN_BV = `${d2!.THANH_TIEN_BV}.0`; // the typed numeric reads back without ".0": kept
  const s0 = t.XML3![0]!;
  s0.DON_GIA_BV = '55000.00'; // the typed numeric reads back "55000": kept
  s0.TEN_DICH_VU = '  Khám bệnh';
  const l0 = t.XML4![0]!;
  l0.DON_VI_DO = ''; // empty: typed NULL, read back empty
  l0.MO_TA = '';
  return h;
}

for (const engine of engines()) {
  describe(`lean line records [${engine}]`, () => {
    let t: TestDb;

    before(async () => {
      t = await ingestTestDb(engine);
    });
    after(async () => {
      await t.dispose();
    });

    test('stored once, read back exactly as parsed', async () => {
      const h = quirky();
      const xml = emitEnvelope({ macskcb: TEST_FACILITY, ngayLap: '20260320', hoso: [h] });
      const r = await adminImport(t.db, xml);
      assert.equal(r.accepted, 1, JSON.stringify(r.results[0]?.errors));
      const parsed = parseEnvelope(xml).value!.hoso[0]!;
      const maLk = r.results[0]!.maLk;
      const stored = await loadEpisode(t.db, TEST_FACILITY, maLk);
      assert.ok(stored);
      for (const table of ['XML1', 'XML2', 'XML3', 'XML4', 'XML5', 'XML7', 'XML13', 'XML14'] as const) {
        const want = (parsed.tables[table] ?? []).map((x) => fullRecord(table, x));
        assert.deepEqual(stored.tables[table] ?? [], want, table);
      }
      // and the stored records are lean: no MA_LK, no field a typed column holds verbatim
      const drugs = await t.db.query<{ record: Rec; line_no: number }>(
        'SELECT line_no, record FROM episode_drug ORDER BY line_no',
      );
      assert.equal(drugs.length, 3);
      for (const d of drugs) {
        assert.equal(d.record.MA_LK, undefined);
        assert.equal(d.record.MA_THUOC, undefined);
        assert.equal(d.record.TEN_THUOC, undefined);
      }
      assert.ok(drugs[0]!.record.HAM_LUONG?.startsWith('  '), 'padded value kept whole');
      const [s0] = await t.db.query<{ record: Rec }>('SELECT record FROM episode_service WHERE line_no = 0');
      assert.equal(s0!.record.DON_GIA_BV, '55000.00');
      assert.equal(s0!.record.TEN_DICH_VU, '  Khám bệnh');
    });
  });
}
