import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from './format.ts';
import type { BookAdministrative } from './types.ts';

interface FieldProps {
  label: string;
  value: string | null | undefined;
  mono?: boolean;
  /** A second, quieter line (e.g. a card's validity). */
  note?: string | null;
  /** Full width on phones (long values such as the address). */
  wide?: boolean;
}

function Field({ label, value, mono, note, wide }: FieldProps) {
  if (!value) return null;
  return (
    <div className={wide ? 'hb-wide' : undefined}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" className={mono ? 'mono' : undefined}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </div>
  );
}

/** Group A: who the person is (name, birth, identifiers, card, address). */
export function BookHeader({ a }: { a: BookAdministrative }) {
  const { t } = useTranslation();
  const address = [a.address.line, a.address.communeName, a.address.provinceName].filter(Boolean).join(', ');
  const card = a.insurance;
  return (
    <Paper withBorder p="md" radius="md" className="hb-header">
      <Stack gap="sm">
        <div>
          <Title order={2} fz={{ base: 20, sm: 24 }}>
            {a.fullName}
          </Title>
          <Group gap={6} mt={6}>
            <Badge variant="light" color="gray">
              {a.sexLabel}
            </Badge>
            <Badge variant="light" color="gray">
              {t('healthbook.born', { date: formatDay(a.birthDate) })}
            </Badge>
            {a.deceased && (
              <Badge variant="filled" color="dark">
                {t('healthbook.deceased')}
              </Badge>
            )}
          </Group>
        </div>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
          <Field label={t('healthbook.personalId')} value={a.personalId} mono />
          <Field label={t('healthbook.phone')} value={a.phone} mono />
          <Field
            label={t('healthbook.insurance')}
            value={card?.cardNumber}
            mono
            note={[
              card?.validTo
                ? t('healthbook.insuranceValid', {
                    from: formatDay(card.validFrom),
                    to: formatDay(card.validTo),
                  })
                : null,
              card?.registeredFacility
                ? t('healthbook.registeredAt', {
                    name: card.registeredFacility.name ?? card.registeredFacility.code,
                  })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
            wide
          />
          <Field label={t('healthbook.ethnicity')} value={a.ethnicity?.name ?? a.ethnicity?.code} />
          <Field label={t('healthbook.address')} value={address} wide />
          <Field label={t('healthbook.recordManager')} value={a.recordManager?.name} wide />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
