/** Group C/D of the health book: each episode with diagnoses, drugs, services, labs, vitals, outcome and summary. */
import { conceptText, firstCoding } from './concepts.ts';
import { icd10Name } from './icd10-vi.ts';
import { codeLabel, icd } from './labels.ts';
import { CSST_KEYS, VITALS } from './observation-codes.ts';
import { episodeProvenance, facilityLabel, fhirProvenance } from './provenance.ts';
import type { DocumentRow, EpisodeRow, ImportedEncounterRow, PersonRecord } from './record.ts';
import type { BookDiagnosis, BookEpisode, BookSummary, BookVitals } from './types.ts';

const ICD = 'http://hl7.org/fhir/sid/icd-10';

const diagnosis = (code: string): BookDiagnosis => ({ ...icd(code), system: ICD });

const groupBy = <T>(items: readonly T[], key: (x: T) => string | null): Map<string, T[]> => {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
};

function summaryOf(doc: DocumentRow | undefined): BookSummary | null {
  if (!doc) return null;
  const r = doc.record;
  return {
    admissionDiagnosis: r.CHAN_DOAN_VAO ?? null,
    dischargeDiagnosis: r.CHAN_DOAN_RV ?? null,
    course: r.QT_BENHLY ?? null,
    keyResults: r.TOMTAT_KQ ?? null,
    treatment: r.PP_DIEUTRI ?? null,
    outcome: codeLabel('KET_QUA_DTRI', r.KET_QUA_DTRI)?.name ?? r.KET_QUA_DTRI ?? null,
    note: r.GHI_CHU ?? null,
    date: doc.documentDate,
  };
}

/** Vital signs of an episode's progress notes, labelled in Vietnamese. */
function vitalsOf(notes: PersonRecord['notes']): BookVitals[] {
  return notes
    .filter((n) => n.vitalSigns && Object.keys(n.vitalSigns).length > 0)
    .map((n) => {
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(n.vitalSigns ?? {})) {
        const vital = CSST_KEYS[k];
        values[vital ? VITALS[vital].label : k] = vital ? `${v} ${VITALS[vital].unit}` : v;
      }
      return { at: n.at, values };
    });
}

/** Every XML 130 episode of the record as a book episode (lines grouped by episode). */
export function xmlEpisodes(record: PersonRecord): BookEpisode[] {
  const f = record.facilities;
  const drugs = groupBy(record.drugs, (d) => d.episodeId);
  const services = groupBy(record.services, (s) => s.episodeId);
  const labs = groupBy(record.labs, (l) => l.episodeId);
  const notes = groupBy(record.notes, (n) => n.episodeId);
  const summaries = groupBy(
    record.documents.filter((d) => d.kind === 'summary'),
    (d) => d.episodeId,
  );
  return record.episodes.map((e: EpisodeRow): BookEpisode => {
    const weight = e.xml1.CAN_NANG ? Number(e.xml1.CAN_NANG.replace(',', '.')) : NaN;
    return {
      id: e.id,
      source: 'xml130',
      facility: facilityLabel(f, e.facilityCode),
      type: codeLabel('MA_LOAI_KCB', e.encounterType),
      period: { start: e.admittedAt, end: e.dischargedAt },
      inpatientFrom: e.inpatientAdmittedAt,
      treatmentDays: e.treatmentDays,
      reason: e.xml1.LY_DO_VV ?? e.xml1.LY_DO_VNT ?? null,
      diagnoses: {
        main: e.mainIcd ? diagnosis(e.mainIcd) : null,
        secondary: e.secondaryIcd.map(diagnosis),
        admissionText: e.xml1.CHAN_DOAN_VAO ?? null,
        dischargeText: e.xml1.CHAN_DOAN_RV ?? null,
        traditional: e.traditionalCodes,
      },
      drugs: (drugs.get(e.id) ?? []).map((d) => ({
        code: d.drugCode,
        name: d.name,
        strength: d.strength,
        dosage: d.dosage,
        route: d.route,
        quantity: d.quantity,
        unit: d.unit,
        at: d.orderedAt,
      })),
      services: (services.get(e.id) ?? []).map((s) => ({
        code: s.kind === 'supply' ? s.supplyCode : s.serviceCode,
        name: (s.kind === 'supply' ? s.supplyName : s.serviceName) ?? s.serviceCode ?? s.supplyCode ?? '',
        kind:
          s.kind === 'supply'
            ? 'supply'
            : s.groupCode === '8' || s.groupCode === '18'
              ? 'procedure'
              : 'service',
        group: codeLabel('MA_NHOM', s.groupCode),
        quantity: s.quantity,
        at: s.performedAt ?? s.orderedAt,
      })),
      labs: (labs.get(e.id) ?? []).map((l) => ({
        serviceCode: l.serviceCode,
        code: l.indicatorCode,
        name: l.indicatorName ?? l.indicatorCode ?? l.serviceCode ?? '',
        value: l.valueText ?? l.description,
        unit: l.unit,
        conclusion: l.conclusion,
        at: l.resultAt,
      })),
      vitals: vitalsOf(notes.get(e.id) ?? []),
      treatment: e.xml1.PP_DIEU_TRI ?? null,
      outcome: codeLabel('KET_QUA_DTRI', e.outcome),
      dischargeType: codeLabel('MA_LOAI_RV', e.dischargeType),
      summary: summaryOf(summaries.get(e.id)?.[0]),
      advice: e.xml1.GHI_CHU ?? null,
      followUpDates: e.followUpDates,
      weightKg: Number.isFinite(weight) && weight > 0 ? weight : null,
      provenance: episodeProvenance(f, e, 'XML1'),
    };
  });
}

