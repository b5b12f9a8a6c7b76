import { Accordion, Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { downloadJson, fetchExport, fetchMe } from '../healthbook/api.ts';
import { BookHeader } from '../healthbook/BookHeader.tsx';
import { ConsentNotice } from '../healthbook/ConsentNotice.tsx';
import { EpisodeTimeline } from '../healthbook/EpisodeTimeline.tsx';
import { HistoryPanel } from '../healthbook/HistoryPanel.tsx';
import { AppointmentList, DocumentList, ReferralList } from '../healthbook/PapersPanel.tsx';
import { isFuture } from '../healthbook/format.ts';
import { useHealthBook } from '../healthbook/useHealthBook.ts';
import '../healthbook/healthbook.css';

/** The citizen's own health book, phone first: one column, sections that open and close. */
export default function MyBookPage() {
  const { t } = useTranslation();
  const [personId, setPersonId] = useState<string | null | undefined>(undefined);
  const [meError, setMeError] = useState<unknown>(null);
  const { state, loadMore } = useHealthBook(personId ?? null, 10);

  useEffect(() => {
    fetchMe().then(
      (me) => {
        setPersonId(me.personId);
      },
      (e: unknown) => {
        setMeError(e);
      },
    );
  }, []);

  const upcoming = state.status === 'ready' ? state.book.appointments.filter((a) => isFuture(a.at)) : [];

  return (
    <Stack gap="md" maw={760} mx="auto">
      <div>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('mybook.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('mybook.description')}
        </Text>
      </div>
      {meError !== null && <ErrorAlert error={meError} title={null} />}
      {personId === null && <Alert color="yellow">{t('mybook.noPerson')}</Alert>}
      {(personId === undefined || state.status === 'loading') && meError === null && (
        <Group gap="sm" aria-busy="true">
          <Loader size="sm" />
          <Text c="dimmed">{t('healthbook.loading')}</Text>
        </Group>
      )}
      {(state.status === 'error' || state.status === 'denied') && (
        <ErrorAlert error={state.status === 'denied' ? state.message : state.error} title={null} />
      )}
      {state.status === 'ready' && personId && (
        <>
          <BookHeader a={state.book.administrative} />
          <ConsentNotice consent={state.book.consent} />
          {upcoming.length > 0 && (
            <section aria-label={t('mybook.upcoming')}>
              <AppointmentList items={upcoming} />
            </section>
          )}
          <Accordion
            multiple
            defaultValue={['visits']}
            variant="separated"
            radius="md"
            transitionDuration={0}
          >
            <Accordion.Item value="visits">
              <Accordion.Control>{t('mybook.sections.visits')}</Accordion.Control>
              <Accordion.Panel>
                <EpisodeTimeline
                  episodes={state.episodes}
                  total={state.book.episodes.total}
                  hasMore={state.next !== null}
                  loadingMore={state.loadingMore}
                  onMore={loadMore}
                  compact
                />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="history">
              <Accordion.Control>{t('mybook.sections.history')}</Accordion.Control>
              <Accordion.Panel>
                <HistoryPanel h={state.book.history} immunisations={state.book.immunisations} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="appointments">
              <Accordion.Control>
                {t('mybook.sections.appointments')} ({state.book.appointments.length})
              </Accordion.Control>
              <Accordion.Panel>
                <AppointmentList items={state.book.appointments} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="referrals">
              <Accordion.Control>
                {t('mybook.sections.referrals')} ({state.book.referrals.length})
              </Accordion.Control>
              <Accordion.Panel>
                <ReferralList items={state.book.referrals} />
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="documents">
              <Accordion.Control>
                {t('mybook.sections.documents')} ({state.book.documents.length})
              </Accordion.Control>
              <Accordion.Panel>
                <DocumentList items={state.book.documents} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <Button
            variant="light"
            onClick={() => {
              fetchExport(personId).then(
                (data) => {
                  downloadJson(data, 'so-suc-khoe.json');
                },
                () => undefined,
              );
            }}
          >
            {t('healthbook.export')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('mybook.privacy')}
          </Text>
        </>
      )}
    </Stack>
  );
}
