/** Assembles the health book from a person's canonical record (pure). */
import { administrative } from './administrative.ts';
import { encodeCursor } from './cursor.ts';
import { fhirEpisodes, xmlEpisodes } from './episodes.ts';
import { history } from './history.ts';
import { immunisations } from './immunisations.ts';
import { papers } from './papers.ts';
import type { PersonRecord } from './record.ts';
import { appointments, referrals } from './slips.ts';
import type { BookConsentNotice, HealthBook } from './types.ts';

/** Newest first; the same order as the SQL page (`ORDER BY start DESC, id COLLATE "C" DESC`). */
const compareDesc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);

export interface BookPaging {
  /** Episodes in this page (the record holds at most limit + 1: one more means there is a next page). */
  readonly limit: number;
  /** Visible episodes in total (XML 130 and FHIR). */
  readonly total: number;
}

export interface BookConsent {
  readonly facilityBlocked: boolean;
  readonly hiddenCount: number;
}

export const CONSENT_MESSAGES = {
  hidden: 'Một số thông tin trong sổ đã được ẩn theo yêu cầu của người dân.',
  blocked: 'Người dân đã không cho phép cơ sở của bạn xem thông tin khám chữa bệnh trong sổ này.',
} as const;

export function consentNotice(c: BookConsent): BookConsentNotice {
  const withheld = c.facilityBlocked || c.hiddenCount > 0;
  return {
    withheld,
    facilityBlocked: c.facilityBlocked,
    hiddenCount: c.hiddenCount,
    message: c.facilityBlocked ? CONSENT_MESSAGES.blocked : withheld ? CONSENT_MESSAGES.hidden : null,
  };
}

/**
 * The book of one person. `record.episodes` and `record.encounters` hold the requested page (plus
 * one, when there is a next page), newest first; everything else covers every visible episode.
 */
export function assembleHealthBook(
  record: PersonRecord,
  paging: BookPaging,
  consent: BookConsent,
  now = new Date(),
): HealthBook {
  const all = [...xmlEpisodes(record), ...fhirEpisodes(record)].sort(
    (a, b) => compareDesc(a.period.start ?? '', b.period.start ?? '') || compareDesc(a.id, b.id),
  );
  const page = all.slice(0, paging.limit);
  const last = page[page.length - 1];
  const nextCursor =
    all.length > paging.limit && last
      ? encodeCursor(last.period.start ?? '1970-01-01T00:00:00Z', last.id)
      : null;
  return {
    administrative: administrative(record.person, record.episodes, record.facilities),
    history: history(record),
    immunisations: immunisations(record),
    episodes: { items: page, total: paging.total, nextCursor },
    referrals: referrals(record),
    appointments: appointments(record),
    documents: papers(record),
    consent: consentNotice(consent),
    generatedAt: now.toISOString(),
  };
}
