import { EmptyState, Group, Pagination, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { PageLoader } from '../common/PageLoader.tsx';
import { ReviewCard } from './ReviewCard.tsx';
import { PAGE_SIZE, useReviewQueue } from './useReviewQueue.ts';

/**
 * Person review queue of XML 130 ingest: episodes whose person could not be matched with certainty.
 * A registrar links each to a candidate, registers a new person, or rejects it (API: ingest/review-routes.ts).
 */
export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const { filter, page, state, changeFilter, setPage, reload } = useReviewQueue();

  return (
    <Stack gap="md" maw={1280} mx="auto">
      <div>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('reviews.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('reviews.description')}
        </Text>
      </div>
      <SegmentedControl
        w="fit-content"
        value={filter}
        onChange={(v) => {
          changeFilter(v);
        }}
        data={(['open', 'resolved', 'rejected'] as const).map((s) => ({
          value: s,
          label: t(`reviews.status.${s}`),
        }))}
        aria-label={t('reviews.filter')}
      />
      {state.status === 'loading' && <PageLoader />}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'success' && state.items.length === 0 && (
        <EmptyState
          py="xl"
          icon={<Icon name="check" size={28} />}
          variant="light"
          color="gray"
          title={t('reviews.empty')}
          role="status"
        />
      )}
      {state.status === 'success' && state.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('reviews.count', { count: state.total })}
          </Text>
          {state.items.map((item) => (
            <ReviewCard key={item.id} item={item} onResolved={reload} />
          ))}
          {state.total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination total={Math.ceil(state.total / PAGE_SIZE)} value={page} onChange={setPage} />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
