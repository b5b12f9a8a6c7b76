/**
 * Organization, Location, Practitioner, PractitionerRole → directory entry. An Organization that
 * carries a facility-code identifier (ma-cskcb) is one of the registry's facilities instead: the
 * server links to it and does not change the registry through FHIR.
 */
import type { Location, Organization, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import { DIRECTORY_DETAILS, type DirectoryKind } from '../directory.ts';
import { SID } from '../systems.ts';
import { okRow, refId, type Imported, type ImportContext } from './common.ts';
import { nameText } from './patient.ts';

export interface DirectoryWrite {
  readonly kind: DirectoryKind;
  readonly name: string | null;
  readonly identifiers: readonly { system?: string; value?: string; use?: string }[];
  readonly identifierKeys: readonly string[];
  readonly active: boolean | null;
  readonly partOf: string | null;
  readonly practitionerId: string | null;
  readonly details: Record<string, unknown>;
  /** Organization only: the registry facility this organisation is. */
  readonly facilityCode: string | null;
}

type DirectoryResource = Organization | Location | Practitioner | PractitionerRole;

/** `system|value` and `|value` keys of identifiers, for search. */
export function identifierKeys(ids: readonly { system?: string; value?: string }[] | undefined): string[] {
  return (ids ?? []).flatMap((i) => (i.value ? [`${i.system ?? ''}|${i.value}`, `|${i.value}`] : []));
}

export function importDirectory(r: DirectoryResource, ctx: ImportContext): Imported<DirectoryWrite> {
  const kind = r.resourceType;
  const details: Record<string, unknown> = {};
  for (const k of DIRECTORY_DETAILS[kind]) {
    const v = (r as unknown as Record<string, unknown>)[k];
    if (v !== undefined) details[k] = v;
  }
  const identifiers = (r.identifier ?? []).map((i) => ({
    ...(i.use ? { use: i.use } : {}),
    ...(i.system ? { system: i.system } : {}),
    ...(i.value ? { value: i.value } : {}),
  }));
  let name: string | null = null;
  let partOf: string | null = null;
  let practitionerId: string | null = null;
  let facilityCode: string | null = null;
  let active: boolean | null = null;
  switch (r.resourceType) {
    case 'Organization':
      name = r.name ?? null;
      partOf = refId(ctx, r.partOf, ['Organization']);
      active = r.active ?? null;
      facilityCode = r.identifier?.find((i) => i.system === SID.facility)?.value ?? null;
      break;
    case 'Location':
      name = r.name ?? null;
      partOf = refId(ctx, r.managingOrganization, ['Organization']);
      if (!partOf && r.managingOrganization?.display)
        details.managingOrganization = { display: r.managingOrganization.display };
      break;
    case 'Practitioner':
      name = nameText(r.name?.[0]);
      active = r.active ?? null;
      break;
    case 'PractitionerRole':
      name = r.practitioner?.display ?? null;
      practitionerId = refId(ctx, r.practitioner, ['Practitioner']);
      partOf = refId(ctx, r.organization, ['Organization']);
      active = r.active ?? null;
      details.location = (r.location ?? []).flatMap((l): { reference?: string; display?: string }[] => {
        const id = refId(ctx, l, ['Location']);
        if (id) return [{ reference: `Location/${id}`, ...(l.display ? { display: l.display } : {}) }];
        return l.display ? [{ display: l.display }] : [];
      });
      if ((details.location as unknown[]).length === 0) delete details.location;
      if (!practitionerId && r.practitioner?.display) details.practitionerDisplay = r.practitioner.display;
      break;
  }
  return okRow({
    kind,
    name,
    identifiers,
    identifierKeys: identifierKeys(r.identifier),
    active,
    partOf,
    practitionerId,
    details,
    facilityCode,
  });
}
