import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import {
  emitEnvelope,
  emitTable,
  parseEnvelope,
  parseTable,
  REGISTRY,
  toEpisode,
  validateEnvelope,
  type Envelope,
  type Finding,
  type TableId,
} from './index.ts';
import { SAMPLE_FILES, readDecoded, readSample } from './test-support.ts';

function parsed(name: string): Envelope {
  const r = parseEnvelope(readSample(name));
  assert.ok(r.ok, `${name}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

const codes = (findings: readonly Finding[]) => findings.map((f) => `${f.rule}:${f.table}.${f.field ?? ''}`);

test('every real sample parses without reading errors', () => {
  for (const name of Object.values(SAMPLE_FILES)) {
    const env = parsed(name);
    assert.equal(env.header.macskcb, '94170');
    assert.equal(env.hoso.length, 1);
    assert.equal(env.signature.present, true);
    assert.equal(env.signature.signed, false);
    assert.equal(env.hoso[0]!.maLk, 'LK-SAMPLE-01');
  }
});

test('sample01: tables, record counts and documented quirks as warnings', () => {
  const env = parsed(SAMPLE_FILES.inpatient);
  const hoso = env.hoso[0]!;
  const counts = Object.fromEntries(Object.entries(hoso.tables).map(([k, v]) => [k, v.length]));
  assert.deepEqual(counts, {
    XML1: 1,
    XML2: 7,
    XML3: 13,
    XML4: 32,
    XML5: 6,
    XML7: 1,
    XML8: 1,
    XML9: 1,
    XML14: 1,
  });
  const xml1 = hoso.tables.XML1![0]!;
  assert.equal(xml1.T_BNCCT, '781970.8'); // comma decimal normalised
  assert.equal(xml1.THANG_QT, '03'); // leading zero added
  assert.equal(xml1.CHAN_DOAN_RV.endsWith('TRƯỚC ĐÓ.\n'), true); // text kept as sent
  assert.equal(hoso.tables.XML8![0]!.DU_PHONG, '>'); // stray '>' is a value
  const warnings = codes(hoso.warnings);
  assert.ok(warnings.includes('DECIMAL_COMMA:XML1.T_BNCCT'));
  assert.ok(warnings.includes('VALUE_PADDED:XML1.THANG_QT'));
  assert.ok(warnings.includes('DECIMAL_COMMA:XML3.SO_LUONG'));
});

test('sample03 and sample04: xsi namespace typo is a warning', () => {
  for (const name of [SAMPLE_FILES.followUp, SAMPLE_FILES.negative]) {
    const hoso = parsed(name).hoso[0]!;
    assert.ok(codes(hoso.warnings).includes('XSI_NAMESPACE_TYPO:XML1.'));
  }
});

test('the envelope tables equal the decoded files next to each sample', () => {
  for (const name of Object.values(SAMPLE_FILES)) {
    const hoso = parsed(name).hoso[0]!;
    for (const [table, text] of readDecoded(name)) {
      const alone = parseTable(table, text);
      assert.ok(alone.value, `${name} ${table}`);
      assert.deepEqual(alone.value.records, hoso.tables[table], `${name} ${table}`);
    }
  }
});

test('import → emit → import is identity on the typed model (real samples)', () => {
  for (const name of Object.values(SAMPLE_FILES)) {
    const env = parsed(name);
    const xml = emitEnvelope({ macskcb: env.header.macskcb, ngayLap: env.header.ngayLap, hoso: env.hoso });
    const again = parseEnvelope(xml);
    assert.ok(again.ok, again.errors.map((e) => e.message).join('; '));
    assert.deepEqual(again.warnings, [], `${name}: emitted files need no leniency`);
    assert.deepEqual(again.value.header, env.header);
    assert.deepEqual(
      again.value.hoso.map((h) => h.tables),
      env.hoso.map((h) => h.tables),
    );
  }
});

/**
 * Independent check with fast-xml-parser: the emitted inner tables equal the original decoded
 * tables field by field, after normalising the documented quirks (comma decimals, THANG_QT).
 */
test('emitted inner tables equal the originals field by field (independent parser)', () => {
  const xp = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    processEntities: true,
  });
  const leaves = (doc: string, table: TableId): Record<string, string>[] => {
    const spec = REGISTRY.tables[table];
    const tree = xp.parse(doc) as Record<string, unknown>;
    const root = tree[spec.root] as Record<string, unknown>;
    const list =
      spec.list === undefined
        ? [root]
        : ([] as unknown[]).concat((root[spec.list] as Record<string, unknown>)[spec.record!]);
    return list.map((rec) => {
      const out: Record<string, string> = {};
      for (const f of spec.fields) {
        const v = (rec as Record<string, unknown>)[f.name];
        out[f.name] = typeof v === 'string' ? v.replace(/\r\n/g, '\n') : '';
      }
      return out;
    });
  };
  const quirks = (table: TableId, rec: Record<string, string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const f of REGISTRY.tables[table].fields) {
      let v = rec[f.name] ?? '';
      if (f.type !== 'text') v = v.trim();
      if ((f.type === 'decimal' || f.type === 'int') && /^\d+,\d+$/.test(v)) v = v.replace(',', '.');
      if (f.padTo !== undefined && /^\d+$/.test(v)) v = v.padStart(f.padTo, '0');
      out[f.name] = v;
    }
    return out;
  };
  for (const name of Object.values(SAMPLE_FILES)) {
    const env = parsed(name);
    for (const [table, original] of readDecoded(name)) {
      const emitted = emitTable(table, env.hoso[0]!.tables[table]!);
      const expected = leaves(original, table).map((r) => quirks(table, r));
      assert.deepEqual(leaves(emitted, table), expected, `${name} ${table}`);
    }
  }
});

test('sample04 (NEGATIVE) fails the totals rule on T_THUOC', () => {
  const report = validateEnvelope(parsed(SAMPLE_FILES.negative), { senderFacility: '94170' });
  assert.equal(report.ok, false);
  const thuoc = report.errors.find((e) => e.rule === 'TOTAL_T_THUOC');
  assert.ok(thuoc);
  assert.equal(thuoc.table, 'XML1');
  assert.equal(thuoc.field, 'T_THUOC');
  assert.equal(thuoc.code, 'TOTAL_MISMATCH');
  assert.match(thuoc.message, /T_THUOC/);
  const totals = report.errors.filter((e) => e.code === 'TOTAL_MISMATCH').map((e) => e.field);
  assert.deepEqual(totals.sort(), ['T_THUOC', 'T_TONGCHI_BH', 'T_TONGCHI_BV']);
});

/**
 * Real hospitals send these two files exactly like this and the province accepts them: the fields the
 * appendix marks "Y" but which the real files leave empty (a note, a name derivable from a code list,
 * drug strength / route) are warnings (FIELD_EMPTY_TOLERATED, amendments PRACTICE-*), never errors.
 */
test('sample01 and sample03 are valid: every cross-table rule passes, exactly the expected warnings', () => {
  const expected: Record<string, readonly string[]> = {
    [SAMPLE_FILES.inpatient]: [
      'FIELD_EMPTY_TOLERATED:XML4.TEN_CHI_SO',
      'FIELD_EMPTY_TOLERATED:XML9.GHI_CHU',
      'PATTERN_WARNING:XML9.MA_BHXH_NND', // redacted to all zeros
      'TOTAL_T_BHTT_GDV:XML1.T_BHTT_GDV',
    ],
    [SAMPLE_FILES.followUp]: [
      'FIELD_EMPTY_TOLERATED:XML2.DUONG_DUNG',
      'FIELD_EMPTY_TOLERATED:XML2.HAM_LUONG',
      'FIELD_EXPECTED_IF:XML3.MA_MAY',
      'TOTAL_T_BHTT_GDV:XML1.T_BHTT_GDV',
    ],
  };
  for (const [name, want] of Object.entries(expected)) {
    const report = validateEnvelope(parsed(name), { senderFacility: '94170' });
    assert.deepEqual(report.errors, [], name);
    assert.equal(report.ok, true, name);
    const got = [...new Set(report.warnings.map((w) => `${w.rule}:${w.table}.${w.field ?? ''}`))].sort();
    assert.deepEqual(got, [...want].sort(), name);
    for (const w of report.warnings.filter((x) => x.rule === 'FIELD_EMPTY_TOLERATED')) {
      assert.equal(w.severity, 'warning');
      assert.match(w.message, new RegExp(`${w.field!}.*${w.table}.*để trống`), w.message);
    }
  }
  // sample03: three drug lines without HAM_LUONG are merged into one warning with a count.
  const s3 = validateEnvelope(parsed(SAMPLE_FILES.followUp), { senderFacility: '94170' });
  assert.equal(s3.warnings.find((w) => w.field === 'HAM_LUONG')?.details?.count, 3);
});

test('the tolerated empty fields are amendments with a reason and a source, not base-table edits', () => {
  const tolerated = (table: TableId, field: string) =>
    REGISTRY.tables[table].fields.find((f) => f.name === field)!;
  for (const [table, field] of [
    ['XML2', 'HAM_LUONG'],
    ['XML2', 'DUONG_DUNG'],
    ['XML4', 'TEN_CHI_SO'],
    ['XML9', 'GHI_CHU'],
  ] as const) {
    const spec = tolerated(table, field);
    assert.deepEqual(spec.required, { severity: 'warning', source: 'S7' }, `${table}.${field}`);
    const last = spec.history?.at(-1);
    assert.ok(last, `${table}.${field}`);
    assert.equal(last.version, 'PRACTICE', `${table}.${field}`);
    assert.match(last.amendment ?? '', /^PRACTICE-/);
  }
  // Identifiers, dates and totals stay errors.
  for (const [table, field] of [
    ['XML1', 'MA_LK'],
    ['XML1', 'NGAY_VAO'],
    ['XML1', 'T_TONGCHI_BV'],
    ['XML2', 'MA_THUOC'],
    ['XML2', 'THANH_TIEN_BV'],
    ['XML3', 'MA_BENH'],
    ['XML4', 'MA_LK'],
    ['XML9', 'NGAY_SINH_CON'],
  ] as const)
    assert.equal(tolerated(table, field).required, true, `${table}.${field}`);
});

test('toEpisode gives the canonical view of the inpatient sample', () => {
  const result = toEpisode(parsed(SAMPLE_FILES.inpatient).hoso[0]!);
  assert.ok(result.ok);
  const e = result.value;
  assert.equal(e.maLk, 'LK-SAMPLE-01');
  assert.equal(e.facilityCode, '94170');
  assert.equal(e.patient.gender, 'female');
  assert.equal(e.patient.ngaySinh?.year, 1996);
  assert.equal(e.patient.maTheBhyt, 'GD4920000000000');
  assert.equal(e.patient.maBhxh, '0000000000');
  assert.deepEqual(e.patient.cards[0], {
    number: 'GD4920000000000',
    maBhxh: '0000000000',
    maDkbd: '94019',
    validFrom: '2026-01-29',
    validTo: '2027-01-28',
  });
  assert.equal(e.encounter.maLoaiKcb, '03');
  assert.equal(e.encounter.admittedAt, '2026-03-16T15:22:00+07:00');
  assert.equal(e.encounter.dischargedAt, '2026-03-20T11:00:00+07:00');
  assert.equal(e.encounter.soNgayDtri, 5);
  assert.deepEqual(e.encounter.followUpDates, ['2026-04-03']);
  assert.deepEqual(e.encounter.newbornWeights, [3090]);
  assert.equal(e.diagnoses.main, 'O34.2');
  assert.deepEqual(e.diagnoses.secondary, []);
  assert.deepEqual(e.diagnoses.procedures, ['74.1']);
  assert.equal(e.totals.bncct, 781970.8);
  assert.equal(e.totals.tongChiBv, 13305554);
  assert.equal(e.drugs.length, 7);
  assert.equal(e.services.length, 13);
  assert.equal(e.labs.length, 32);
  assert.equal(e.clinicalNotes.length, 6);
  assert.equal(e.dischargePapers.length, 1);
  assert.equal(e.birthCertificates.length, 1);
  assert.equal(e.birthCertificates[0]?.weightGrams, 3090);
  assert.equal(e.birthCertificates[0].caesarean, true);
  assert.ok(e.summary);
  assert.equal(e.appointment?.at, '2026-04-03');
  assert.equal(e.referral, undefined);
  assert.equal(e.services[0]?.maMay[0], 'SA.3.94170.806692');
  assert.equal(e.services[0].performedAt, '2026-03-16T16:31:00+07:00');
});

test('sample03: outpatient visit with follow-up appointment and secondary diagnoses', () => {
  const result = toEpisode(parsed(SAMPLE_FILES.followUp).hoso[0]!);
  assert.ok(result.ok);
  assert.equal(result.value.encounter.maLoaiKcb, '01');
  assert.equal(result.value.patient.gender, 'male');
  assert.ok(result.value.diagnoses.secondary.length > 0);
  assert.equal(result.value.services[0]?.maBenh.length, 4);
  assert.equal(result.value.appointment?.at, '2026-02-27');
});
