/** Bytes → string for inner documents: UTF-8 (BOM stripped), UTF-16 tolerated, invalid bytes replaced. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export interface DecodedText {
  readonly text: string;
  readonly invalidUtf8: boolean;
  readonly utf16: boolean;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    try {
      const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
      return { text: new TextDecoder(label).decode(bytes), invalidUtf8: false, utf16: true };
    } catch {
      // fall through to UTF-8
    }
  }
  try {
    return { text: strictUtf8.decode(bytes), invalidUtf8: false, utf16: false };
  } catch {
    return { text: lenientUtf8.decode(bytes), invalidUtf8: true, utf16: false };
  }
}

const encoder = new TextEncoder();

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
