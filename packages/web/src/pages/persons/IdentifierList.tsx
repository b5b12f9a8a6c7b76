import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Identifier } from '../../api/types.ts';
import { formatDate, identifierSystemKey, isIdentifierActive, type IdentifierSystemKey } from './format.ts';

const ORDER: readonly IdentifierSystemKey[] = [
  'personalId',
  'cmnd',
  'bhyt',
  'bhxh',
  'passport',
  'vneid',
  'bhytTemp',
  'cancelledPersonalId',
];

function rank(identifier: Identifier): number {
  const key = identifierSystemKey(identifier.system);
  return key ? ORDER.indexOf(key) : ORDER.length;
}

function statusLabel(identifier: Identifier, active: boolean, t: TFunction): string {
  if (active) return t('person.active');
  if (identifier.status === 'cancelled') return t('person.cancelled');
  if (identifier.status === 'replaced') return t('person.replaced');
  return t('person.expired');
}

export function IdentifierList({ identifiers }: { identifiers: readonly Identifier[] }) {
  const { t } = useTranslation();
  if (identifiers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('person.noIdentifiers')}
      </Text>
    );
  }
  const sorted = [...identifiers].sort(
    (a, b) => rank(a) - rank(b) || (b.validFrom ?? '').localeCompare(a.validFrom ?? ''),
  );
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {sorted.map((identifier) => {
        const key = identifierSystemKey(identifier.system);
        const active = isIdentifierActive(identifier);
        const validity = [
          identifier.validFrom ? t('person.validFrom', { date: formatDate(identifier.validFrom) }) : '',
          identifier.validTo ? t('person.validTo', { date: formatDate(identifier.validTo) }) : '',
        ]
          .filter(Boolean)
          .join(' · ');
        return (
          <Paper
            component="li"
            key={`${identifier.system}:${identifier.value}:${identifier.validFrom ?? ''}`}
            withBorder
            radius="sm"
            px="sm"
            py={8}
            bg={active ? undefined : 'gray.0'}
          >
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <div>
                <Text size="xs" c="dimmed" fw={500}>
                  {key ? t(`identifierSystem.${key}`) : identifier.system}
                </Text>
                <Text className="mono" fw={600} size="md" td={active ? undefined : 'line-through'}>
                  {identifier.value}
                </Text>
                {validity && (
                  <Text size="xs" c="dimmed">
                    {validity}
                  </Text>
                )}
              </div>
              {(identifier.status ?? identifier.validTo ?? identifier.validFrom) && (
                <Badge size="sm" variant="light" color={active ? 'teal' : 'gray'}>
                  {statusLabel(identifier, active, t)}
                </Badge>
              )}
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
