import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callNext, getQueue, type CallNextResult, type Clinic, type QueueState } from '../../api/checkin.ts';
import { isAbort } from '../../api/client.ts';
import { hrefFor } from '../../router/hashRouter.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';

interface QueuePanelProps {
  facilityCode: string;
  clinics: readonly Clinic[];
  clinicCode: string | null;
  /** Changes when a ticket was issued here, to refresh at once. */
  refreshKey: string;
}

const POLL_MS = 5_000;

/** The clinic's queue beside the desk: now calling, waiting, next numbers, and "call next". */
export function QueuePanel({ facilityCode, clinics, clinicCode, refreshKey }: QueuePanelProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(clinicCode);
  const [queue, setQueue] = useState<QueueState | null>(null);
  const [called, setCalled] = useState<CallNextResult['called'] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const clinic = selected ?? clinics[0]?.code ?? null;

  useEffect(() => {
    if (clinicCode) setSelected(clinicCode);
  }, [clinicCode]);

  useEffect(() => {
    if (!clinic) return;
    const ctrl = new AbortController();
    const load = (): void => {
      getQueue(facilityCode, clinic, ctrl.signal).then(setQueue, (e: unknown) => {
        if (!isAbort(e)) setError(e);
      });
    };
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      ctrl.abort();
      clearInterval(timer);
    };
  }, [facilityCode, clinic, refreshKey]);

  async function next(): Promise<void> {
    if (!clinic) return;
    setBusy(true);
    setError(null);
    try {
      const r = await callNext(facilityCode, clinic);
      setQueue(r.queue);
      setCalled(r.called);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="desk-queue">
      <Group justify="space-between" mb="xs">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600} id="desk-queue">
          {t('desk.queueTitle')}
        </Text>
        {clinic && (
          <Anchor
            size="xs"
            href={hrefFor(`/display?clinic=${clinic}${facilityCode ? `&facility=${facilityCode}` : ''}`)}
            // No rel="noopener": the new tab must inherit this tab's session (sessionStorage is copied).
            target="_blank"
          >
            <Group gap={4} component="span">
              <Icon name="monitor" size={14} />
              {t('desk.openDisplay')}
            </Group>
          </Anchor>
        )}
      </Group>
      <Select
        label={t('desk.queueClinic')}
        data={clinics.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` }))}
        value={clinic}
        allowDeselect={false}
        onChange={(v) => {
          setSelected(v);
          setCalled(undefined);
        }}
      />
      <Stack gap="xs" mt="md">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('desk.nowServing')}
          </Text>
          <Text fz={28} fw={750} className="mono" data-testid="queue-now-serving">
            {queue?.nowServing ?? t('desk.none')}
          </Text>
        </Group>
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t('desk.waiting')}
          </Text>
          <Badge size="lg" variant="light" color={queue && queue.waitingCount > 0 ? 'orange' : 'gray'}>
            {queue?.waitingCount ?? 0}
          </Badge>
        </Group>
        {queue && queue.next.length > 0 && (
          <div>
            <Text size="sm" c="dimmed" mb={4}>
              {t('desk.nextNumbers')}
            </Text>
            <Group gap={6}>
              {queue.next.slice(0, 6).map((n) => (
                <Badge key={n} variant="outline" color="gray" className="mono" size="lg">
                  {n}
                </Badge>
              ))}
            </Group>
          </div>
        )}
        <Button
          mt="xs"
          size="md"
          variant="light"
          leftSection={<Icon name="megaphone" size={18} />}
          loading={busy}
          disabled={!clinic}
          onClick={() => void next()}
        >
          {t('desk.callNext')}
        </Button>
        {called === null && (
          <Text size="sm" c="dimmed" role="status">
            {t('desk.queueEmpty')}
          </Text>
        )}
        {called && (
          <Alert color="teal" variant="light" role="status" icon={<Icon name="megaphone" />}>
            {t('desk.called', {
              label: called.label,
              name: called.person.fullName,
              year: called.person.birthYear,
            })}
          </Alert>
        )}
        {error !== null && <ErrorAlert error={error} title={null} />}
      </Stack>
    </Paper>
  );
}
