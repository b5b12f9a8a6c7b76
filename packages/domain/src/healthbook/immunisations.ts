/**
 * Immunisations (group B, "tiền sử tiêm chủng"): FHIR Immunization records, and vaccines given in
 * XML 130 immunisation visits (main diagnosis Z23–Z27: the drug lines are the vaccines).
 */
import { conceptText, firstCoding } from './concepts.ts';
import { episodeProvenance, fhirProvenance, facilityLabel } from './provenance.ts';
import type { PersonRecord } from './record.ts';
import type { BookImmunisation } from './types.ts';

export function immunisations(record: PersonRecord): BookImmunisation[] {
  const f = record.facilities;
  const episodes = new Map(record.episodeIndex.map((e) => [e.id, e]));
  const fromXml = record.vaccineDrugs.flatMap((d): BookImmunisation[] => {
    const e = episodes.get(d.episodeId);
    if (!e) return [];
    return [
      {
        id: `${d.episodeId}.imm${d.lineNo}`,
        vaccine: d.name,
        code: d.drugCode,
        system: 'ma-thuoc',
        date: d.performedAt ?? d.orderedAt ?? e.admittedAt,
        doseNumber: null,
        lotNumber: null,
        status: 'completed',
        performer: facilityLabel(f, e.facilityCode)?.name ?? e.facilityCode,
        provenance: episodeProvenance(f, e, 'XML2'),
      },
    ];
  });
  const fromFhir = record.immunizations.map((i): BookImmunisation => {
    const c = firstCoding(i.vaccine);
    return {
      id: i.id,
      vaccine: conceptText(i.vaccine, 'Vắc xin'),
      code: c?.code ?? null,
      system: c?.system ?? null,
      date: i.occurrence,
      doseNumber: i.doseNumber,
      lotNumber: i.lotNumber,
      status: i.status,
      performer: i.performerDisplay ?? facilityLabel(f, i.facilityCode)?.name ?? i.locationDisplay,
      provenance: fhirProvenance(f, {
        facilityCode: i.facilityCode,
        encounterId: i.encounterId,
        receivedAt: i.updatedAt,
      }),
    };
  });
  return [...fromXml, ...fromFhir].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
