/** Device → hb_device (devices of a patient). */
import type { Device } from '@medplum/fhirtypes';
import type { DeviceRow } from '../../healthbook/record.ts';
import { failed, okRow, personOf, toConcept, type Imported, type ImportContext } from './common.ts';

export type DeviceWrite = Omit<DeviceRow, 'updatedAt' | 'source'> & { personId: string };

export function importDevice(d: Device, id: string, ctx: ImportContext): Imported<DeviceWrite> {
  const who = personOf(ctx, d.patient, 'Device.patient');
  if ('issue' in who) return failed(who.issue);
  return okRow({
    personId: who.personId,
    id,
    status: d.status ?? null,
    type: toConcept(d.type),
    deviceName: d.deviceName?.[0]?.name ?? null,
    udiDi: d.udiCarrier?.[0]?.deviceIdentifier ?? null,
    udiCarrier: d.udiCarrier?.[0]?.carrierHRF ?? null,
    distinctIdentifier: d.distinctIdentifier ?? null,
    manufactureDate: d.manufactureDate ?? null,
    expirationDate: d.expirationDate ?? null,
    lotNumber: d.lotNumber ?? null,
    serialNumber: d.serialNumber ?? null,
  });
}
