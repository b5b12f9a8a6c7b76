import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIGURE_KEYS, formatFigure, parseFigure, type Figure } from './figure.ts';
import { linkKey, scoreLinks } from './matching.ts';
import { percentile } from './stats.ts';
import { benchScripts } from './scripts.ts';

const figure: Figure = {
  bench: 'persons-search.identifier',
  value: 1234.567,
  unit: 'req/s',
  ceiling: 41234.4,
  ceilingUnit: 'req/s',
  engine: 'postgres',
  n: 98765,
  p50: 3.14159,
  p99: 12.3456,
  rssMb: 187.6,
};

test('a figure prints as one JSON line with exactly the contract keys, in order', () => {
  const line = formatFigure(figure);
  assert.ok(!line.includes('\n'));
  assert.equal(
    line,
    '{"bench":"persons-search.identifier","value":1235,"unit":"req/s","ceiling":41234,"ceilingUnit":"req/s",' +
      '"engine":"postgres","n":98765,"p50":3.14,"p99":12.35,"rssMb":188}',
  );
  assert.deepEqual(Object.keys(JSON.parse(line) as object), [...FIGURE_KEYS]);
  assert.deepEqual(Object.keys(JSON.parse(line) as object), [
    'bench',
    'value',
    'unit',
    'ceiling',
    'ceilingUnit',
    'engine',
    'n',
    'p50',
    'p99',
    'rssMb',
  ]);
});

test('ratios keep four decimals; missing latencies are null', () => {
  const f = parseFigure(
    formatFigure({
      ...figure,
      value: 0.912345,
      unit: 'ratio',
      ceiling: 1,
      ceilingUnit: 'ratio',
      p50: null,
      p99: null,
    }),
  );
  assert.ok(f);
  assert.equal(f.value, 0.9123);
  assert.equal(f.p50, null);
  assert.equal(f.engine, 'postgres');
});

test('malformed figures are refused when printed and ignored when parsed', () => {
  assert.throws(() => formatFigure({ ...figure, engine: 'sqlite' as Figure['engine'] }), RangeError);
  assert.throws(() => formatFigure({ ...figure, value: Number.NaN }), RangeError);
  assert.throws(() => formatFigure({ ...figure, n: 1.5 }), RangeError);
  assert.throws(() => formatFigure({ ...figure, bench: 'Bad Name' }), RangeError);
  assert.equal(parseFigure('loading 20000 persons…'), null);
  assert.equal(parseFigure('{"bench":"x"}'), null);
  const extra = JSON.stringify({ ...JSON.parse(formatFigure(figure)), extra: 1 });
  assert.equal(parseFigure(extra), null);
  const reordered = JSON.stringify({ value: 1, ...JSON.parse(formatFigure(figure)) });
  assert.equal(parseFigure(reordered), null);
  assert.deepEqual(parseFigure(formatFigure(figure)), JSON.parse(formatFigure(figure)));
});

test('precision, recall and F1 of predicted links', () => {
  const truth = new Set([linkKey('d1', 'p1'), linkKey('d2', 'p2'), linkKey('d3', 'p3'), linkKey('d4', 'p4')]);
  const s = scoreLinks(
    new Set([linkKey('d1', 'p1'), linkKey('d2', 'p2'), linkKey('d2', 'p9'), linkKey('n1', 'p5')]),
    truth,
  );
  assert.equal(s.truePositives, 2);
  assert.equal(s.falsePositives, 2);
  assert.equal(s.falseNegatives, 2);
  assert.equal(s.precision, 0.5);
  assert.equal(s.recall, 0.5);
  assert.equal(s.f1, 0.5);
  assert.deepEqual(scoreLinks(new Set(), truth), {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 4,
    precision: 1,
    recall: 0,
    f1: 0,
  });
});

test('percentiles use the nearest rank', () => {
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(xs, 50), 50);
  assert.equal(percentile(xs, 99), 99);
  assert.equal(percentile([7], 99), 7);
  assert.equal(percentile([], 50), null);
});

test('npm run bench finds every script, ceilings first', () => {
  const scripts = benchScripts(new URL('..', import.meta.url));
  assert.equal(scripts[0], 'http-hello');
  for (const s of ['person-matching', 'persons-search', 'persons-load']) assert.ok(scripts.includes(s), s);
  assert.ok(!scripts.includes('all'));
});
