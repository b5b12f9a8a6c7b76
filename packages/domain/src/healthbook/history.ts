/**
 * Group B of the health book: allergies, chronic conditions, disabilities, risk factors, family
 * history, blood group, latest height and weight — from FHIR-received history and from XML 130
 * episodes (NHOM_MAU, CAN_NANG, chronic ICD-10 diagnoses).
 */
import { chronicGroup } from './chronic.ts';
import { conceptText, firstCoding, hasCode } from './concepts.ts';
import { icd10Name } from './icd10-vi.ts';
import { bloodGroupLabel } from './labels.ts';
import { BLOOD_GROUP_LOINC, RISK_FACTORS, VITALS } from './observation-codes.ts';
import { episodeProvenance, fhirProvenance, type Facilities } from './provenance.ts';
import type { EpisodeIndexRow, ObservationRow, PersonRecord } from './record.ts';
import type { BookCondition, BookHistory, BookMeasurement, BookRiskFactor } from './types.ts';

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);

const newestFirst = <T>(items: readonly T[], at: (x: T) => string | null): T[] =>
  [...items].sort((a, b) => (at(b) ?? '').localeCompare(at(a) ?? ''));

/** Chronic diagnoses seen in XML 130 episodes: one row per ICD-10 code, first and last seen. */
function chronicFromEpisodes(index: readonly EpisodeIndexRow[], facilities: Facilities): BookCondition[] {
  const byCode = new Map<string, { first: EpisodeIndexRow; last: EpisodeIndexRow }>();
  for (const e of index) {
    for (const code of [e.mainIcd, ...e.secondaryIcd]) {
      if (!code || chronicGroup(code) === null) continue;
      const seen = byCode.get(code);
      if (!seen) byCode.set(code, { first: e, last: e });
      else {
        if (e.admittedAt < seen.first.admittedAt) seen.first = e;
        if (e.admittedAt > seen.last.admittedAt) seen.last = e;
      }
    }
  }
  return [...byCode.entries()].map(([code, { first, last }]) => ({
    id: null,
    code,
    system: 'icd-10',
    name: icd10Name(code) ?? code,
    group: chronicGroup(code),
    since: first.admittedAt,
    lastSeen: last.admittedAt,
    clinicalStatus: 'active',
    provenance: episodeProvenance(facilities, last, 'XML1'),
  }));
}

function measurement(
  record: PersonRecord,
  loinc: string,
  xml: ((e: EpisodeIndexRow) => number | null) | null,
  unit: string,
): BookMeasurement | null {
  const fromFhir = newestFirst(
    record.observations.filter((o) => hasCode(o.code, [loinc]) && o.valueQuantity !== null),
    (o) => o.effective,
  )[0];
  const fromXml = xml
    ? newestFirst(
        record.episodeIndex.filter((e) => xml(e) !== null),
        (e) => e.admittedAt,
      )[0]
    : undefined;
  const fhirAt = fromFhir?.effective ?? '';
  if (fromXml && (!fromFhir || fromXml.admittedAt > fhirAt)) {
    return {
      value: xml!(fromXml)!,
      unit,
      at: fromXml.admittedAt,
      provenance: episodeProvenance(record.facilities, fromXml, 'XML1'),
    };
  }
  if (!fromFhir) return null;
  return {
    value: fromFhir.valueQuantity!,
    unit: fromFhir.valueUnit ?? unit,
    at: fromFhir.effective,
    provenance: fhirProvenance(record.facilities, {
      encounterId: fromFhir.encounterId,
      receivedAt: fromFhir.updatedAt,
    }),
  };
}

const weightOf = (e: EpisodeIndexRow): number | null => {
  const n = e.weight === null ? NaN : Number(e.weight.replace(',', '.'));
  return Number.isFinite(n) && n > 0 ? n : null;
};

function observationValue(o: ObservationRow): string {
  if (o.valueCoding) return conceptText(o.valueCoding);
  if (o.valueString) return o.valueString;
  if (o.valueQuantity !== null) return `${o.valueQuantity}${o.valueUnit ? ` ${o.valueUnit}` : ''}`;
  return '';
}

