import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { benefitLevel, listBenefitLevels } from './bhyt-benefit-levels.ts';
import { findBhytObjectGroup, listBhytObjectGroups } from './bhyt-object-groups.ts';
import { centurySexDigit, centurySexDigitFor, listCenturySexDigits } from './century-sex-digits.ts';
import { findEthnicGroup, listEthnicGroups } from './ethnic-groups.ts';

test('ethnic groups: 54 confirmed + 2 flagged', () => {
  const all = listEthnicGroups();
  assert.equal(all.length, 56);
  assert.equal(all.filter((g) => g.confirmed).length, 54);
  assert.equal(findEthnicGroup('01')?.name, 'Kinh');
  assert.equal(findEthnicGroup('1')?.name, 'Kinh');
  assert.equal(findEthnicGroup('17')?.name, 'Chăm');
  assert.equal(findEthnicGroup('55')?.confirmed, false);
  assert.equal(findEthnicGroup('57'), undefined);
});

test('BHYT object groups: the 43 VNeID codes', () => {
  const codes =
    'DN HX CH NN TK HC XK HT TB NO CT XB TN CS QN CA CY XN MS CC CK CB KC HD TE BT HN DT DK XD TS TC TQ TA TY HG LS PV CN HS SV GB GD';
  assert.deepEqual(
    listBhytObjectGroups().map((g) => g.code),
    codes.split(' '),
  );
  assert.equal(findBhytObjectGroup('te')?.typicalBenefitLevel, 1);
  assert.equal(findBhytObjectGroup('AK'), undefined, 'AK is real but not in the VNeID list');
  assert.equal(findBhytObjectGroup('BG'), undefined);
});

const levels: [number | string, number | undefined][] = [
  [1, 100],
  [2, 100],
  [3, 95],
  [4, 80],
  [5, 100],
  ['4', 80],
  [0, undefined],
  [6, undefined],
  ['x', undefined],
  ['', undefined],
];
for (const [digit, percent] of levels) {
  test(`benefitLevel(${JSON.stringify(digit)}) → ${percent}`, () => {
    assert.equal(benefitLevel(digit)?.fundPaysPercent, percent);
  });
}

test('every typical level of an object group exists', () => {
  assert.equal(listBenefitLevels().length, 5);
  for (const g of listBhytObjectGroups()) assert.ok(benefitLevel(g.typicalBenefitLevel), g.code);
});

const digits: [number, 'male' | 'female', number][] = [
  [0, 'male', 19],
  [1, 'female', 19],
  [2, 'male', 20],
  [3, 'female', 20],
  [4, 'male', 21],
  [5, 'female', 21],
  [6, 'male', 22],
  [7, 'female', 22],
  [8, 'male', 23],
  [9, 'female', 23],
];
for (const [digit, sex, century] of digits) {
  test(`century/sex digit ${digit} = ${sex}, ${century}xx`, () => {
    const d = centurySexDigit(String(digit))!;
    assert.equal(d.sex, sex);
    assert.equal(d.century, century);
    assert.equal(centurySexDigitFor(century * 100 + 42, sex), digit);
  });
}

test('century/sex digit table round-trips (property)', () => {
  assert.equal(listCenturySexDigits().length, 10);
  fc.assert(
    fc.property(
      fc.integer({ min: 1900, max: 2399 }),
      fc.constantFrom('male' as const, 'female' as const),
      (y, sex) => {
        const digit = centurySexDigitFor(y, sex);
        assert.notEqual(digit, undefined);
        const d = centurySexDigit(digit!)!;
        assert.equal(d.sex, sex);
        assert.ok(d.fromYear <= y && y <= d.toYear);
      },
    ),
  );
  assert.equal(centurySexDigitFor(1899, 'male'), undefined);
  assert.equal(centurySexDigit('10'), undefined);
});
