/**
 * Validation of the typed model: per field (registry), per table presence, across tables of a HOSO
 * and across the envelope. Pure; returns findings, never throws on bad data.
 */
import type { Envelope, EnvelopeHeader, Hoso, HosoTables } from '../parse/model.ts';
import { REGISTRY, type Registry } from '../registry/index.ts';
import { TABLE_IDS, type TableId } from '../registry/types.ts';
import { FindingCollector } from '../rules/findings.ts';
import type { Finding } from '../rules/types.ts';
import {
  checkEpisodeTimes,
  checkMaLk,
  checkRowArithmetic,
  checkSameAsXml1,
  checkTreatmentDays,
} from './episode.ts';
import { checkRecords, type CheckContext } from './fields.ts';
import { checkPresence } from './presence.ts';
import { checkTotals } from './totals.ts';
import { isDate } from './values.ts';

export interface ValidationOptions {
  readonly registry?: Registry;
  /** Facility of the authenticated sender: the envelope MACSKCB and every XML1.MA_CSKCB must equal it. */
  readonly senderFacility?: string;
  /** Envelope MACSKCB the HOSO came with (XML1.MA_CSKCB must equal it). */
  readonly macskcb?: string;
  /** Index of the HOSO in its envelope, put on the findings. */
  readonly hoso?: number;
  readonly maxFindings?: number;
}

export interface ValidationReport {
  /** No error findings. */
  readonly ok: boolean;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
}

type Rec = Readonly<Record<string, string | undefined>>;

function report(findings: FindingCollector): ValidationReport {
  const { errors, warnings } = findings.finish();
  return { ok: errors.length === 0, errors, warnings };
}

function context(findings: FindingCollector, hoso: number | undefined): CheckContext {
  return hoso === undefined ? { findings } : { findings, hoso };
}

/** Field-level checks of the records of one table. */
export function validateTable(
  tableId: TableId,
  records: readonly Rec[],
  options: ValidationOptions = {},
): ValidationReport {
  const findings = new FindingCollector(options.maxFindings);
  checkRecords((options.registry ?? REGISTRY).tables[tableId], records, context(findings, options.hoso));
  return report(findings);
}

function checkFacility(xml1: Rec, options: ValidationOptions, ctx: CheckContext): void {
  const maCskcb = (xml1['MA_CSKCB'] ?? '').trim();
  const where = {
    table: 'XML1' as const,
    field: 'MA_CSKCB',
    record: 0,
    ...(ctx.hoso === undefined ? {} : { hoso: ctx.hoso }),
  };
  if (options.macskcb !== undefined && maCskcb !== options.macskcb.trim()) {
    ctx.findings.add('MACSKCB_MISMATCH', where, { value: options.macskcb, other: maCskcb });
  } else if (
    options.macskcb === undefined &&
    options.senderFacility !== undefined &&
    maCskcb !== options.senderFacility
  ) {
    ctx.findings.add('SENDER_FACILITY_MISMATCH', where, { value: maCskcb, other: options.senderFacility });
  }
}

function validateInto(hoso: Hoso, options: ValidationOptions, findings: FindingCollector): void {
  const registry = options.registry ?? REGISTRY;
  const ctx = context(findings, options.hoso);
  const tables: HosoTables = hoso.tables;
  for (const id of TABLE_IDS) {
    const records = tables[id];
    if (records !== undefined && records.length > 0) checkRecords(registry.tables[id], records, ctx);
  }
  const xml1List: readonly Rec[] = tables.XML1 ?? [];
  const hosoWhere = { table: 'XML1' as const, ...(options.hoso === undefined ? {} : { hoso: options.hoso }) };
  if (xml1List.length === 0) {
    findings.add('XML1_MISSING', hosoWhere);
    return;
  }
  if (xml1List.length > 1) findings.add('XML1_MULTIPLE', hosoWhere, { count: xml1List.length });
  const xml1 = xml1List[0]!;
  checkFacility(xml1, options, ctx);
  checkMaLk(xml1, tables, ctx, registry);
  checkPresence(xml1, tables, ctx);
  checkTotals(xml1, tables, ctx);
  checkTreatmentDays(xml1, ctx);
  checkEpisodeTimes(xml1, tables, ctx);
  checkSameAsXml1(xml1, tables, ctx, registry);
  checkRowArithmetic(tables, ctx);
}

/** All checks of one HOSO (one episode): fields, presence, MA_LK, totals, times, facility. */
export function validateHoso(hoso: Hoso, options: ValidationOptions = {}): ValidationReport {
  const findings = new FindingCollector(options.maxFindings);
  validateInto(hoso, options, findings);
  return report(findings);
}

/**
 * Envelope-level checks that need the whole file (or the end of a stream): MACSKCB / NGAYLAP format,
 * SOLUONGHOSO = number of HOSO, MACSKCB = sender, one MA_LK per episode.
 */
export class EnvelopeChecks {
  private readonly findings: FindingCollector;
  private readonly maLk = new Map<string, number>();
  private count = 0;

  constructor(private readonly options: ValidationOptions = {}) {
    this.findings = new FindingCollector(options.maxFindings);
  }

  /** Registers one HOSO (in order); returns its own validation report with envelope context. */
  hoso(hoso: Hoso & { readonly index?: number }, header: EnvelopeHeader): ValidationReport {
    const index = hoso.index ?? this.count;
    this.count++;
    const report = validateHoso(hoso, { ...this.options, hoso: index, macskcb: header.macskcb });
    const maLk = (hoso.tables.XML1?.[0]?.MA_LK ?? '').trim();
    if (maLk !== '') {
      const first = this.maLk.get(maLk);
      if (first === undefined) this.maLk.set(maLk, index);
      else
        this.findings.add(
          'DUPLICATE_MA_LK',
          { table: 'XML1', field: 'MA_LK', hoso: index },
          { value: maLk, other: first + 1 },
        );
    }
    return report;
  }

  /** Header checks, once all HOSO have been seen. */
  finish(header: EnvelopeHeader): ValidationReport {
    const at = { table: 'GIAMDINHHS' as const };
    if (header.macskcb.length !== 5)
      this.findings.add('MACSKCB_FORMAT', { ...at, field: 'MACSKCB' }, { value: header.macskcb });
    if (!isDate(header.ngayLap))
      this.findings.add('NGAYLAP_FORMAT', { ...at, field: 'NGAYLAP' }, { value: header.ngayLap });
    if (!/^\d+$/.test(header.soLuongHoso) || Number(header.soLuongHoso) !== this.count) {
      this.findings.add(
        'SOLUONGHOSO_MISMATCH',
        { ...at, field: 'SOLUONGHOSO' },
        { value: header.soLuongHoso, count: this.count },
      );
    }
    const sender = this.options.senderFacility;
    if (sender !== undefined && header.macskcb !== sender) {
      this.findings.add(
        'SENDER_FACILITY_MISMATCH',
        { ...at, field: 'MACSKCB' },
        { value: header.macskcb, other: sender },
      );
    }
    return report(this.findings);
  }
}

/** Validates a parsed envelope: every HOSO (with envelope context) plus the envelope-level rules. */
export function validateEnvelope(envelope: Envelope, options: ValidationOptions = {}): ValidationReport {
  const checks = new EnvelopeChecks(options);
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  envelope.hoso.forEach((h) => {
    const r = checks.hoso(h, envelope.header);
    errors.push(...r.errors);
    warnings.push(...r.warnings);
  });
  const end = checks.finish(envelope.header);
  errors.push(...end.errors);
  warnings.push(...end.warnings);
  return { ok: errors.length === 0, errors, warnings };
}
