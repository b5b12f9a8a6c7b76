import { Button, Group, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EpisodeItem } from './EpisodeItem.tsx';
import type { BookEpisode } from './types.ts';

interface Props {
  episodes: readonly BookEpisode[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  compact?: boolean;
}

/** Episodes of care, newest first, as a timeline; older ones page in with the cursor. */
export function EpisodeTimeline({ episodes, total, hasMore, loadingMore, onMore, compact = false }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="hb-timeline-title">
      <Group justify={compact ? 'flex-end' : 'space-between'} mb="sm">
        <Title order={2} fz="lg" id="hb-timeline-title" className={compact ? 'visually-hidden' : undefined}>
          {t('healthbook.timeline.title')}
        </Title>
        <Text fz="sm" c="dimmed" role="status">
          {t('healthbook.timeline.count', { shown: episodes.length, total })}
        </Text>
      </Group>
      {episodes.length === 0 ? (
        <Text c="dimmed">{t('healthbook.timeline.empty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} color="teal">
          {episodes.map((e) => (
            <Timeline.Item key={e.id}>
              <EpisodeItem e={e} compact={compact} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {hasMore && (
        <Button variant="light" mt="md" onClick={onMore} loading={loadingMore} fullWidth={compact}>
          {t('healthbook.timeline.more')}
        </Button>
      )}
    </section>
  );
}