function bloodGroup(record: PersonRecord): BookHistory['bloodGroup'] {
  const fromXml = newestFirst(
    record.episodeIndex.filter((e) => e.bloodGroup),
    (e) => e.admittedAt,
  )[0];
  const fromFhir = newestFirst(
    record.observations.filter((o) => hasCode(o.code, BLOOD_GROUP_LOINC)),
    (o) => o.effective,
  )[0];
  if (fromXml && (!fromFhir || fromXml.admittedAt > (fromFhir.effective ?? ''))) {
    return {
      value: bloodGroupLabel(fromXml.bloodGroup ?? ''),
      at: fromXml.admittedAt,
      provenance: episodeProvenance(record.facilities, fromXml, 'XML1'),
    };
  }
  if (!fromFhir) return null;
  return {
    value: observationValue(fromFhir),
    at: fromFhir.effective,
    provenance: fhirProvenance(record.facilities, {
      encounterId: fromFhir.encounterId,
      receivedAt: fromFhir.updatedAt,
    }),
  };
}

function riskFactors(record: PersonRecord): BookRiskFactor[] {
  const out: BookRiskFactor[] = [];
  for (const rf of RISK_FACTORS) {
    const latest = newestFirst(
      record.observations.filter((o) => hasCode(o.code, [rf.loinc])),
      (o) => o.effective,
    )[0];
    if (!latest || out.some((x) => x.kind === rf.kind)) continue;
    out.push({
      kind: rf.kind,
      label: rf.label,
      value: observationValue(latest),
      at: latest.effective,
      provenance: fhirProvenance(record.facilities, {
        encounterId: latest.encounterId,
        receivedAt: latest.updatedAt,
      }),
    });
  }
  return out;
}

export function history(record: PersonRecord): BookHistory {
  const f = record.facilities;
  const prov = (encounterId: string | null, at: string) => fhirProvenance(f, { encounterId, receivedAt: at });
  const conditions = record.conditions.filter((c) => c.category !== 'family-history');
  const ongoing = conditions.filter(
    (c) => c.category !== 'disability' && ACTIVE.has(c.clinicalStatus ?? 'active') && !c.abatement,
  );
  const fhirChronic: BookCondition[] = ongoing.map((c) => {
    const coding = firstCoding(c.code);
    return {
      id: c.id,
      code: coding?.code ?? null,
      system: coding?.system ?? null,
      name: conceptText(c.code, 'Không rõ'),
      group: coding?.code ? chronicGroup(coding.code) : null,
      since: c.onset ?? c.recorded,
      lastSeen: c.recorded,
      clinicalStatus: c.clinicalStatus,
      provenance: prov(c.encounterId, c.updatedAt),
    };
  });
  return {
    allergies: record.allergies.map((a) => ({
      id: a.id,
      substance: conceptText(a.code, 'Không rõ'),
      codes: a.code.coding.map((c) => ({ system: c.system ?? null, code: c.code ?? null })),
      category: a.categories,
      criticality: a.criticality,
      clinicalStatus: a.clinicalStatus,
      reactions: a.reactions.flatMap((r) => r.manifestation.map((m) => conceptText(m))).filter(Boolean),
      recorded: a.recorded,
      provenance: prov(null, a.updatedAt),
    })),
    chronicConditions: [...chronicFromEpisodes(record.episodeIndex, f), ...fhirChronic].sort((a, b) =>
      (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''),
    ),
    disabilities: conditions
      .filter((c) => c.category === 'disability')
      .map((c) => ({
        id: c.id,
        code: firstCoding(c.code)?.code ?? null,
        system: firstCoding(c.code)?.system ?? null,
        name: conceptText(c.code, 'Không rõ'),
        group: null,
        since: c.onset ?? c.recorded,
        lastSeen: c.recorded,
        clinicalStatus: c.clinicalStatus,
        provenance: prov(c.encounterId, c.updatedAt),
      })),
    riskFactors: riskFactors(record),
    familyHistory: record.conditions
      .filter((c) => c.category === 'family-history')
      .map((c) => ({
        relationship: c.relationship,
        condition: conceptText(c.code, 'Không rõ'),
        provenance: prov(null, c.updatedAt),
      })),
    bloodGroup: bloodGroup(record),
    height: measurement(record, VITALS.height.loinc, null, 'cm'),
    weight: measurement(record, VITALS.weight.loinc, weightOf, 'kg'),
  };
}
