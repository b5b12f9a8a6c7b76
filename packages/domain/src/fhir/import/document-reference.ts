/** DocumentReference → hb_document (attachments kept, inline data included). */
import type { DocumentReference } from '@medplum/fhirtypes';
import type { DocumentReferenceRow } from '../../healthbook/record.ts';
import { failed, okRow, personOf, refId, toConcept, type Imported, type ImportContext } from './common.ts';

export type DocumentReferenceWrite = Omit<DocumentReferenceRow, 'updatedAt' | 'source'> & {
  personId: string;
};

export function importDocumentReference(
  d: DocumentReference,
  id: string,
  ctx: ImportContext,
): Imported<DocumentReferenceWrite> {
  const who = personOf(ctx, d.subject, 'DocumentReference.subject');
  if ('issue' in who) return failed(who.issue);
  return okRow({
    personId: who.personId,
    id,
    status: d.status,
    docStatus: d.docStatus ?? null,
    type: toConcept(d.type),
    category: toConcept(d.category?.[0]),
    date: d.date ?? null,
    authorDisplay: d.author?.[0]?.display ?? null,
    custodianDisplay: d.custodian?.display ?? null,
    description: d.description ?? null,
    encounterIds: (d.context?.encounter ?? []).flatMap((e) => {
      const x = refId(ctx, e, ['Encounter']);
      return x ? [x] : [];
    }),
    attachments: d.content.map((c) => ({
      ...(c.attachment.contentType ? { contentType: c.attachment.contentType } : {}),
      ...(c.attachment.language ? { language: c.attachment.language } : {}),
      ...(c.attachment.data ? { data: c.attachment.data } : {}),
      ...(c.attachment.url ? { url: c.attachment.url } : {}),
      ...(c.attachment.title ? { title: c.attachment.title } : {}),
      ...(c.attachment.size !== undefined ? { size: c.attachment.size } : {}),
      ...(c.attachment.creation ? { creation: c.attachment.creation } : {}),
    })),
  });
}
