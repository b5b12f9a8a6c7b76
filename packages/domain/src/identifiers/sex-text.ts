import type { PersonSex } from '../codes/century-sex-digits.ts';
import { normalizeText } from '../text.ts';

/** "Nam" / "Nữ" in any case, with or without accents ("NU", "nữ") → sex; anything else → null. */
export function parseSexWord(text: string): PersonSex | null {
  switch (normalizeText(text)) {
    case 'nam':
      return 'male';
    case 'nu':
      return 'female';
    default:
      return null;
  }
}