/** Encounters received through FHIR, with the diagnoses, prescriptions, procedures and labs that point at them. */
export function fhirEpisodes(record: PersonRecord): BookEpisode[] {
  const f = record.facilities;
  const conditions = groupBy(record.conditions, (c) => c.encounterId);
  const meds = groupBy(record.medicationRequests, (m) => m.encounterId);
  const procs = groupBy(record.procedures, (p) => p.encounterId);
  const obs = groupBy(record.observations, (o) => o.encounterId);
  return record.encounters.map((e: ImportedEncounterRow): BookEpisode => {
    const dx = (conditions.get(e.id) ?? []).map((c): BookDiagnosis => {
      const icdCoding = firstCoding(c.code, ICD);
      const coding = icdCoding ?? firstCoding(c.code);
      return {
        code: coding?.code ?? '',
        name: (icdCoding?.code ? icd10Name(icdCoding.code) : null) ?? conceptText(c.code, ''),
        system: coding?.system ?? null,
      };
    });
    const observations = obs.get(e.id) ?? [];
    return {
      id: e.id,
      source: 'fhir',
      facility: e.facilityCode
        ? facilityLabel(f, e.facilityCode)
        : e.organizationDisplay
          ? { code: e.organizationId ?? '', name: e.organizationDisplay }
          : null,
      type: { code: e.classCode ?? '', name: conceptText(e.type, '') || null },
      period: { start: e.periodStart, end: e.periodEnd },
      inpatientFrom: null,
      treatmentDays: null,
      reason:
        e.reason
          .map((r) => conceptText(r))
          .filter(Boolean)
          .join('; ') || null,
      diagnoses: {
        main: dx[0] ?? null,
        secondary: dx.slice(1),
        admissionText: null,
        dischargeText: null,
        traditional: [],
      },
      drugs: (meds.get(e.id) ?? []).map((m) => ({
        code: firstCoding(m.code)?.code ?? null,
        name: conceptText(m.code, 'Thuốc'),
        strength: null,
        dosage: m.dosageText,
        route: null,
        quantity: null,
        unit: null,
        at: m.authoredOn,
      })),
      services: (procs.get(e.id) ?? []).map((p) => ({
        code: firstCoding(p.code)?.code ?? null,
        name: conceptText(p.code, 'Thủ thuật'),
        kind: 'procedure',
        group: null,
        quantity: null,
        at: p.performedStart,
      })),
      labs: observations
        .filter((o) => o.category !== 'vital-signs')
        .map((o) => ({
          serviceCode: null,
          code: firstCoding(o.code)?.code ?? null,
          name: conceptText(o.code, ''),
          value:
            o.valueQuantity !== null
              ? String(o.valueQuantity)
              : (o.valueString ?? (o.valueCoding ? conceptText(o.valueCoding) : null)),
          unit: o.valueUnit,
          conclusion: o.interpretation,
          at: o.effective,
        })),
      vitals: observations
        .filter((o) => o.category === 'vital-signs')
        .map((o) => ({
          at: o.effective,
          values: {
            [conceptText(o.code, '')]:
              o.valueQuantity !== null
                ? `${o.valueQuantity}${o.valueUnit ? ` ${o.valueUnit}` : ''}`
                : o.components.map((c) => `${c.value ?? ''}`).join('/'),
          },
        })),
      treatment: null,
      outcome: null,
      dischargeType: null,
      summary: null,
      advice: null,
      followUpDates: [],
      weightKg: null,
      provenance: fhirProvenance(f, {
        facilityCode: e.facilityCode,
        encounterId: e.id,
        receivedAt: e.updatedAt,
      }),
    };
  });
}
