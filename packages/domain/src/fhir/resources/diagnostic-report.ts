/** DiagnosticReport ← the XML4 results of one service (MA_DICH_VU) of an episode, pointing at their Observations. */
import type { DiagnosticReport } from '@medplum/fhirtypes';
import type { EpisodeRow, LabRow, ServiceRow } from '../../healthbook/record.ts';
import { episodeMeta, facilityRef, type MapContext } from '../context.ts';
import { compact, concept, instant, ref } from '../datatypes.ts';
import { derivedId } from '../ids.ts';
import { CS } from '../systems.ts';
import { labCategory } from './observation.ts';

/** v2-0074 diagnostic service sections for the observation categories. */
const SECTION: Readonly<Record<string, { code: string; display: string }>> = {
  laboratory: { code: 'LAB', display: 'Laboratory' },
  imaging: { code: 'RAD', display: 'Radiology' },
  procedure: { code: 'OTH', display: 'Other' },
};

export function episodeReports(
  ctx: MapContext,
  e: EpisodeRow,
  labs: readonly LabRow[],
  services: readonly ServiceRow[],
): DiagnosticReport[] {
  const groups = new Map<string, LabRow[]>();
  for (const l of labs) {
    const k = l.serviceCode ?? '';
    const g = groups.get(k);
    if (g) g.push(l);
    else groups.set(k, [l]);
  }
  return [...groups.entries()].map(([serviceCode, rows], n) => {
    const service = services.find((s) => s.serviceCode === serviceCode && serviceCode !== '');
    const section = SECTION[labCategory(services, serviceCode || null).code] ?? SECTION.laboratory!;
    const when = rows.map((r) => r.resultAt).find(Boolean) ?? e.dischargedAt;
    const conclusions = rows.map((r) => r.conclusion).filter((c): c is string => Boolean(c));
    return compact<DiagnosticReport>({
      resourceType: 'DiagnosticReport',
      id: derivedId(e.id, `dr${n}`),
      meta: episodeMeta(e),
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v2-0074',
              code: section.code,
              display: section.display,
            },
          ],
        },
      ],
      code: concept(
        CS.serviceCode,
        serviceCode || null,
        service?.serviceName,
        service?.serviceName ?? rows[0]?.indicatorName ?? 'Kết quả cận lâm sàng',
      )!,
      subject: ctx.patient,
      encounter: ref('Encounter', e.id),
      effectiveDateTime: instant(when),
      issued: instant(when),
      performer: [facilityRef(ctx, e.facilityCode)!],
      result: rows.map((r) => ref('Observation', derivedId(e.id, `lab${r.lineNo}`))),
      conclusion: conclusions.length ? [...new Set(conclusions)].join('; ') : undefined,
    });
  });
}
