/**
 * DocumentReference ← XML 130 papers (XML6 HIV care, XML7 discharge paper, XML8 summary, XML9 birth
 * certificate, XML10 pregnancy rest, XML11 sick leave, XML15 TB care): the record itself is the
 * attachment (JSON, its fields as sent); or ← a received document.
 */
import type { Attachment, DocumentReference } from '@medplum/fhirtypes';
import { DOCUMENT_TITLES } from '../../healthbook/labels.ts';
import type { DocumentReferenceRow, DocumentRow, EpisodeRow } from '../../healthbook/record.ts';
import { episodeMeta, facilityRef, importedMeta, type MapContext } from '../context.ts';
import { base64Utf8, compact, concept, fhirDateTime, fromConcept, instant, ref } from '../datatypes.ts';
import { derivedId } from '../ids.ts';
import { CS, SID } from '../systems.ts';

/** Document kinds shown as DocumentReference (referrals and appointments have their own resources). */
export const PAPER_KINDS: ReadonlySet<string> = new Set([
  'hiv',
  'discharge',
  'summary',
  'birth',
  'pregnancy_leave',
  'sick_leave',
  'tuberculosis',
]);

export function paperDocumentReference(ctx: MapContext, e: EpisodeRow, d: DocumentRow): DocumentReference {
  const title = DOCUMENT_TITLES[d.kind];
  return compact<DocumentReference>({
    resourceType: 'DocumentReference',
    id: derivedId(e.id, `${d.tableId}.${d.lineNo}`),
    meta: episodeMeta(e),
    identifier: d.documentNo ? [{ system: SID.documentNo, value: d.documentNo }] : undefined,
    status: 'current',
    docStatus: 'final',
    type: concept(CS.documentKind, d.kind, title, title),
    category: [concept(`${CS.xml130}/table`, d.tableId, d.tableId)!],
    subject: ctx.patient,
    date: instant(d.documentDate ? `${d.documentDate}T00:00:00+07:00` : (d.at ?? e.dischargedAt)),
    custodian: facilityRef(ctx, d.facilityCode),
    description: title,
    content: [
      {
        attachment: {
          contentType: 'application/json',
          language: 'vi',
          title: `${title} (${d.tableId})`,
          data: base64Utf8(JSON.stringify(d.record)),
        },
      },
    ],
    context: {
      encounter: [ref('Encounter', e.id)],
      period: compact({ start: instant(e.admittedAt), end: instant(e.dischargedAt) }),
    },
  });
}

const STATUSES = ['current', 'superseded', 'entered-in-error'] as const;
const DOC_STATUSES = ['preliminary', 'final', 'amended', 'entered-in-error'] as const;

export function importedDocumentReference(ctx: MapContext, d: DocumentReferenceRow): DocumentReference {
  const type = fromConcept(d.type);
  const category = fromConcept(d.category);
  return compact<DocumentReference>({
    resourceType: 'DocumentReference',
    id: d.id,
    meta: importedMeta(d.updatedAt),
    status: (STATUSES as readonly string[]).includes(d.status)
      ? (d.status as DocumentReference['status'])
      : 'current',
    docStatus: (DOC_STATUSES as readonly string[]).includes(d.docStatus ?? '')
      ? (d.docStatus as DocumentReference['docStatus'])
      : undefined,
    type,
    category: category ? [category] : undefined,
    subject: ctx.patient,
    date: d.date ? instant(fhirDateTime(d.date) ?? d.date) : undefined,
    author: d.authorDisplay ? [{ display: d.authorDisplay }] : undefined,
    custodian: d.custodianDisplay ? { display: d.custodianDisplay } : undefined,
    description: d.description ?? undefined,
    content: (d.attachments.length ? d.attachments : [{ title: 'Không có nội dung' }]).map((a) => ({
      attachment: compact<Attachment>({ ...a }),
    })),
    context: d.encounterIds.length
      ? { encounter: d.encounterIds.map((id) => ref('Encounter', id)) }
      : undefined,
  });
}
