import type { ReactNode } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format.ts';
import type { BookEpisode } from './types.ts';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Title order={4} fz="sm" mb={4}>
        {title}
      </Title>
      {children}
    </section>
  );
}

/** Drugs, services, lab results, vital signs and the case summary of one episode. */
export function EpisodeDetails({ e }: { e: BookEpisode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {e.drugs.length > 0 && (
        <Section title={t('healthbook.timeline.drugs', { n: e.drugs.length })}>
          <Table.ScrollContainer minWidth={420}>
            <Table striped fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('healthbook.timeline.drugName')}</Table.Th>
                  <Table.Th>{t('healthbook.timeline.dosage')}</Table.Th>
                  <Table.Th ta="right">{t('healthbook.timeline.quantity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.drugs.map((d, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {d.name}
                      </Text>
                      {d.strength && (
                        <Text fz="xs" c="dimmed">
                          {d.strength}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{d.dosage}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {d.quantity ?? ''} {d.unit ?? ''}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}
      {e.labs.length > 0 && (
        <Section title={t('healthbook.timeline.labs', { n: e.labs.length })}>
          <Table.ScrollContainer minWidth={420}>
            <Table striped fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('healthbook.timeline.indicator')}</Table.Th>
                  <Table.Th>{t('healthbook.timeline.value')}</Table.Th>
                  <Table.Th>{t('healthbook.timeline.conclusion')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {e.labs.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{l.name}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {l.value} {l.unit ?? ''}
                    </Table.Td>
                    <Table.Td>{l.conclusion}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}
      {e.services.length > 0 && (
        <Section title={t('healthbook.timeline.services', { n: e.services.length })}>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {e.services.map((s, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td c="dimmed" fz="xs">
                    {s.group?.name}
                  </Table.Td>
                  <Table.Td c="dimmed" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(s.at)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}
      {e.vitals.length > 0 && (
        <Section title={t('healthbook.timeline.vitals')}>
          {e.vitals.map((v, i) => (
            <Text key={i} fz="sm">
              <Text span c="dimmed" fz="xs" mr={6}>
                {formatDateTime(v.at)}
              </Text>
              {Object.entries(v.values)
                .map(([k, x]) => `${k}: ${x}`)
                .join(' · ')}
            </Text>
          ))}
        </Section>
      )}
      {e.summary && (
        <Section title={t('healthbook.timeline.summary')}>
          <Stack gap={4}>
            {e.summary.course && (
              <Text fz="sm">
                <b>{t('healthbook.timeline.course')}:</b> {e.summary.course}
              </Text>
            )}
            {e.summary.keyResults && (
              <Text fz="sm">
                <b>{t('healthbook.timeline.keyResults')}:</b> {e.summary.keyResults}
              </Text>
            )}
            {e.summary.treatment && (
              <Text fz="sm">
                <b>{t('healthbook.timeline.treatment')}:</b> {e.summary.treatment}
              </Text>
            )}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}
