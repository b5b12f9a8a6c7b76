/**
 * PostgreSQL COPY text format (`COPY … FROM STDIN`, default options): one line per row, cells
 * separated by tabs, `\N` for NULL, backslash escapes for `\`, tab, newline and carriage return.
 * Rows are rendered once in this format (in the parse worker, see `render.ts`), copied as they are on
 * PostgreSQL and read back into parameters for a multi-row INSERT on PGlite.
 */

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const UNESCAPED: Readonly<Record<string, string>> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };

/** A PostgreSQL array literal of text items. */
function arrayLiteral(v: readonly unknown[]): string {
  return `{${v.map((x) => `"${String(x).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** One value in COPY text format: NULL, arrays, booleans, numbers, strings; objects as JSON. */
export function copyCell(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  else if (typeof v === 'boolean') return v ? 't' : 'f';
  else if (Array.isArray(v)) s = arrayLiteral(v as unknown[]);
  else s = JSON.stringify(v);
  return NEEDS_ESCAPE.test(s) ? s.replace(ESCAPES, (c) => ESCAPED[c]!) : s;
}

/** Cells joined by tabs (no line end). */
export function copyCells(cells: readonly unknown[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) out += i === 0 ? copyCell(cells[i]) : `\t${copyCell(cells[i])}`;
  return out;
}

/** One line of COPY text (without its line end) back to its cells: strings, or null for `\N`. */
export function parseCopyLine(line: string): (string | null)[] {
  return line.split('\t').map((c) => {
    if (c === '\\N') return null;
    return c.includes('\\') ? c.replace(/\\(.)/g, (_, x: string) => UNESCAPED[x] ?? x) : c;
  });
}
