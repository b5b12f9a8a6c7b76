/** Hex-encoded UTF-8 text, as in the name and address fields of the BHYT card QR. */

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Decode hex (either case) to text; null for odd length, non-hex characters or invalid UTF-8. */
export function decodeHexUtf8(hex: string): string | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  try {
    return decoder.decode(bytes);
  } catch {
    return null; // fatal decoder: malformed UTF-8
  }
}

/** Encode text as lower-case hex of its UTF-8 bytes. */
export function encodeHexUtf8(text: string): string {
  return Array.from(encoder.encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}
