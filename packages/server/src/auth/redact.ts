/**
 * A request path as it may appear in logs: path segments that look like personal identifiers
 * (personal ID, CMND, BHXH number, BHYT code, passport) are replaced, so
 * `/api/v1/persons/092190012345` logs as `/api/v1/persons/:redacted`. Query strings never appear.
 */
const SENSITIVE = [/^\d{8,}$/, /^[A-Z]{2}\d[A-Z0-9]{12}$/i, /^[A-Z]\d{7,8}$/i];

export function redactPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path
    .split('/')
    .map((seg) => {
      let s = seg;
      try {
        s = decodeURIComponent(seg).replace(/[\s.\-_]/g, '');
      } catch {
        // keep as is
      }
      return SENSITIVE.some((re) => re.test(s)) ? ':redacted' : seg;
    })
    .join('/');
}

/** Free text (an error message) with identifier-like numbers and BHYT codes masked. */
export function redactText(text: string): string {
  return text.replace(/\d{8,}/g, '[redacted]').replace(/\b[A-Z]{2}\d[A-Z0-9]{12}\b/gi, '[redacted]');
}
