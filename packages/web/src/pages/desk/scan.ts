/** What a scanned or typed text is, as far as the desk needs to know before asking the server. */
export type ScanKind = 'cardQr' | 'cardCode' | 'identity';

const CARD_CODE = /^[A-Z]{2}[0-9A-Z]{13}$/;

/** A BHYT card QR (`code|hex name|…`) or a 15-character card code; anything else identifies the person. */
export function scanKind(text: string): ScanKind {
  const t = text.trim();
  if (t.includes('|')) {
    const first = t
      .slice(0, t.indexOf('|'))
      .replace(/[\s.-]/g, '')
      .toUpperCase();
    return CARD_CODE.test(first) || /^\d{10}$/.test(first) ? 'cardQr' : 'identity';
  }
  return CARD_CODE.test(t.replace(/[\s.-]/g, '').toUpperCase()) ? 'cardCode' : 'identity';
}

/** Mantine-free percent: 47.5 → "47,5" in Vietnamese, "47.5" in English. */
export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
