/**
 * MA_LOAI_KCB (QĐ 824/QĐ-BYT PL1, XML1) → Encounter.class (v3 ActCode). A data table: the mapping
 * is ours (no official crosswalk found); the XML code itself is kept in Encounter.type.
 */
export const ENCOUNTER_CLASS: Readonly<Record<string, { code: string; display: string }>> = {
  '01': { code: 'AMB', display: 'ambulatory' },
  '02': { code: 'AMB', display: 'ambulatory' },
  '03': { code: 'IMP', display: 'inpatient encounter' },
  '04': { code: 'SS', display: 'short stay' },
  '05': { code: 'AMB', display: 'ambulatory' },
  '06': { code: 'OBSENC', display: 'observation encounter' },
  '07': { code: 'AMB', display: 'ambulatory' },
  '08': { code: 'AMB', display: 'ambulatory' },
  '09': { code: 'SS', display: 'short stay' },
  '10': { code: 'AMB', display: 'ambulatory' },
  '11': { code: 'FLD', display: 'field' },
  '12': { code: 'HH', display: 'home health' },
  '13': { code: 'AMB', display: 'ambulatory' },
  '14': { code: 'VR', display: 'virtual' },
  '15': { code: 'AMB', display: 'ambulatory' },
  '16': { code: 'AMB', display: 'ambulatory' },
};

/** Inpatient-like types (MedicationRequest.category inpatient vs outpatient). */
export const INPATIENT_TYPES: ReadonlySet<string> = new Set(['03', '04', '06', '09']);
