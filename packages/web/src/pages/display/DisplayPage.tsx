import { Anchor, Box, Center, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getQueue, type QueueState } from '../../api/checkin.ts';
import { isAbort } from '../../api/client.ts';
import { useAuth } from '../../auth/useAuth.ts';
import { hrefFor } from '../../router/hashRouter.ts';
import { Logo } from '../../ui/Logo.tsx';
import { useClinics } from '../desk/useClinics.ts';

/** How often the screen asks for the queue (the server answers from two counters: cheap). */
export const DISPLAY_POLL_MS = 3_000;

function hashParams(): URLSearchParams {
  const hash = window.location.hash;
  const i = hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : hash.slice(i + 1));
}

function useHashParams(): URLSearchParams {
  const [params, setParams] = useState(hashParams);
  useEffect(() => {
    const on = (): void => {
      setParams(hashParams());
    };
    window.addEventListener('hashchange', on);
    return () => {
      window.removeEventListener('hashchange', on);
    };
  }, []);
  return params;
}

function useClock(): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, 5_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now.toLocaleTimeString('vi-VN', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  });
}

/**
 * Waiting-room screen of one clinic (`#/display?clinic=K01[&facility=92003]`): the number being called,
 * large, the next numbers and the last called, polled every few seconds. Ticket numbers only, Vietnamese
 * with English beneath. A new call flashes and is announced to screen readers.
 */
