/** Organization, Location, Practitioner and PractitionerRole ← directory entries received through FHIR. */
import type { Location, Organization, Practitioner, PractitionerRole, Resource } from '@medplum/fhirtypes';
import { importedMeta } from '../context.ts';
import { compact, ref } from '../datatypes.ts';
import type { DirectoryRow } from '../directory.ts';

export function directoryResource(d: DirectoryRow): Resource {
  const common = {
    id: d.id,
    meta: importedMeta(d.updatedAt),
    identifier: d.identifiers.length ? (d.identifiers as Organization['identifier']) : undefined,
    active: d.active ?? undefined,
  };
  const details = d.details as Record<string, unknown>;
  switch (d.kind) {
    case 'Organization':
      return compact<Organization>({
        resourceType: 'Organization',
        ...common,
        ...(details as Partial<Organization>),
        name: d.name ?? undefined,
        partOf: d.partOf ? ref('Organization', d.partOf) : undefined,
      });
    case 'Location': {
      const { active: _a, ...rest } = common;
      return compact<Location>({
        resourceType: 'Location',
        ...rest,
        ...(details as Partial<Location>),
        name: d.name ?? undefined,
        managingOrganization: d.partOf ? ref('Organization', d.partOf) : undefined,
      });
    }
    case 'Practitioner':
      return compact<Practitioner>({
        resourceType: 'Practitioner',
        ...common,
        ...(details as Partial<Practitioner>),
        name: (details.name as Practitioner['name']) ?? (d.name ? [{ text: d.name }] : undefined),
      });
    case 'PractitionerRole':
      return compact<PractitionerRole>({
        resourceType: 'PractitionerRole',
        ...common,
        ...(details as Partial<PractitionerRole>),
        practitioner: d.practitionerId ? ref('Practitioner', d.practitionerId) : undefined,
        organization: d.partOf ? ref('Organization', d.partOf) : undefined,
      });
  }
}
