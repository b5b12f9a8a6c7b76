import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { currentIdentifier, formatDate } from './format.ts';

interface PersonResultsTableProps {
  persons: readonly Person[];
  onOpen: (person: Person) => void;
}

export function PersonResultsTable({ persons, onOpen }: PersonResultsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={320} type="native">
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" stickyHeader>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
          {t('persons.tableCaption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('persons.columns.fullName')}</Table.Th>
            <Table.Th>{t('persons.columns.birthDate')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('persons.columns.sex')}</Table.Th>
            <Table.Th visibleFrom="md">{t('persons.columns.personalId')}</Table.Th>
            <Table.Th visibleFrom="lg">{t('persons.columns.bhyt')}</Table.Th>
            <Table.Th visibleFrom="lg">{t('persons.columns.commune')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((person) => {
            const bhyt = currentIdentifier(person, 'bhyt');
            return (
              <Table.Tr
                key={person.id}
                className="clickable-row"
                onClick={() => {
                  onOpen(person);
                }}
              >
                <Table.Td>
                  {/* The name is the keyboard target (Tab, Enter); the whole row answers the mouse. */}
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    size="sm"
                    c="var(--mantine-color-text)"
                    title={t('persons.openDetails', { name: person.fullName })}
                    onClick={(e) => {
                      e.stopPropagation();
                      onOpen(person);
                    }}
                  >
                    {person.fullName}
                  </Anchor>
                  <Text size="xs" c="dimmed" className="mono" hiddenFrom="md">
                    {person.personalId ?? bhyt?.value ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td className="mono">{formatDate(person.birthDate)}</Table.Td>
                <Table.Td visibleFrom="sm">{t(`sex.${person.sex}`)}</Table.Td>
                <Table.Td visibleFrom="md" className="mono">
                  {person.personalId ?? '—'}
                </Table.Td>
                <Table.Td visibleFrom="lg" className="mono">
                  {bhyt?.value ?? '—'}
                </Table.Td>
                <Table.Td visibleFrom="lg">
                  {person.address?.communeName ?? person.address?.communeCode ?? '—'}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
