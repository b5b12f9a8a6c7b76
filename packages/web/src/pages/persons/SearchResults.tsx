import { EmptyState, Group, Pagination, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { PageLoader } from '../common/PageLoader.tsx';
import { PersonResultsTable } from './PersonResultsTable.tsx';
import { PAGE_SIZE, type SearchState } from './usePersonSearch.ts';

interface SearchResultsProps {
  state: SearchState;
  page: number;
  onPage: (page: number) => void;
  onRetry: () => void;
  onOpen: (person: Person) => void;
}

/** Everything below the search form: start hint, loading, error, empty state or the result table. */
export function SearchResults({ state, page, onPage, onRetry, onOpen }: SearchResultsProps) {
  const { t } = useTranslation();
  switch (state.status) {
    case 'idle':
      return (
        <EmptyState
          py="xl"
          icon={<Icon name="idCard" size={28} />}
          variant="light"
          title={t('persons.start')}
          description={t('persons.startHint')}
        />
      );
    case 'error':
      return <ErrorAlert error={state.error} onRetry={onRetry} />;
    case 'loading':
    case 'success': {
      const data = state.status === 'success' ? state.data : state.previous;
      if (!data) return <PageLoader />;
      if (data.total === 0 || data.items.length === 0) {
        return (
          <EmptyState
            py="xl"
            icon={<Icon name="userSearch" size={28} />}
            variant="light"
            color="gray"
            title={t('persons.empty')}
            description={t('persons.emptyHint')}
            role="status"
          />
        );
      }
      const from = (page - 1) * PAGE_SIZE + 1;
      const to = from + data.items.length - 1;
      const pages = Math.ceil(data.total / PAGE_SIZE);
      return (
        <Paper withBorder radius="md" aria-busy={state.status === 'loading'} style={{ overflow: 'hidden' }}>
          <Group justify="space-between" px="md" py="sm" gap="xs" bg="gray.0">
            <Text fw={600} size="sm" role="status">
              {t('persons.total', { total: data.total })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('persons.showing', { from, to, total: data.total })}
            </Text>
          </Group>
          <div style={{ opacity: state.status === 'loading' ? 0.55 : 1 }}>
            <PersonResultsTable persons={data.items} onOpen={onOpen} />
          </div>
          {pages > 1 && (
            <Group justify="center" p="sm">
              <Pagination
                total={pages}
                value={page}
                onChange={onPage}
                size="sm"
                siblings={1}
                aria-label={t('persons.pagination')}
              />
            </Group>
          )}
        </Paper>
      );
    }
  }
}
