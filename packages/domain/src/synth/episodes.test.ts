import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emitEnvelope } from '../xml130/emit/envelope.ts';
import { parseEnvelope } from '../xml130/parse/envelope.ts';
import { toEpisode } from '../xml130/episode/to-episode.ts';
import { validateHoso } from '../xml130/validate/index.ts';
import { generateEpisodes, type SynthEpisode } from './episodes.ts';
import { generatePersons } from './persons.ts';

const PERSONS = 2500;
const episodes = [...generateEpisodes({ provinceCode: '92', seed: 11, personCount: PERSONS, count: 2000 })];
const xml1 = (e: SynthEpisode) => e.hoso.tables.XML1![0]!;
const share = (pred: (e: SynthEpisode) => boolean): number => episodes.filter(pred).length / episodes.length;

test('exactly the requested number of episodes, the same for the same seed', () => {
  assert.equal(episodes.length, 2000);
  assert.deepEqual(
    episodes.map((e) => e.index),
    episodes.map((_, i) => i),
  );
  const again = [...generateEpisodes({ provinceCode: '92', seed: 11, personCount: PERSONS, count: 2000 })];
  assert.deepEqual(again, episodes);
  const other = [...generateEpisodes({ provinceCode: '92', seed: 12, personCount: PERSONS, count: 50 })];
  assert.notDeepEqual(other, episodes.slice(0, 50));
  assert.equal(
    [...generateEpisodes({ provinceCode: '92', seed: 11, personCount: PERSONS, count: 0 })].length,
    0,
  );
});

test('every HOSO passes the XML 130 validator (fields, presence, totals, times) without errors', () => {
  for (const e of episodes) {
    const r = validateHoso(e.hoso, { macskcb: e.facilityCode });
    assert.deepEqual(r.errors, [], `${e.maLk}: ${JSON.stringify(r.errors.slice(0, 2))}`);
    assert.ok(toEpisode(e.hoso).ok, e.maLk);
  }
});

test('keys hang together: unique MA_LK, the sending facility, persons of the population', () => {
  const ids = new Set(
    [...generatePersons({ provinceCode: '92', count: PERSONS, seed: 11 })].map((p) => p.id),
  );
  assert.equal(new Set(episodes.map((e) => e.maLk)).size, episodes.length);
  for (const e of episodes) {
    const x = xml1(e);
    assert.equal(x.MA_LK, e.maLk);
    assert.equal(x.MA_CSKCB, e.facilityCode);
    assert.equal(x.NGAY_VAO, e.admittedAt);
    assert.ok(ids.has(e.personId));
    for (const rows of Object.values(e.hoso.tables))
      for (const r of rows) assert.equal((r as { MA_LK: string }).MA_LK, e.maLk);
  }
});

test('a realistic mix: mostly outpatient, some inpatient and day care, referrals, appointments, births, EPI, NCD follow-ups', () => {
  assert.ok(share((e) => xml1(e).MA_LOAI_KCB === '01') > 0.8);
  assert.ok(share((e) => xml1(e).MA_LOAI_KCB === '03') > 0.03);
  assert.ok(episodes.some((e) => xml1(e).MA_LOAI_KCB === '04'));
  const referrals = share((e) => e.hoso.tables.XML13 !== undefined);
  assert.ok(referrals > 0.02 && referrals < 0.05, `referrals ${referrals}`);
  for (const e of episodes.filter((x) => x.hoso.tables.XML13)) {
    const next = episodes[e.index + 1];
    assert.equal(xml1(e).MA_LOAI_RV, '2');
    // The receiving episode follows with the letter, unless the window ended first.
    if (next && next.personId === e.personId) {
      assert.equal(xml1(next).MA_NOI_DI, e.facilityCode);
      assert.equal(xml1(next).GIAY_CHUYEN_TUYEN, e.hoso.tables.XML13![0]!.GIAY_CHUYEN_TUYEN);
      assert.equal(xml1(next).MA_CSKCB, xml1(e).MA_NOI_DEN);
    }
  }
  assert.ok(share((e) => e.hoso.tables.XML14 !== undefined) > 0.1);
  const births = episodes.filter((e) => e.hoso.tables.XML9);
  assert.ok(births.length > 3);
  for (const b of births) assert.match(xml1(b).MA_BENH_CHINH, /^O8[02]$/);
  assert.ok(
    episodes.filter((e) => e.kind === 'vaccination').every((e) => /^Z2[347]/.test(xml1(e).MA_BENH_CHINH)),
  );
  assert.ok(share((e) => e.kind === 'vaccination') > 0.02);
  const ncd = episodes.filter((e) => e.kind === 'chronic');
  assert.ok(ncd.length / episodes.length > 0.1 && ncd.length / episodes.length < 0.45);
  assert.ok(ncd.every((e) => ['I10', 'E11.9'].includes(xml1(e).MA_BENH_CHINH)));
  const codes = new Set(episodes.map((e) => xml1(e).MA_BENH_CHINH));
  for (const icd of ['J06.9', 'J20.9', 'J18.9', 'K29.7', 'M54.5', 'I10']) assert.ok(codes.has(icd), icd);
});

test('hospital episodes carry about 5–8 drug, service and lab lines', () => {
  const hospital = episodes.filter((e) => /^920[0-3]\d$/.test(e.facilityCode));
  const avg = (t: 'XML2' | 'XML3' | 'XML4') =>
    hospital.reduce((s, e) => s + (e.hoso.tables[t]?.length ?? 0), 0) / hospital.length;
  assert.ok(avg('XML2') >= 4, `XML2 ${avg('XML2')}`);
  assert.ok(avg('XML3') >= 4, `XML3 ${avg('XML3')}`);
  assert.ok(avg('XML4') >= 3, `XML4 ${avg('XML4')}`);
});

test('an emitted envelope parses back to the same tables', () => {
  const facility = episodes[0]!.facilityCode;
  const batch = episodes.filter((e) => e.facilityCode === facility).slice(0, 10);
  const xml = emitEnvelope({ macskcb: facility, ngayLap: '20261101', hoso: batch.map((e) => e.hoso) });
  const parsed = parseEnvelope(xml);
  assert.ok(parsed.ok, JSON.stringify(parsed.errors.slice(0, 2)));
  assert.equal(parsed.value.hoso.length, batch.length);
  parsed.value.hoso.forEach((h, i) => assert.deepEqual(h.tables, batch[i]!.hoso.tables));
});

test('more episodes than a year of care: the window grows and the count is still exact', () => {
  const many = [...generateEpisodes({ provinceCode: '92', seed: 3, personCount: 40, count: 400 })];
  assert.equal(many.length, 400);
  const years = new Set(many.map((e) => e.admittedAt.slice(0, 4)));
  assert.ok(years.size >= 3, [...years].join(','));
  for (const e of many.slice(0, 100)) assert.deepEqual(validateHoso(e.hoso).errors, []);
});
