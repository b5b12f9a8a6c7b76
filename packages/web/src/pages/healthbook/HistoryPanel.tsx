import type { ReactNode } from 'react';
import { Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from './format.ts';
import type { BookHistory, BookImmunisation } from './types.ts';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Title order={3} fz="sm" mb={6}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Measure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} fz="lg">
        {value}
      </Text>
    </div>
  );
}

/** Group B: allergies, chronic conditions, measurements, risk factors, family history, immunisations. */
export function HistoryPanel({
  h,
  immunisations,
}: {
  h: BookHistory;
  immunisations: readonly BookImmunisation[];
}) {
  const { t } = useTranslation();
  const none = t('healthbook.history.unknown');
  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="xs">
        <Measure label={t('healthbook.history.bloodGroup')} value={h.bloodGroup?.value ?? none} />
        <Measure
          label={t('healthbook.history.height')}
          value={h.height ? `${h.height.value} ${h.height.unit}` : none}
        />
        <Measure
          label={t('healthbook.history.weight')}
          value={h.weight ? `${h.weight.value} ${h.weight.unit}` : none}
        />
      </SimpleGrid>
      <Block title={t('healthbook.history.allergies')}>
        {h.allergies.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('healthbook.history.noAllergies')}
          </Text>
        ) : (
          <Group gap={6}>
            {h.allergies.map((a) => (
              <Badge key={a.id} color={a.criticality === 'high' ? 'red' : 'orange'} variant="light" tt="none">
                {a.substance}
                {a.reactions.length ? ` — ${a.reactions.join(', ')}` : ''}
              </Badge>
            ))}
          </Group>
        )}
      </Block>
      <Block title={t('healthbook.history.chronic')}>
        {h.chronicConditions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('healthbook.history.noChronic')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {h.chronicConditions.slice(0, 12).map((c) => (
              <List.Item key={`${c.system ?? ''}${c.code ?? c.name}`}>
                <Text span fw={600} className="mono" fz="xs" mr={6}>
                  {c.code}
                </Text>
                {c.name}
                {c.since && (
                  <Text span c="dimmed" fz="xs">
                    {' '}
                    · {t('healthbook.history.since', { date: formatDay(c.since) })}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Block>
      {h.riskFactors.length > 0 && (
        <Block title={t('healthbook.history.riskFactors')}>
          <List size="sm">
            {h.riskFactors.map((r) => (
              <List.Item key={r.kind}>
                {r.label}: {r.value}
              </List.Item>
            ))}
          </List>
        </Block>
      )}
      {h.familyHistory.length > 0 && (
        <Block title={t('healthbook.history.family')}>
          <List size="sm">
            {h.familyHistory.map((f, i) => (
              <List.Item key={i}>
                {f.relationship ? `${f.relationship}: ` : ''}
                {f.condition}
              </List.Item>
            ))}
          </List>
        </Block>
      )}
      <Block title={t('healthbook.history.immunisations')}>
        {immunisations.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('healthbook.history.noImmunisations')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {immunisations.slice(0, 20).map((i) => (
              <List.Item key={i.id}>
                <Text span c="dimmed" fz="xs" mr={6}>
                  {formatDay(i.date)}
                </Text>
                {i.vaccine}
                {i.doseNumber ? ` (${t('healthbook.history.dose', { n: i.doseNumber })})` : ''}
                {i.performer ? (
                  <Text span c="dimmed" fz="xs">
                    {' '}
                    · {i.performer}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </Block>
    </Stack>
  );
}
