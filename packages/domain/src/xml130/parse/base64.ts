/**
 * Strict standard base64 (RFC 4648 §4) without I/O or Buffer, so that the domain also runs in a
 * browser. Decoding distinguishes invalid characters from truncation (length not a multiple of 4).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PAD = 61; // '='

export type Base64Decoded =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly whitespace: boolean }
  | {
      readonly ok: false;
      readonly reason: 'invalid' | 'truncated' | 'too-large';
      readonly detail: string;
      readonly length: number;
    };

interface NativeBase64 {
  from(text: string, encoding: 'base64'): Uint8Array;
}
/** Node's Buffer when present (≈50× faster); the domain works without it (browser). */
const native = (globalThis as { Buffer?: NativeBase64 }).Buffer;

const WHITESPACE = /[ \t\r\n]/;
const STRICT = /^[A-Za-z0-9+/]*={0,2}$/;

function firstInvalid(compact: string, end: number): string {
  for (let i = 0; i < end; i++) {
    const code = compact.charCodeAt(i);
    if (code > 255 || DECODE[code] === -1) {
      const what = code === PAD ? 'dấu "=" ở giữa' : `ký tự "${compact.charAt(i)}"`;
      return `${what} tại vị trí ${i}`;
    }
  }
  return 'ký tự sau phần đệm "="';
}

function decodeLoop(compact: string, pad: number): Uint8Array {
  const length = compact.length;
  const out = new Uint8Array((length / 4) * 3 - pad);
  let o = 0;
  const full = length - (pad > 0 ? 4 : 0);
  let i = 0;
  for (; i < full; i += 4) {
    const n =
      (DECODE[compact.charCodeAt(i)]! << 18) |
      (DECODE[compact.charCodeAt(i + 1)]! << 12) |
      (DECODE[compact.charCodeAt(i + 2)]! << 6) |
      DECODE[compact.charCodeAt(i + 3)]!;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (pad > 0) {
    const a = DECODE[compact.charCodeAt(i)]!;
    const b = DECODE[compact.charCodeAt(i + 1)]!;
    const n = (a << 18) | (b << 12) | (pad === 1 ? DECODE[compact.charCodeAt(i + 2)]! << 6 : 0);
    out[o] = n >>> 16;
    if (pad === 1) out[o + 1] = (n >>> 8) & 255;
  }
  return out;
}

/** Decodes standard padded base64. White space anywhere is skipped (reported via `whitespace`). */
export function decodeBase64(text: string, maxBytes = Number.POSITIVE_INFINITY): Base64Decoded {
  let compact = text.trim();
  if (native !== undefined && compact.length % 4 === 0 && !compact.includes('-') && !compact.includes('_')) {
    // Fast path: Buffer skips or stops at any character outside the alphabet, so the decoded length
    // equals the length implied by the text only when every character was valid.
    const pad = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
    const expected = (compact.length / 4) * 3 - pad;
    if (expected <= maxBytes) {
      const bytes = native.from(compact, 'base64');
      if (bytes.length === expected) return { ok: true, bytes, whitespace: false };
    }
  }
  const whitespace = WHITESPACE.test(compact);
  if (whitespace) compact = compact.replace(/[ \t\r\n]+/g, '');
  const length = compact.length;
  if (!STRICT.test(compact))
    return { ok: false, reason: 'invalid', detail: firstInvalid(compact, length), length };
  if (length % 4 !== 0) return { ok: false, reason: 'truncated', detail: `độ dài ${length}`, length };
  const pad = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  if ((length / 4) * 3 - pad > maxBytes) {
    return { ok: false, reason: 'too-large', detail: `vượt ${maxBytes} byte`, length };
  }
  return {
    ok: true,
    bytes: native !== undefined ? native.from(compact, 'base64') : decodeLoop(compact, pad),
    whitespace,
  };
}

/** Pure-JS decoding (used when Buffer is absent); exported for tests. */
export function decodeBase64Portable(text: string): Base64Decoded {
  const compact = text.trim().replace(/[ \t\r\n]+/g, '');
  if (!STRICT.test(compact) || compact.length % 4 !== 0) return decodeBase64(text);
  const pad = compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0;
  return { ok: true, bytes: decodeLoop(compact, pad), whitespace: compact.length !== text.length };
}

/** Encodes bytes as standard padded base64 without line breaks. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const end = Math.min(offset + CHUNK, bytes.length);
    const codes: number[] = [];
    let i = offset;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      codes.push(
        ALPHABET.charCodeAt(n >>> 18),
        ALPHABET.charCodeAt((n >>> 12) & 63),
        ALPHABET.charCodeAt((n >>> 6) & 63),
        ALPHABET.charCodeAt(n & 63),
      );
    }
    if (i < end) {
      const rest = end - i;
      const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
      codes.push(ALPHABET.charCodeAt(n >>> 18), ALPHABET.charCodeAt((n >>> 12) & 63));
      codes.push(rest === 2 ? ALPHABET.charCodeAt((n >>> 6) & 63) : PAD, PAD);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
