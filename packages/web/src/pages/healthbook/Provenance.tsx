import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Provenance as Prov } from './types.ts';

/** One quiet line: where an item comes from (facility, MA_LK, signed or not; the envelope hash on hover). */
export function ProvenanceNote({ p }: { p: Prov }) {
  const { t } = useTranslation();
  const facility = p.facility?.name ?? p.facility?.code ?? '';
  const text =
    p.source === 'xml130'
      ? `${t('healthbook.provenance.xml130', { maLk: p.maLk ?? '', facility })} · ${t(p.signed ? 'healthbook.provenance.signed' : 'healthbook.provenance.unsigned')}`
      : p.source === 'fhir'
        ? t('healthbook.provenance.fhir')
        : t('healthbook.provenance.registry');
  const line = (
    <Text size="xs" c="dimmed" className="hb-provenance">
      {t('healthbook.provenance.label')}: {text}
    </Text>
  );
  if (!p.envelopeSha256) return line;
  return (
    <Tooltip label={`${t('healthbook.provenance.hash')}: ${p.envelopeSha256}`} multiline w={320}>
      {line}
    </Tooltip>
  );
}
