import { fmix32, type StreamKey } from './prng.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return (
    (HEX[(n >>> 24) & 255] ?? '') +
    (HEX[(n >>> 16) & 255] ?? '') +
    (HEX[(n >>> 8) & 255] ?? '') +
    (HEX[n & 255] ?? '')
  );
}

/**
 * A deterministic UUID (version-4 layout, RFC 9562 variant) for entity `index` of a stream family.
 * The last 32 bits are a bijection of the index, so ids of one family are unique for
 * index < 2^32; the other bits depend on the seed and family, so families and seeds do not clash.
 */
export function synthUuid(key: StreamKey, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 4294967296) {
    throw new RangeError(`synthUuid: index ${index} outside [0, 2^32)`);
  }
  const unique = fmix32(index ^ key.word(0));
  const a = fmix32(key.word(1) ^ 0x5bd1e995);
  const b = fmix32(unique ^ key.word(2));
  const c = fmix32(b + key.word(3));
  const bh = hex8(b);
  const ch = hex8(c);
  // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxuuuuuuuu, V in 8..b
  const variant = HEX[8 + (c & 3)]?.slice(1) ?? '8';
  return `${hex8(a)}-${bh.slice(0, 4)}-4${bh.slice(4, 7)}-${variant}${ch.slice(0, 3)}-${ch.slice(3, 7)}${hex8(unique)}`;
}
