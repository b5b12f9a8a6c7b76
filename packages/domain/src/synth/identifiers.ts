import { composePersonalId } from '../identifiers/personal-id.ts';
import { DecimalPermutation } from './permute.ts';
import type { StreamKey } from './prng.ts';
import type { SynthSex } from './types.ts';

/**
 * Unique identifier numbers for generated persons.
 *
 * - Personal ID `PPP G YY RRRRRR`: the 6-digit serial is a keyed permutation of a running counter
 *   per (PPP, sex, birth year) bucket, so numbers are unique and look random. The counters are the
 *   only state of a person stream (a few thousand small entries).
 * - mã số BHXH (10 digits): 2-digit province prefix + keyed permutation of the person index
 *   (unique for index < 10^8).
 * - Old CMND (9 digits): 2-digit police-area prefix + keyed permutation of the index
 *   (unique for index < 10^7).
 */
export class PersonalIdAllocator {
  private readonly key: StreamKey;
  private readonly buckets = new Map<string, { next: number; perm: DecimalPermutation }>();

  constructor(key: StreamKey) {
    this.key = key;
  }

  /** The next number for a person born in `birthYear`, registered at `birthplace` (3 digits). */
  next(birthplace: string, sex: SynthSex, birthYear: number): string {
    const bucketKey = `${birthplace}${sex === 'male' ? 'm' : 'f'}${birthYear}`;
    let bucket = this.buckets.get(bucketKey);
    if (!bucket) {
      bucket = { next: 0, perm: new DecimalPermutation(6, this.key.child(bucketKey)) };
      this.buckets.set(bucketKey, bucket);
    }
    if (bucket.next >= bucket.perm.size) {
      throw new RangeError(`Personal ID serials exhausted for ${bucketKey} (more than a million people)`);
    }
    const serial = bucket.perm.format(bucket.next++);
    const id = composePersonalId({ birthRegistrationCode: birthplace, sex, birthYear, serial });
    if (id === null) throw new RangeError(`Cannot compose a personal ID for ${bucketKey}`);
    return id;
  }

  /** Number of buckets in use (for tests: the allocator's memory stays small). */
  get bucketCount(): number {
    return this.buckets.size;
  }
}

export class IndexNumbers {
  private readonly bhxh: DecimalPermutation;
  private readonly cmnd: DecimalPermutation;

  constructor(key: StreamKey) {
    this.bhxh = new DecimalPermutation(8, key.child('bhxh'));
    this.cmnd = new DecimalPermutation(7, key.child('cmnd'));
  }

  /** 10-digit mã số BHXH: province prefix (2 digits) + 8 digits unique per index. */
  bhxhNumber(prefix: string, index: number): string {
    return prefix + this.bhxh.format(index % this.bhxh.size);
  }

  /** 9-digit CMND: area prefix (2 digits) + 7 digits unique per index (below 10^7). */
  cmndNumber(prefix: string, index: number): string {
    return prefix + this.cmnd.format(index % this.cmnd.size);
  }
}

/** Police-area prefixes of the old 9-digit CMND for some birth provinces of the region [indicative]. */
export const CMND_PREFIX_BY_BIRTHPLACE: Readonly<Record<string, string>> = {
  '001': '01',
  '079': '02',
  '086': '33',
  '087': '34',
  '089': '35',
  '092': '36',
  '093': '36',
  '094': '36',
  '091': '37',
  '095': '38',
  '096': '38',
};
