/** Practitioner ← MA_BAC_SI practising-certificate numbers of XML 130 lines (no name is sent with them). */
import type { Practitioner } from '@medplum/fhirtypes';
import { practitionerId } from '../ids.ts';
import { SID } from '../systems.ts';

export function certificatePractitioner(code: string, name?: string | null): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: practitionerId(code),
    identifier: [{ use: 'official', system: SID.practitioner, value: code }],
    ...(name ? { name: [{ text: name }] } : {}),
  };
}
