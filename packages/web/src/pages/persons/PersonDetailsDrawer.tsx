import { Badge, DataList, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { formatDate } from './format.ts';
import { IdentifierList } from './IdentifierList.tsx';

interface PersonDetailsDrawerProps {
  person: Person | null;
  onClose: () => void;
}

export function PersonDetailsDrawer({ person, onClose }: PersonDetailsDrawerProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const none = t('person.none');
  const address = person?.address;
  const addressText = [address?.line, address?.communeName ?? address?.communeCode, address?.provinceName]
    .filter(Boolean)
    .join(', ');
  return (
    <Drawer
      opened={person !== null}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'md'}
      title={
        <Text fw={600} size="sm" c="dimmed" tt="uppercase">
          {t('person.drawerTitle')}
        </Text>
      }
      closeButtonProps={{ 'aria-label': t('person.close') }}
    >
      {person && (
        <Stack gap="lg">
          <div>
            <Title order={2} fz={22}>
              {person.fullName}
            </Title>
            <Group gap={6} mt={6}>
              <Badge variant="light" color="gray">
                {t(`sex.${person.sex}`)}
              </Badge>
              <Badge variant="light" color="gray">
                {formatDate(person.birthDate)}
              </Badge>
            </Group>
          </div>

          <section aria-labelledby="person-identifiers">
            <Title order={3} fz="sm" mb="xs" id="person-identifiers">
              {t('person.identifiers')}
            </Title>
            <IdentifierList identifiers={person.identifiers} />
          </section>

          <section aria-labelledby="person-administrative">
            <Title order={3} fz="sm" mb="xs" id="person-administrative">
              {t('person.administrative')}
            </Title>
            <DataList withDivider labelWidth={130} size="sm">
              <DataList.Item>
                <DataList.ItemLabel>{t('person.birthDate')}</DataList.ItemLabel>
                <DataList.ItemValue>{formatDate(person.birthDate) || none}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('person.sex')}</DataList.ItemLabel>
                <DataList.ItemValue>{t(`sex.${person.sex}`)}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('person.phone')}</DataList.ItemLabel>
                <DataList.ItemValue className="mono">{person.phone ?? none}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('person.address')}</DataList.ItemLabel>
                <DataList.ItemValue>{addressText || none}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>{t('person.platformId')}</DataList.ItemLabel>
                <DataList.ItemValue className="mono" fz="xs">
                  {person.id}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>
          </section>
        </Stack>
      )}
    </Drawer>
  );
}
