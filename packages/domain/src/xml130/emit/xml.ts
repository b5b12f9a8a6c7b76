/** Minimal XML text building for the emitter. */
import type { FieldSpec } from '../registry/types.ts';
import { escapeText, stripInvalidXmlChars } from '../parse/entities.ts';
import { normalizeValue } from '../parse/normalize.ts';

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** `<NAME>value</NAME>` with the value in canonical form (normalised, escaped, XML-safe). */
export function element(name: string, value: string): string {
  return `<${name}>${escapeText(value)}</${name}>`;
}

export function fieldElement(field: FieldSpec, value: string | undefined): string {
  if (value === undefined || value === '') return `<${field.name}></${field.name}>`;
  const normalized = normalizeValue(field, value);
  return element(field.name, stripInvalidXmlChars(normalized).text);
}
