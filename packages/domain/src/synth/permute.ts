import { fmix32, type StreamKey } from './prng.ts';

const ROUNDS = 6;

/**
 * A keyed bijection on the decimal numbers with `digits` digits ([0, 10^digits)). The number is
 * split into a high part H ∈ [0, 10^⌊d/2⌋) and a low part L ∈ [0, 10^⌈d/2⌉); rounds alternately
 * add a keyed hash of one part to the other, modulo its size (an unbalanced, swap-free Feistel
 * network), and each round is invertible, so the whole is a permutation. Used to turn a running
 * number (person index, serial within a bucket) into an identifier that looks random but is
 * guaranteed unique.
 */
export class DecimalPermutation {
  readonly digits: number;
  readonly size: number;
  private readonly high: number;
  private readonly low: number;
  private readonly keys: readonly number[];

  constructor(digits: number, key: StreamKey) {
    if (!Number.isInteger(digits) || digits < 2 || digits > 15) {
      throw new RangeError(`DecimalPermutation: digits must be 2–15, got ${digits}`);
    }
    this.digits = digits;
    this.size = 10 ** digits;
    this.high = 10 ** Math.floor(digits / 2);
    this.low = 10 ** Math.ceil(digits / 2);
    this.keys = Array.from({ length: ROUNDS }, (_, i) => fmix32(key.word(i) + Math.imul(i + 1, 0x9e3779b9)));
  }

  /** The image of `n` (0 ≤ n < 10^digits). */
  apply(n: number): number {
    if (!Number.isInteger(n) || n < 0 || n >= this.size) {
      throw new RangeError(`DecimalPermutation: ${n} is outside [0, ${this.size})`);
    }
    let hi = Math.floor(n / this.low);
    let lo = n % this.low;
    for (let r = 0; r < ROUNDS; r++) {
      const k = this.keys[r] ?? 0;
      if (r % 2 === 0) hi = (hi + (mix(lo, k) % this.high)) % this.high;
      else lo = (lo + (mix(hi, k) % this.low)) % this.low;
    }
    return hi * this.low + lo;
  }

  /** The inverse permutation (for tests). */
  invert(m: number): number {
    let hi = Math.floor(m / this.low);
    let lo = m % this.low;
    for (let r = ROUNDS - 1; r >= 0; r--) {
      const k = this.keys[r] ?? 0;
      if (r % 2 === 0) hi = (hi - (mix(lo, k) % this.high) + this.high) % this.high;
      else lo = (lo - (mix(hi, k) % this.low) + this.low) % this.low;
    }
    return hi * this.low + lo;
  }

  /** The image as a zero-padded string of `digits` characters. */
  format(n: number): string {
    return String(this.apply(n)).padStart(this.digits, '0');
  }
}

/** Keyed hash of a part (< 10^8, so it fits the 32-bit mixer after splitting). */
function mix(x: number, k: number): number {
  const a = fmix32((x % 65536) ^ k);
  const b = fmix32(Math.floor(x / 65536) + a);
  // 53-bit-safe combination so that modulo up to 10^8 is close to uniform.
  return (a % 2097152) * 4294967296 + b;
}
