import type { Rng } from './prng.ts';

/**
 * Keyboard and ear typos in Vietnamese names: confusable letters (diacritic slips, i/y, s/x,
 * d/gi…), a dropped, doubled or transposed letter. Always returns a different word when possible.
 */
const CONFUSABLE: Readonly<Record<string, readonly string[]>> = {
  a: ['ă', 'â', 'e'],
  ă: ['a', 'â'],
  â: ['a', 'ă'],
  e: ['ê', 'a'],
  ê: ['e'],
  i: ['y'],
  y: ['i'],
  o: ['ô', 'ơ'],
  ô: ['o', 'ơ'],
  ơ: ['o', 'ô'],
  u: ['ư'],
  ư: ['u'],
  n: ['m', 'h'],
  m: ['n'],
  s: ['x'],
  x: ['s'],
  d: ['đ', 'g'],
  đ: ['d'],
  t: ['r', 'y'],
  h: ['n', 'g'],
  g: ['h'],
  c: ['v', 'k'],
  l: ['k'],
  r: ['t', 'd'],
  v: ['b', 'c'],
  b: ['v'],
  k: ['l', 'c'],
  q: ['w'],
  p: ['o'],
};

/** One typo in `word` (NFC). Words of one letter are returned unchanged. */
export function typoWord(rng: Rng, word: string): string {
  // In NFC every Vietnamese letter (with its tone and vowel marks) is a single code point.
  const letters = Array.from(word.normalize('NFC'));
  if (letters.length < 2) return word;
  for (let attempt = 0; attempt < 8; attempt++) {
    const out = [...letters];
    const i = rng.range(1, out.length - 1);
    const cur = out[i] ?? '';
    const op = rng.int(4);
    if (op === 0) {
      const decomposed = cur.normalize('NFD');
      const base = decomposed.charAt(0);
      const lower = base.toLowerCase();
      let rep: string;
      if (decomposed.length > 1)
        rep = lower; // a slipped tone or vowel mark
      else {
        const options = CONFUSABLE[cur.toLowerCase()];
        if (!options) continue;
        rep = rng.pick(options);
      }
      out[i] = base === lower ? rep : rep.toUpperCase();
    } else if (op === 1) {
      out.splice(i, 1);
    } else if (op === 2) {
      out.splice(i, 0, cur);
    } else {
      const prev = out[i - 1] ?? '';
      if (i - 1 === 0 || prev === cur) continue;
      out[i - 1] = cur;
      out[i] = prev;
    }
    const result = out.join('').normalize('NFC');
    if (result !== word) return result;
  }
  return word;
}
