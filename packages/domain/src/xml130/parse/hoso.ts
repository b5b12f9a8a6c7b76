/** Assembles one HOSO from its FILEHOSO entries: LOAIHOSO → table, NOIDUNGFILE → records. */
import type { CompiledRegistry } from '../registry/compiled.ts';
import { isTableId, type TableId } from '../registry/index.ts';
import { FindingCollector } from '../rules/findings.ts';
import { readInnerText, readNoiDungFile, type InnerResult } from './inner.ts';
import type { Limits } from './limits.ts';
import type { HosoFile, HosoTables, ParsedHoso, UnknownElement } from './model.ts';

/** A FILEHOSO as collected from the envelope. `inline` holds re-serialised inline XML, if any. */
export interface RawFile {
  readonly loaiHoso: string;
  readonly content: string;
  readonly inline?: string;
}

export function assembleHoso(
  files: readonly RawFile[],
  index: number,
  compiled: CompiledRegistry,
  limits: Limits,
): ParsedHoso {
  const findings = new FindingCollector(limits.maxFindings);
  const ctx = { compiled, findings, limits, hoso: index };
  const tables: Partial<Record<TableId, Record<string, string>[]>> = {};
  const infos: HosoFile[] = [];
  const unknownElements: UnknownElement[] = [];
  for (const file of files) {
    const loai = file.loaiHoso.trim().toUpperCase();
    if (!isTableId(loai)) {
      findings.add(
        'LOAIHOSO_UNKNOWN',
        { table: 'GIAMDINHHS', field: 'LOAIHOSO', hoso: index },
        { value: file.loaiHoso },
      );
      infos.push({ loaiHoso: file.loaiHoso, bytes: 0, records: 0 });
      continue;
    }
    if (loai !== file.loaiHoso) {
      findings.add(
        'LOAIHOSO_NORMALISED',
        { table: loai, field: 'LOAIHOSO', hoso: index },
        { value: file.loaiHoso },
      );
    }
    const spec = compiled.registry.tables[loai];
    if (!spec.inEnvelope) {
      findings.add('LOAIHOSO_NOT_ALLOWED', { table: loai, field: 'LOAIHOSO', hoso: index });
      infos.push({ loaiHoso: file.loaiHoso, table: loai, bytes: 0, records: 0 });
      continue;
    }
    let result: InnerResult;
    if (file.inline !== undefined) {
      findings.add('NOIDUNGFILE_INLINE_XML', { table: loai, field: 'NOIDUNGFILE', hoso: index });
      result = readInnerText(file.inline, loai, ctx);
    } else {
      result = readNoiDungFile(file.content, loai, ctx);
    }
    infos.push({
      loaiHoso: file.loaiHoso,
      table: loai,
      bytes: result.bytes,
      records: result.ok ? result.records.length : 0,
      ...(result.root === undefined ? {} : { root: result.root }),
    });
    if (!result.ok) continue;
    const existing = tables[loai];
    if (existing === undefined) tables[loai] = result.records;
    else {
      if (spec.list !== undefined) findings.add('DUPLICATE_TABLE', { table: loai, hoso: index });
      for (const r of result.records) existing.push(r);
    }
    for (const u of result.unknown) unknownElements.push(u);
  }
  const { errors, warnings } = findings.finish();
  const hosoTables = tables as HosoTables;
  return {
    index,
    maLk: hosoTables.XML1?.[0]?.MA_LK,
    tables: hosoTables,
    files: infos,
    unknownElements,
    errors,
    warnings,
  };
}
