/**
 * Character data: the five predefined entities and numeric character references only. Nothing is
 * ever expanded from a DTD (DTDs are rejected before we get here).
 */
export interface TextIssues {
  unknownEntity?: string;
  bareAmpersand?: boolean;
  invalidChar?: boolean;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Decodes entity and character references in raw character data (must contain '&' to be worth calling). */
export function decodeEntities(raw: string, issues: TextIssues): string {
  let out = '';
  let last = 0;
  let i = raw.indexOf('&');
  while (i !== -1) {
    out += raw.slice(last, i);
    const semi = raw.indexOf(';', i + 1);
    const name = semi === -1 || semi - i > 12 ? undefined : raw.slice(i + 1, semi);
    let replacement: string | undefined;
    if (name !== undefined) {
      if (name.startsWith('#')) {
        const cp = /^#x[0-9a-fA-F]{1,6}$/.test(name)
          ? parseInt(name.slice(2), 16)
          : /^#[0-9]{1,7}$/.test(name)
            ? parseInt(name.slice(1), 10)
            : NaN;
        if (!Number.isNaN(cp)) {
          if (isXmlChar(cp)) replacement = String.fromCodePoint(cp);
          else {
            issues.invalidChar = true;
            replacement = '';
          }
        }
      } else {
        replacement = PREDEFINED[name];
        if (replacement === undefined && /^[A-Za-z_][\w.-]*$/.test(name)) {
          issues.unknownEntity ??= name;
          replacement = `&${name};`;
        }
      }
    }
    if (replacement === undefined) {
      issues.bareAmpersand = true;
      out += '&';
      last = i + 1;
    } else {
      out += replacement;
      last = semi + 1;
    }
    i = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}

/** Escapes text for element content. `\r` becomes a character reference so that it survives parsing. */
export function escapeText(value: string): string {
  if (!/[&<>\r]/.test(value)) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const HAS_INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Removes characters that XML 1.0 cannot carry; returns how many were removed. */
export function stripInvalidXmlChars(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(INVALID_XML_CHARS, () => {
    removed++;
    return '';
  });
  return { text: cleaned, removed };
}

export function hasInvalidXmlChars(text: string): boolean {
  return HAS_INVALID_XML_CHAR.test(text); // a native regex scan: several times faster than a charCodeAt loop
}
