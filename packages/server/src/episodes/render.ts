/**
 * An episode rendered for storage where it is parsed (the parse worker): the episode row's body and
 * its line and document rows as COPY text cells. Strings cross the thread boundary almost for free;
 * the episode's object graph (≈ 40 KB structured-cloned, rebuilt and collected in the ingest thread)
 * does not. The ingest thread adds what only it knows: person, id, envelope, version, warnings.
 */
import type { Episode, UnknownElement } from '@suckhoe/domain/xml130/index';
import { copyCells } from './copy-text.ts';
import { LINE_TABLES, episodeBody, leanRecord } from './rows.ts';

export interface EpisodeText {
  /** The `EPISODE_BODY_COLUMNS` cells. */
  readonly body: string;
  /** Per entry of `LINE_TABLES`: one string per row, its cells after the key columns. */
  readonly lines: readonly (readonly string[])[];
}

/** Renders an episode (throws MappingError when it cannot be stored). */
export function renderEpisode(
  e: Episode,
  hosoIndex: number,
  unknownElements: readonly UnknownElement[],
): EpisodeText {
  return {
    body: copyCells(episodeBody(e, hosoIndex, unknownElements)),
    lines: LINE_TABLES.map((t) =>
      t.rows(e).map((row) => {
        const last = row.length - 1;
        row[last] = leanRecord(row[last] as Record<string, string>, row, t.held, e.maLk);
        return copyCells(row);
      }),
    ),
  };
}