export default function DisplayPage() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const params = useHashParams();
  const facilityCode = params.get('facility') ?? user?.facilityCode ?? null;
  const clinicCode = params.get('clinic')?.toUpperCase() ?? null;
  // The clinic list needs a signed-in user; a signed-out screen is opened at its full address.
  const clinics = useClinics(clinicCode || !user ? null : facilityCode);
  const [queue, setQueue] = useState<QueueState | null>(null);
  const [offline, setOffline] = useState(false);
  const [flash, setFlash] = useState(false);
  const lastServing = useRef<string | null>(null);
  const clock = useClock();
  const en = i18n.getFixedT('en');

  useEffect(() => {
    if (!facilityCode || !clinicCode) return;
    const ctrl = new AbortController();
    const load = (): void => {
      getQueue(facilityCode, clinicCode, ctrl.signal).then(
        (q) => {
          setQueue(q);
          setOffline(false);
          if (lastServing.current !== null && q.nowServing !== lastServing.current) setFlash(true);
          lastServing.current = q.nowServing ?? '';
        },
        (e: unknown) => {
          if (!isAbort(e)) setOffline(true);
        },
      );
    };
    load();
    const timer = setInterval(load, DISPLAY_POLL_MS);
    return () => {
      ctrl.abort();
      clearInterval(timer);
    };
  }, [facilityCode, clinicCode]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => {
      setFlash(false);
    }, 4_000);
    return () => {
      clearTimeout(timer);
    };
  }, [flash]);

  if (!user && (!clinicCode || !facilityCode)) {
    return (
      <Center mih="100dvh" p="xl">
        <Stack gap="md" maw={720}>
          <Title order={1} fz={28}>
            {t('display.title')}
          </Title>
          <Text fz={20}>{t('display.needsAddress')}</Text>
          <Code fz={20}>#/display?facility=92003&clinic=K01</Code>
        </Stack>
      </Center>
    );
  }

  if (!clinicCode) {
    return (
      <Center mih="100dvh" p="xl">
        <Stack gap="md" miw={320}>
          <Title order={1} fz={28}>
            {t('display.chooseClinic')}
          </Title>
          {clinics.clinics.map((c) => (
            <Anchor
              key={c.code}
              href={hrefFor(`/display?facility=${facilityCode ?? ''}&clinic=${c.code}`)}
              fz={22}
            >
              {c.code} · {c.name}
            </Anchor>
          ))}
        </Stack>
      </Center>
    );
  }

  const none = t('display.none');
  return (
    <Box
      mih="100dvh"
      c="white"
      style={{
        display: 'flex',
        flexDirection: 'column',
        background: 'linear-gradient(160deg, #0b3d39 0%, #072a27 100%)',
      }}
    >
      <Group
        justify="space-between"
        px={48}
        py={24}
        wrap="nowrap"
        style={{ borderBottom: '1px solid rgba(255,255,255,0.12)' }}
      >
        <Group gap="lg" wrap="nowrap">
          <Box bg="white" p={4} style={{ borderRadius: 12, display: 'flex' }}>
            <Logo size={52} />
          </Box>
          <div>
            <Text fz={42} fw={800} lh={1.1}>
              {queue?.clinicName ?? clinicCode}
            </Text>
            <Text fz={24} c="teal.2" lh={1.2}>
              {queue
                ? `${queue.clinicNameEn ?? ''}${queue.clinicNameEn ? ' · ' : ''}${queue.facilityName}`
                : ''}
            </Text>
          </div>
        </Group>
        <Text fz={54} fw={700} className="mono">
          {clock}
        </Text>
      </Group>

      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing={0} style={{ flex: 1 }}>
        <Stack
          align="center"
          justify="center"
          gap={8}
          p={40}
          style={{
            gridColumn: 'span 2',
            background: flash ? 'rgba(255, 214, 10, 0.16)' : undefined,
            transition: 'background 0.6s',
          }}
        >
          <Text fz={44} fw={700} tt="uppercase" c="teal.1" lh={1}>
            {t('display.nowServing')}
          </Text>
          <Text fz={26} c="teal.3" lh={1}>
            {en('display.nowServing')}
          </Text>
          <Text
            fw={800}
            lh={1}
            mt={24}
            c={flash ? 'yellow.3' : 'white'}
            style={{
              fontSize: 'min(12vw, 240px)',
              fontVariantNumeric: 'tabular-nums',
              whiteSpace: 'nowrap',
              letterSpacing: '0.01em',
            }}
            data-testid="display-now-serving"
          >
            {queue?.nowServing ?? none}
          </Text>
          <Text fz={30} mt={16} c="teal.1">
            {queue ? t('display.waiting', { count: queue.waitingCount }) : ''}
            {queue && queue.waitingCount > 0
              ? ` · ${t('display.wait', { minutes: queue.estimatedWaitMinutes })}`
              : ''}
          </Text>
          <div aria-live="assertive" className="visually-hidden">
            {queue?.nowServing
              ? t('display.announce', { label: queue.nowServing, clinic: queue.clinicName })
              : ''}
          </div>
        </Stack>

        <Stack gap={0} style={{ borderLeft: '1px solid rgba(255,255,255,0.12)' }}>
          <Stack p={36} gap="md" style={{ flex: 1 }}>
            <div>
              <Text fz={32} fw={700} lh={1.1}>
                {t('display.next')}
              </Text>
              <Text fz={20} c="teal.3">
                {en('display.next')}
              </Text>
            </div>
            <Stack gap={10} data-testid="display-next">
              {(queue?.next ?? []).slice(0, 5).map((n) => (
                <Text
                  key={n}
                  fz={54}
                  fw={700}
                  lh={1.15}
                  px={20}
                  py={4}
                  bg="rgba(255,255,255,0.08)"
                  style={{ borderRadius: 14, fontVariantNumeric: 'tabular-nums' }}
                >
                  {n}
                </Text>
              ))}
              {queue && queue.next.length === 0 && (
                <Text fz={40} c="teal.3">
                  {none}
                </Text>
              )}
            </Stack>
          </Stack>
          <Stack p={36} gap="xs" style={{ borderTop: '1px solid rgba(255,255,255,0.12)' }}>
            <Text fz={24} fw={600} c="teal.2">
              {t('display.recent')} · {en('display.recent')}
            </Text>
            <Group gap="md">
              {(queue?.recentlyCalled ?? []).slice(0, 4).map((n) => (
                <Text key={n} fz={32} c="teal.1" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {n}
                </Text>
              ))}
            </Group>
          </Stack>
        </Stack>
      </SimpleGrid>

      <Text
        ta="center"
        fz={20}
        py={12}
        c={offline ? 'yellow.4' : 'teal.3'}
        role={offline ? 'alert' : undefined}
      >
        {offline ? t('display.offline') : queue ? t('display.updated', { time: clock }) : ''}
      </Text>
    </Box>
  );
}
