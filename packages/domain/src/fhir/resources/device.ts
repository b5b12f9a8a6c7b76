/** Device ← received devices (implants, meters) of a person. */
import type { Device } from '@medplum/fhirtypes';
import type { DeviceRow } from '../../healthbook/record.ts';
import { importedMeta, type MapContext } from '../context.ts';
import { compact, fhirDateTime, fromConcept } from '../datatypes.ts';

const STATUSES = ['active', 'inactive', 'entered-in-error', 'unknown'] as const;

export function importedDevice(ctx: MapContext, d: DeviceRow): Device {
  return compact<Device>({
    resourceType: 'Device',
    id: d.id,
    meta: importedMeta(d.updatedAt),
    udiCarrier:
      d.udiDi || d.udiCarrier
        ? [compact({ deviceIdentifier: d.udiDi ?? undefined, carrierHRF: d.udiCarrier ?? undefined })]
        : undefined,
    status: (STATUSES as readonly string[]).includes(d.status ?? '')
      ? (d.status as Device['status'])
      : undefined,
    distinctIdentifier: d.distinctIdentifier ?? undefined,
    manufactureDate: fhirDateTime(d.manufactureDate),
    expirationDate: fhirDateTime(d.expirationDate),
    lotNumber: d.lotNumber ?? undefined,
    serialNumber: d.serialNumber ?? undefined,
    deviceName: d.deviceName ? [{ name: d.deviceName, type: 'user-friendly-name' }] : undefined,
    type: fromConcept(d.type),
    patient: ctx.patient,
  });
}
