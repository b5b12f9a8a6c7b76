/**
 * Small seeded pseudo-random generator for synthetic data: sfc32 (Chris Doty-Humphrey's "small fast
 * counting" generator, public domain) seeded through a string hash and the murmur3 finaliser.
 *
 * Streams are derived from a root seed and a path of labels/indexes (`streamKey(seed, 'person')`,
 * then `key.at(index)`), so every entity gets its own stream: output is a function of
 * (seed, kind, index) only, never of the order in which entity kinds are generated.
 */

/** murmur3 32-bit finaliser: a bijection on 32-bit integers with good avalanche. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 128-bit string hash (cyrb128), as four unsigned 32-bit words. */
export function hashString(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export type Seed = number | string;

/** A deterministic random stream (sfc32). Not cryptographic. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both ends included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new RangeError('Rng.pick: empty array');
    return item;
  }

  /** `n` decimal digits as a string (leading zeros kept). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }

  /** Approximately normal (Irwin–Hall of 4 uniforms), mean `mu`, standard deviation `sigma`. */
  normal(mu: number, sigma: number): number {
    const sum = this.float() + this.float() + this.float() + this.float();
    return mu + (sum - 2) * sigma * Math.sqrt(3);
  }
}

/**
 * A named family of streams: `key.at(i)` is the stream of entity `i`, `key.child('x')` a sub-family.
 * Cheap to call per entity (no string building on the hot path).
 */
export class StreamKey {
  readonly words: readonly [number, number, number, number];

  constructor(words: readonly [number, number, number, number]) {
    this.words = words;
  }

  child(label: string | number): StreamKey {
    const h = hashString(`${this.words.join(':')}/${String(label)}`);
    return new StreamKey(h);
  }

  /** The stream of entity `index` (a non-negative safe integer). */
  at(index: number): Rng {
    const lo = index >>> 0;
    const hi = Math.floor(index / 4294967296) >>> 0;
    const [k0, k1, k2, k3] = this.words;
    return new Rng(
      fmix32(k0 ^ lo),
      fmix32((k1 ^ hi) + 0x9e3779b9),
      fmix32(k2 + Math.imul(lo, 0x85ebca6b)),
      fmix32(k3 ^ fmix32(lo + 0x27d4eb2f)),
    );
  }

  /** A single 32-bit value for this key (for keying permutations and ids). */
  word(i = 0): number {
    return this.words[i & 3] ?? 0;
  }
}

/** The root stream family for a seed and a top-level label (`'person'`, `'household'`, `'facility'`…). */
export function streamKey(seed: Seed, label: string): StreamKey {
  return new StreamKey(hashString(`suckhoe-synth:${typeof seed}:${String(seed)}`)).child(label);
}
