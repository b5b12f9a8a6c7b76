/**
 * From NOIDUNGFILE (base64 or inline XML) to typed records of one table: decode base64, decode
 * UTF-8 (BOM stripped), drop characters XML cannot carry, scan the table.
 */
import type { TableId } from '../registry/types.ts';
import { decodeBase64 } from './base64.ts';
import { hasInvalidXmlChars, stripInvalidXmlChars } from './entities.ts';
import { parseFlatTable, type FlatTableResult, type TableParseContext } from './flat-table.ts';
import { decodeBytes } from './text.ts';

export interface InnerResult extends FlatTableResult {
  /** Decoded size in bytes. */
  readonly bytes: number;
}

const FAILED: InnerResult = {
  ok: false,
  root: undefined,
  records: [],
  unknown: [],
  signature: false,
  bytes: 0,
};

/** Removes characters XML 1.0 cannot carry, with a warning. */
function clean(text: string, tableId: TableId, ctx: TableParseContext): string {
  const { text: cleaned, removed } = stripInvalidXmlChars(text);
  if (removed > 0) {
    ctx.findings.add(
      'INVALID_XML_CHAR',
      { table: tableId, ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }) },
      { count: removed },
    );
  }
  return cleaned;
}

function where(tableId: TableId, ctx: TableParseContext, field?: string) {
  return {
    table: tableId,
    ...(field === undefined ? {} : { field }),
    ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }),
  };
}

/** Reads a decoded inner document given as bytes. */
export function readInnerBytes(bytes: Uint8Array, tableId: TableId, ctx: TableParseContext): InnerResult {
  if (bytes.length > ctx.limits.maxInnerBytes) {
    ctx.findings.add('SIZE_LIMIT_EXCEEDED', where(tableId, ctx), {
      what: `kích thước ${tableId}`,
      size: bytes.length,
      limit: ctx.limits.maxInnerBytes,
    });
    return FAILED;
  }
  const decoded = decodeBytes(bytes);
  if (decoded.utf16) ctx.findings.add('UTF16_DECODED', where(tableId, ctx), { where: tableId });
  if (decoded.invalidUtf8) ctx.findings.add('INVALID_UTF8', where(tableId, ctx), { where: tableId });
  const doc =
    decoded.utf16 || hasInvalidXmlChars(decoded.text) ? clean(decoded.text, tableId, ctx) : decoded.text;
  return { ...parseFlatTable(doc, tableId, ctx), bytes: bytes.length };
}

/** Reads an inner document already decoded to a string. */
export function readInnerText(text: string, tableId: TableId, ctx: TableParseContext): InnerResult {
  if (text.length > ctx.limits.maxInnerBytes) {
    ctx.findings.add('SIZE_LIMIT_EXCEEDED', where(tableId, ctx), {
      what: `kích thước ${tableId}`,
      size: text.length,
      limit: ctx.limits.maxInnerBytes,
    });
    return FAILED;
  }
  const doc = hasInvalidXmlChars(text) ? clean(text, tableId, ctx) : text;
  return { ...parseFlatTable(doc, tableId, ctx), bytes: text.length };
}

/** Reads the text content of a NOIDUNGFILE element: base64 (standard) or inline XML (tolerated). */
export function readNoiDungFile(content: string, tableId: TableId, ctx: TableParseContext): InnerResult {
  const trimmed = content.trim();
  if (trimmed === '') {
    ctx.findings.add('NOIDUNGFILE_EMPTY', where(tableId, ctx, 'NOIDUNGFILE'));
    return FAILED;
  }
  if (trimmed.startsWith('<')) {
    ctx.findings.add('NOIDUNGFILE_INLINE_XML', where(tableId, ctx, 'NOIDUNGFILE'));
    return readInnerText(trimmed, tableId, ctx);
  }
  const maxChars = Math.ceil(ctx.limits.maxInnerBytes / 3) * 4 + 4;
  if (trimmed.length > maxChars * 1.1 + 1024) {
    ctx.findings.add('SIZE_LIMIT_EXCEEDED', where(tableId, ctx, 'NOIDUNGFILE'), {
      what: `kích thước ${tableId}`,
      size: trimmed.length,
      limit: maxChars,
    });
    return FAILED;
  }
  const decoded = decodeBase64(trimmed, ctx.limits.maxInnerBytes);
  if (!decoded.ok) {
    if (decoded.reason === 'too-large') {
      ctx.findings.add('SIZE_LIMIT_EXCEEDED', where(tableId, ctx, 'NOIDUNGFILE'), {
        what: `kích thước ${tableId}`,
        size: Math.floor((decoded.length / 4) * 3),
        limit: ctx.limits.maxInnerBytes,
      });
    } else {
      const rule = decoded.reason === 'truncated' ? 'BASE64_TRUNCATED' : 'BASE64_INVALID';
      ctx.findings.add(rule, where(tableId, ctx, 'NOIDUNGFILE'), {
        detail: decoded.detail,
        length: decoded.length,
      });
    }
    return FAILED;
  }
  if (decoded.whitespace) ctx.findings.add('BASE64_WHITESPACE', where(tableId, ctx, 'NOIDUNGFILE'));
  return readInnerBytes(decoded.bytes, tableId, ctx);
}
