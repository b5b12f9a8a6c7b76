/**
 * FHIR ids of resources derived from an XML 130 episode: the episode's platform id and a suffix
 * naming the line (stable across reads and resends, which keep the episode id and line order).
 *   {episode}                Encounter            {episode}.dx{n}     Condition (0 = main, then MA_BENH_KT)
 *   {episode}.rx{line}       MedicationRequest    {episode}.imm{line} Immunization (vaccine lines)
 *   {episode}.md{line}       MedicationDispense (XML2 lines with SO_LUONG)
 *   {episode}.px{line}       Procedure (XML3)     {episode}.pc{n}     Procedure (MA_PTTT_QT, ICD-9-CM)
 *   {episode}.lab{line}      Observation (XML4)   {episode}.vs{note}.{key} Observation (XML5 vital signs)
 *   {episode}.wt / .abo      Observation (XML1 CAN_NANG / NHOM_MAU)
 *   {episode}.dr{n}          DiagnosticReport     {episode}.ref{line} ServiceRequest (XML13)
 *   {episode}.appt{line}     Appointment (XML14)  {episode}.XML7.{line} DocumentReference (XML6–11, 15)
 * Practitioners named by MA_BAC_SI (practising-certificate numbers such as `000123/CT-CCHN`) get
 * `cchn-` + the code with every character outside [A-Za-z0-9.] written as `-XX` (hex), which is
 * reversible and fits the FHIR id alphabet.
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DERIVED = new RegExp(`^(${UUID})\\.(.+)$`, 'i');
const UUID_RE = new RegExp(`^${UUID}$`, 'i');

export const isUuid = (id: string): boolean => UUID_RE.test(id);

/** The episode id and suffix of a derived id, or null when `id` is not one. */
export function parseDerivedId(id: string): { episodeId: string; suffix: string } | null {
  const m = DERIVED.exec(id);
  return m ? { episodeId: (m[1] ?? '').toLowerCase(), suffix: m[2] ?? '' } : null;
}

export const derivedId = (episodeId: string, suffix: string): string => `${episodeId}.${suffix}`;

export function practitionerId(code: string): string {
  // A record names the same few doctors on hundreds of lines: ids are remembered.
  const known = practitionerIds.get(code);
  if (known !== undefined) return known;
  const enc = [...new TextEncoder().encode(code.trim())]
    .map((b) => {
      const ch = String.fromCharCode(b);
      return /[A-Za-z0-9.]/.test(ch) ? ch : `-${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  const id = `cchn-${enc}`.slice(0, 64);
  if (practitionerIds.size >= 10_000) practitionerIds.clear();
  practitionerIds.set(code, id);
  return id;
}

const practitionerIds = new Map<string, string>();

export function practitionerCode(id: string): string | null {
  if (!id.startsWith('cchn-')) return null;
  const bytes: number[] = [];
  const s = id.slice(5);
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-') {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(h)) return null;
      bytes.push(parseInt(h, 16));
      i += 2;
    } else bytes.push(s.charCodeAt(i));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The practitioners of a `MA_BAC_SI` field (';'-separated). */
export function doctorCodes(field: string | null | undefined): string[] {
  return (field ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** FHIR id alphabet. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
