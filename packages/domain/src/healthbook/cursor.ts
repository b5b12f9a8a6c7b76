/**
 * The episodes cursor of the health book (`?episodesBefore=`): the start time (epoch ms) and id of
 * the last episode of a page, `1742432100000_<id>`. Opaque to clients; URL-safe as it is.
 */
export interface EpisodeCursor {
  readonly before: string;
  readonly id: string;
}

export function encodeCursor(start: string, id: string): string {
  return `${Date.parse(start)}_${id}`;
}

export function decodeCursor(raw: string): EpisodeCursor | null {
  const m = /^(-?\d{1,15})_([A-Za-z0-9.-]{1,64})$/.exec(raw.trim());
  if (!m) return null;
  const t = Number(m[1]);
  if (!Number.isFinite(t)) return null;
  return { before: new Date(t).toISOString(), id: m[2] ?? '' };
}
