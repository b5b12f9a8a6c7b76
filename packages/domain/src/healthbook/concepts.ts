/** Small helpers over stored codings. */
import type { Concept, Coding } from './record.ts';

/** The text to show for a concept: its text, else the first display, else the first code. */
export function conceptText(c: Concept | null | undefined, fallback = ''): string {
  if (!c) return fallback;
  const first = c.coding.find((x) => x.display) ?? c.coding[0];
  return c.text ?? first?.display ?? first?.code ?? fallback;
}

export function firstCoding(c: Concept | null | undefined, system?: string): Coding | undefined {
  if (!c) return undefined;
  return system ? c.coding.find((x) => x.system === system) : c.coding[0];
}

export function hasCode(c: Concept | null | undefined, codes: readonly string[]): boolean {
  return c?.coding.some((x) => x.code !== undefined && codes.includes(x.code)) ?? false;
}
