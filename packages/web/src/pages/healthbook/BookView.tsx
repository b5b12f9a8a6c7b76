import { Button, Grid, Group, Stack, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { BookHeader } from './BookHeader.tsx';
import { ConsentNotice } from './ConsentNotice.tsx';
import { EpisodeTimeline } from './EpisodeTimeline.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PapersPanel } from './PapersPanel.tsx';
import type { BookEpisode, HealthBook } from './types.ts';
import './healthbook.css';

interface Props {
  book: HealthBook;
  episodes: readonly BookEpisode[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  onExport: () => void;
}

/** A loaded book for staff: header, then history beside the timeline on wide screens, tabs on narrow ones. */
export function BookView({ book, episodes, hasMore, loadingMore, onMore, onExport }: Props) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)');
  const timeline = (
    <EpisodeTimeline
      episodes={episodes}
      total={book.episodes.total}
      hasMore={hasMore}
      loadingMore={loadingMore}
      onMore={onMore}
    />
  );
  const history = <HistoryPanel h={book.history} immunisations={book.immunisations} />;
  const papers = (
    <PapersPanel referrals={book.referrals} appointments={book.appointments} documents={book.documents} />
  );
  return (
    <Stack gap="md">
      <BookHeader a={book.administrative} />
      <ConsentNotice consent={book.consent} />
      <Group justify="flex-end">
        <Button variant="subtle" size="xs" onClick={onExport}>
          {t('healthbook.export')}
        </Button>
      </Group>
      {wide ? (
        <Grid gap="lg">
          <Grid.Col span={4}>
            <Stack gap="lg">
              {history}
              {papers}
            </Stack>
          </Grid.Col>
          <Grid.Col span={8}>{timeline}</Grid.Col>
        </Grid>
      ) : (
        <Tabs defaultValue="timeline" keepMounted={false}>
          <Tabs.List grow>
            <Tabs.Tab value="timeline">{t('healthbook.tabs.timeline')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('healthbook.tabs.history')}</Tabs.Tab>
            <Tabs.Tab value="papers">{t('healthbook.tabs.papers')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="timeline" pt="md">
            {timeline}
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            {history}
          </Tabs.Panel>
          <Tabs.Panel value="papers" pt="md">
            {papers}
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
