/**
 * Observation ← XML4 results (lab, imaging, functional tests), XML5 vital signs (CSST), XML1
 * CAN_NANG and NHOM_MAU; or ← a received observation (vitals, labs, social history, blood group).
 */
import type { CodeableConcept, Encounter, Observation, ObservationComponent } from '@medplum/fhirtypes';
import { bloodGroupLabel } from '../../healthbook/labels.ts';
import { BLOOD_GROUP, CSST_KEYS, LOINC, UCUM, VITALS } from '../../healthbook/observation-codes.ts';
import type { EpisodeRow, LabRow, NoteRow, ObservationRow, ServiceRow } from '../../healthbook/record.ts';
import { episodeMeta, importedMeta, type MapContext } from '../context.ts';
import { compact, concept, fhirDateTime, fromConcept, instant, ref } from '../datatypes.ts';
import { derivedId } from '../ids.ts';
import { CS } from '../systems.ts';

/** MA_NHOM of the service a result belongs to → observation category. */
const CATEGORY_OF_GROUP: Readonly<Record<string, { code: string; display: string }>> = {
  '1': { code: 'laboratory', display: 'Laboratory' },
  '2': { code: 'imaging', display: 'Imaging' },
  '3': { code: 'procedure', display: 'Procedure' },
};

export const observationCategory = (code: string, display?: string): CodeableConcept[] => [
  { coding: [{ system: CS.observationCategory, code, ...(display ? { display } : {}) }] },
];

export function labCategory(services: readonly ServiceRow[], serviceCode: string | null) {
  const group =
    services.find((s) => s.serviceCode !== null && s.serviceCode === serviceCode)?.groupCode ?? '1';
  return CATEGORY_OF_GROUP[group] ?? CATEGORY_OF_GROUP['1']!;
}

export function labObservation(
  ctx: MapContext,
  e: EpisodeRow,
  l: LabRow,
  services: readonly ServiceRow[],
): Observation {
  const cat = labCategory(services, l.serviceCode);
  const code = l.indicatorCode ?? l.serviceCode;
  return compact<Observation>({
    resourceType: 'Observation',
    id: derivedId(e.id, `lab${l.lineNo}`),
    meta: episodeMeta(e),
    status: 'final',
    category: observationCategory(cat.code, cat.display),
    code: concept(
      l.indicatorCode ? CS.labIndicator : CS.serviceCode,
      code,
      l.indicatorName,
      l.indicatorName ?? code ?? 'Kết quả',
    ) ?? {
      text: 'Kết quả',
    },
    subject: ctx.patient,
    encounter: ref('Encounter', e.id),
    effectiveDateTime: instant(l.resultAt ?? e.dischargedAt),
    valueQuantity:
      l.valueNum !== null ? compact({ value: l.valueNum, unit: l.unit ?? undefined }) : undefined,
    valueString: l.valueNum === null ? (l.valueText ?? l.description ?? undefined) : undefined,
    note: [l.description && l.valueNum !== null ? l.description : null, l.conclusion]
      .filter((t): t is string => Boolean(t))
      .map((text) => ({ text })),
  });
}

const num = (v: string): number | undefined => {
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
};

const vitalCode = (key: keyof typeof VITALS) => {
  const v = VITALS[key];
  return { coding: [{ system: LOINC, code: v.loinc, display: v.display }], text: v.label };
};

