/**
 * XML 130 names a doctor only by practising-certificate number (MA_BAC_SI): the record's
 * Practitioners are `certificatePractitioner(code)` without a name. When the directory knows that
 * certificate — a Practitioner imported through FHIR with identifier `SID.practitioner|code` — the
 * certificate Practitioner carries the directory's name (and telecom, qualification), keeping its
 * own id so that every reference of the record still resolves.
 */
import type { Practitioner, Resource } from '@medplum/fhirtypes';
import { directoryResource, practitionerCode, SID } from '@suckhoe/domain/fhir/index';
import type { Queryable } from '../db/types.ts';
import { searchDirectory } from './directory-repo.ts';

const keyOf = (code: string): string => `${SID.practitioner}|${code}`;

function certificateOf(p: Practitioner): string | null {
  return p.identifier?.find((i) => i.system === SID.practitioner)?.value ?? null;
}

export async function nameCertificatePractitioners(
  db: Queryable,
  resources: readonly Resource[],
): Promise<Resource[]> {
  const nameless = new Map<string, number[]>();
  resources.forEach((r, i) => {
    if (r.resourceType !== 'Practitioner' || r.name?.length || !r.id || practitionerCode(r.id) === null)
      return;
    const code = certificateOf(r);
    if (code === null) return;
    const at = nameless.get(code);
    if (at) at.push(i);
    else nameless.set(code, [i]);
  });
  if (nameless.size === 0) return [...resources];
  const entries = await searchDirectory(db, 'Practitioner', {
    identifierKeys: [...nameless.keys()].map(keyOf),
    limit: nameless.size * 4,
  });
  const out = [...resources];
  for (const e of entries) {
    const known = directoryResource(e) as Practitioner;
    if (!known.name?.length) continue;
    const code = certificateOf(known);
    for (const i of (code !== null ? nameless.get(code) : undefined) ?? []) {
      const own = out[i] as Practitioner;
      out[i] = {
        ...own,
        name: known.name,
        ...(known.telecom ? { telecom: known.telecom } : {}),
        ...(known.qualification ? { qualification: known.qualification } : {}),
      };
    }
    if (code !== null) nameless.delete(code); // the first (by id) named entry wins
  }
  return out;
}
