import type { FastifyRequest } from 'fastify';

export const BREAK_GLASS_HEADER = 'x-break-glass-reason';
export const BREAK_GLASS_MIN_LENGTH = 10;

/**
 * The break-glass reason of a request: header `X-Break-Glass-Reason` (percent-encode UTF-8 for
 * Vietnamese text: HTTP headers are Latin-1), or body field `breakGlassReason`. Null when absent.
 */
export function breakGlassReason(req: FastifyRequest): string | null {
  const h = req.headers[BREAK_GLASS_HEADER];
  let v = Array.isArray(h) ? h[0] : h;
  if (v !== undefined && v.includes('%')) {
    try {
      v = decodeURIComponent(v);
    } catch {
      // not percent-encoded after all: keep as sent
    }
  }
  if (v === undefined && req.body && typeof req.body === 'object' && 'breakGlassReason' in req.body) {
    const b = (req.body as { breakGlassReason?: unknown }).breakGlassReason;
    if (typeof b === 'string') v = b;
  }
  const t = v?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, 500) : null;
}