/** One Observation per vital sign of a progress note (blood pressure as a panel with two components). */
export function vitalObservations(ctx: MapContext, e: EpisodeRow, n: NoteRow): Observation[] {
  const out: Observation[] = [];
  for (const [key, raw] of Object.entries(n.vitalSigns ?? {})) {
    const vital = CSST_KEYS[key];
    if (!vital) continue;
    const base = {
      resourceType: 'Observation' as const,
      id: derivedId(e.id, `vs${n.lineNo}.${key.toLowerCase()}`),
      meta: episodeMeta(e),
      status: 'final' as const,
      category: observationCategory('vital-signs', 'Vital Signs'),
      code: vitalCode(vital),
      subject: ctx.patient,
      encounter: ref<Encounter>('Encounter', e.id),
      effectiveDateTime: instant(n.at ?? e.admittedAt),
    };
    if (vital === 'bloodPressure') {
      const [sys, dia] = raw.split('/').map((x) => num(x.trim()));
      const component: ObservationComponent[] = [];
      if (sys !== undefined)
        component.push({
          code: vitalCode('systolic'),
          valueQuantity: { value: sys, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
        });
      if (dia !== undefined)
        component.push({
          code: vitalCode('diastolic'),
          valueQuantity: { value: dia, unit: 'mmHg', system: UCUM, code: 'mm[Hg]' },
        });
      out.push(compact<Observation>({ ...base, component, valueString: component.length ? undefined : raw }));
    } else {
      const v = num(raw);
      const spec = VITALS[vital];
      out.push(
        compact<Observation>({
          ...base,
          valueQuantity:
            v !== undefined ? { value: v, unit: spec.unit, system: UCUM, code: spec.ucum } : undefined,
          valueString: v === undefined ? raw : undefined,
        }),
      );
    }
  }
  return out;
}

/** XML1 CAN_NANG (kg) and NHOM_MAU. */
export function xml1Observations(ctx: MapContext, e: EpisodeRow): Observation[] {
  const out: Observation[] = [];
  const common = {
    meta: episodeMeta(e),
    status: 'final' as const,
    subject: ctx.patient,
    encounter: ref<Encounter>('Encounter', e.id),
    effectiveDateTime: instant(e.admittedAt),
  };
  const w = e.xml1.CAN_NANG ? num(e.xml1.CAN_NANG) : undefined;
  if (w !== undefined && w > 0) {
    out.push({
      resourceType: 'Observation',
      id: derivedId(e.id, 'wt'),
      category: observationCategory('vital-signs', 'Vital Signs'),
      code: vitalCode('weight'),
      valueQuantity: { value: w, unit: 'kg', system: UCUM, code: 'kg' },
      ...common,
    });
  }
  if (e.xml1.NHOM_MAU) {
    out.push({
      resourceType: 'Observation',
      id: derivedId(e.id, 'abo'),
      category: observationCategory('laboratory', 'Laboratory'),
      code: {
        coding: [{ system: LOINC, code: BLOOD_GROUP.loinc, display: BLOOD_GROUP.display }],
        text: BLOOD_GROUP.label,
      },
      valueCodeableConcept: { text: bloodGroupLabel(e.xml1.NHOM_MAU) },
      ...common,
    });
  }
  return out;
}

const STATUSES = [
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;

export function importedObservation(ctx: MapContext, o: ObservationRow): Observation {
  return compact<Observation>({
    resourceType: 'Observation',
    id: o.id,
    meta: importedMeta(o.updatedAt),
    status: (STATUSES as readonly string[]).includes(o.status)
      ? (o.status as Observation['status'])
      : 'unknown',
    category: o.category ? observationCategory(o.category) : undefined,
    code: fromConcept(o.code) ?? { text: 'Không rõ' },
    subject: ctx.patient,
    encounter: o.encounterId ? ref('Encounter', o.encounterId) : undefined,
    effectiveDateTime: fhirDateTime(o.effective),
    issued: o.issued ? instant(o.issued) : undefined,
    valueQuantity:
      o.valueQuantity !== null
        ? compact({
            value: o.valueQuantity,
            unit: o.valueUnit ?? undefined,
            ...(o.valueUcum ? { system: UCUM, code: o.valueUcum } : {}),
          })
        : undefined,
    valueCodeableConcept: o.valueCoding ? fromConcept(o.valueCoding) : undefined,
    valueString: o.valueString ?? undefined,
    interpretation: o.interpretation ? [{ text: o.interpretation }] : undefined,
    referenceRange: o.referenceRange ? [{ text: o.referenceRange }] : undefined,
    component: o.components.map((c) =>
      compact<ObservationComponent>({
        code: fromConcept(c.code) ?? { text: 'Không rõ' },
        valueQuantity:
          c.value !== null
            ? compact({
                value: c.value,
                unit: c.unit ?? undefined,
                ...(c.ucum ? { system: UCUM, code: c.ucum } : {}),
              })
            : undefined,
      }),
    ),
  });
}
