import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { PersonDetailsDrawer } from './PersonDetailsDrawer.tsx';
import { PersonSearchForm } from './PersonSearchForm.tsx';
import { SearchResults } from './SearchResults.tsx';
import { usePersonSearch } from './usePersonSearch.ts';

/** Desk person search: identifier or name (+ birth date), results table, details drawer. */
export default function PersonSearchPage() {
  const { t } = useTranslation();
  const { state, page, search, goToPage, retry, reset } = usePersonSearch();
  const [selected, setSelected] = useState<Person | null>(null);

  return (
    <Stack gap="md" maw={1280} mx="auto">
      <div>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('persons.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('persons.description')}
        </Text>
      </div>
      <PersonSearchForm busy={state.status === 'loading'} onSearch={search} onClear={reset} />
      <SearchResults state={state} page={page} onPage={goToPage} onRetry={retry} onOpen={setSelected} />
      <PersonDetailsDrawer
        person={selected}
        onClose={() => {
          setSelected(null);
        }}
      />
    </Stack>
  );
}
