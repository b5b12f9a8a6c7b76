import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.ts';
import { useAuth } from '../../auth/useAuth.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorText } from '../../ui/errorText.ts';
import { Icon } from '../../ui/Icon.tsx';
import { AccessGate } from './AccessGate.tsx';
import { downloadJson, fetchExport, startCare } from './api.ts';
import { formatDay } from './format.ts';
import { BookView } from './BookView.tsx';
import { PersonPicker } from './PersonPicker.tsx';
import { useHealthBook } from './useHealthBook.ts';

const CARE_STARTERS = ['clinician', 'registrar', 'station_staff'];

/** Clinician's person view: find the patient, then read their health book as a timeline. */
export default function HealthBookPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [person, setPerson] = useState<Person | null>(null);
  const { state, loadMore, open, reset, reason } = useHealthBook(person?.id ?? null, 10);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const canStartCare =
    Boolean(user?.facilityCode) && (user?.roles ?? []).some((r) => CARE_STARTERS.includes(r));

  const pick = (p: Person | null) => {
    reset();
    setActionError(null);
    setPerson(p);
  };

  return (
    <Stack gap="md" maw={1280} mx="auto">
      <div>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('healthbook.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('healthbook.description')}
        </Text>
      </div>
      {!person ? (
        <PersonPicker onPick={pick} />
      ) : (
        <Stack gap="md">
          <Group>
            <Button
              variant="subtle"
              leftSection={<Icon name="search" />}
              onClick={() => {
                pick(null);
              }}
            >
              {t('healthbook.back')}
            </Button>
          </Group>
          {state.status === 'loading' && (
            <Group gap="sm" aria-busy="true">
              <Loader size="sm" />
              <Text c="dimmed">{t('healthbook.loading')}</Text>
            </Group>
          )}
          {state.status === 'denied' && (
            <Title order={2} fz="lg">
              {person.fullName}
              <Text span c="dimmed" fz="sm" ml="sm">
                {t('healthbook.born', { date: formatDay(person.birthDate) })}
              </Text>
            </Title>
          )}
          {state.status === 'denied' && (
            <AccessGate
              message={state.message}
              code={state.code}
              canStartCare={canStartCare}
              busy={busy}
              onStartCare={() => {
                setBusy(true);
                startCare(person.id).then(
                  () => {
                    setBusy(false);
                    open(null);
                  },
                  (e: unknown) => {
                    setBusy(false);
                    setActionError(errorText(e, t));
                  },
                );
              }}
              onBreakGlass={(r) => {
                open(r);
              }}
            />
          )}
          {actionError && <ErrorAlert error={actionError} title={null} />}
          {state.status === 'error' && <ErrorAlert error={state.error} />}
          {state.status === 'ready' && (
            <BookView
              book={state.book}
              episodes={state.episodes}
              hasMore={state.next !== null}
              loadingMore={state.loadingMore}
              onMore={loadMore}
              onExport={() => {
                fetchExport(person.id, reason.current).then(
                  (data) => {
                    downloadJson(data, `so-suc-khoe-${person.id}.json`);
                  },
                  (e: unknown) => {
                    setActionError(errorText(e, t));
                  },
                );
              }}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
