/**
 * Appointment ← XML14 re-exam appointment slips (giấy hẹn khám lại). NGAY_HEN_KL may be a date only:
 * the appointment then spans that day (00:00–23:59 Vietnam time); a time gives the start.
 */
import type { Appointment, AppointmentParticipant, Practitioner } from '@medplum/fhirtypes';
import { icd10Name } from '../../healthbook/icd10-vi.ts';
import type { DocumentRow, EpisodeRow } from '../../healthbook/record.ts';
import { episodeMeta, type MapContext } from '../context.ts';
import { compact, concept, instant, ref } from '../datatypes.ts';
import { derivedId, doctorCodes, practitionerId } from '../ids.ts';
import { CS, SID } from '../systems.ts';

export function slipAppointment(ctx: MapContext, e: EpisodeRow, d: DocumentRow): Appointment {
  const r = d.record;
  const start = instant(d.at);
  const day = start?.slice(0, 10);
  const timed = start !== undefined && !start.endsWith('T00:00:00+07:00');
  const facility = r.MA_CSKCB ?? d.facilityCode;
  const name = ctx.facilities[facility]?.name;
  const participant: AppointmentParticipant[] = [
    { actor: ctx.patient, status: 'accepted' },
    ...doctorCodes(r.MA_BAC_SI).map((c) => ({
      actor: ref<Practitioner>('Practitioner', practitionerId(c)),
      status: 'accepted' as const,
    })),
  ];
  return compact<Appointment>({
    resourceType: 'Appointment',
    id: derivedId(e.id, `appt${d.lineNo}`),
    meta: episodeMeta(e),
    identifier: d.documentNo ? [{ system: SID.appointmentNo, value: d.documentNo }] : undefined,
    status: 'booked',
    serviceType: [{ text: 'Khám lại' }],
    appointmentType: {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v2-0276',
          code: 'FOLLOWUP',
          display: 'A follow up visit from a previous appointment',
        },
      ],
    },
    reasonCode: r.MA_BENH_CHINH
      ? [
          concept(
            CS.icd10,
            r.MA_BENH_CHINH,
            icd10Name(r.MA_BENH_CHINH),
            r.CHAN_DOAN_RV ?? icd10Name(r.MA_BENH_CHINH),
          )!,
        ]
      : undefined,
    description: `Hẹn khám lại${name ? ` tại ${name}` : ` tại cơ sở ${facility}`}`,
    supportingInformation: [ref('Encounter', e.id), ref('Organization', facility)],
    start: start ? (timed ? start : `${day}T00:00:00+07:00`) : undefined,
    end: day ? `${day}T23:59:59+07:00` : undefined,
    created: d.documentDate ?? undefined,
    participant,
  });
}
