import {
  Badge,
  Box,
  Button,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getQueue, type CheckinResult, type Clinic, type Preview } from '../../api/checkin.ts';
import { currentLanguage, intlLocale } from '../../i18n/index.ts';
import { Icon } from '../../ui/Icon.tsx';
import { formatPercent } from '../desk/scan.ts';
import { formatDate } from '../persons/format.ts';
import { CameraScanner } from './CameraScanner.tsx';
import { PrintTicket } from './PrintTicket.tsx';
import type { KioskErrorCode } from './useKiosk.ts';

const BIG = { h: 88, fz: 28, radius: 'xl' } as const;

export function WelcomeStep({ onStart }: { onStart: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap={28} maw={900}>
      <ThemeIcon size={120} radius={60} variant="light">
        <Icon name="ticket" size={64} stroke={1.6} />
      </ThemeIcon>
      <Title order={1} fz={64} ta="center">
        {t('kiosk.welcome')}
      </Title>
      <Text fz={30} ta="center" c="gray.8">
        {t('kiosk.welcomeText')}
      </Text>
      <Button
        {...BIG}
        h={110}
        fz={36}
        px={80}
        mt="md"
        onClick={onStart}
        rightSection={<Icon name="qr" size={36} />}
      >
        {t('kiosk.start')}
      </Button>
      <Text fz={20} c="dimmed">
        {t('kiosk.scannerHint')}
      </Text>
    </Stack>
  );
}

export function ScanStep({
  onResult,
  onNumber,
  onBack,
}: {
  onResult: (t: string) => void;
  onNumber: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="center" justify="center" gap={48} wrap="wrap">
      <CameraScanner onResult={onResult} />
      <Stack gap="lg" maw={460}>
        <Title order={1} fz={44}>
          {t('kiosk.scanTitle')}
        </Title>
        <Text fz={26}>{t('kiosk.scanText')}</Text>
        <Text fz={22} c="dimmed">
          {t('kiosk.scannerHint')}
        </Text>
        <Button {...BIG} variant="light" leftSection={<Icon name="idCard" size={30} />} onClick={onNumber}>
          {t('kiosk.typeNumber')}
        </Button>
        <Button {...BIG} variant="default" leftSection={<Icon name="arrowLeft" size={30} />} onClick={onBack}>
          {t('kiosk.back')}
        </Button>
      </Stack>
    </Group>
  );
}

export function Busy({ text }: { text: string }) {
  return (
    <Stack align="center" gap="lg" aria-busy="true">
      <Loader size={64} />
      <Text fz={30}>{text}</Text>
    </Stack>
  );
}

export function ConfirmStep({
  preview,
  onYes,
  onNo,
}: {
  preview: Preview;
  onYes: () => void;
  onNo: () => void;
}) {
  const { t } = useTranslation();
  const e = preview.eligibility;
  const card = preview.card;
  return (
    <Stack align="center" gap={28} maw={880} w="100%">
      <Title order={1} fz={48} ta="center">
        {t('kiosk.confirmTitle', { name: preview.person.fullName })}
      </Title>
      <Text fz={28} c="gray.7">
        {t('kiosk.born', { year: preview.person.birthDate.slice(0, 4) })}
      </Text>
      <Box
        bg="white"
        p={28}
        w="100%"
        style={{ borderRadius: 24, border: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Stack gap="md">
          {preview.isNew && (
            <Group gap="md" wrap="nowrap">
              <Icon name="info" size={32} color="var(--mantine-color-blue-7)" />
              <Text fz={24}>{t('kiosk.newPerson')}</Text>
            </Group>
          )}
          <Group gap="md" wrap="nowrap">
            <Icon name="shield" size={32} color="var(--mantine-color-teal-7)" />
            <Text fz={26} fw={600}>
              {!card
                ? t('kiosk.noCard')
                : card.validTo
                  ? t('kiosk.cardValid', { date: formatDate(card.validTo) })
                  : t('kiosk.cardUnknown')}
            </Text>
          </Group>
          {e && e.cardStatus === 'valid' && (
            <Group gap="md" wrap="nowrap">
              <Icon name="check" size={32} color="var(--mantine-color-teal-7)" />
              <Text fz={26}>
                {t('kiosk.benefit', { percent: formatPercent(e.effectivePercent, intlLocale()) })}
              </Text>
            </Group>
          )}
        </Stack>
      </Box>
      <Group grow w="100%">
        <Button {...BIG} variant="default" onClick={onNo}>
          {t('kiosk.notYou')}
        </Button>
        <Button {...BIG} onClick={onYes} rightSection={<Icon name="check" size={30} />}>
          {t('kiosk.isYou')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ClinicStep({
  facilityCode,
  clinics,
  onChoose,
  onBack,
}: {
  facilityCode: string;
  clinics: readonly Clinic[];
  onChoose: (code: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en';
  const [waiting, setWaiting] = useState<Record<string, number>>({});
  useEffect(() => {
    const ctrl = new AbortController();
    for (const c of clinics) {
      getQueue(facilityCode, c.code, ctrl.signal).then(
        (q) => {
          setWaiting((w) => ({ ...w, [c.code]: q.waitingCount }));
        },
        () => undefined,
      );
    }
    return () => {
      ctrl.abort();
    };
  }, [facilityCode, clinics]);
  return (
    <Stack gap="xl" w="100%" maw={1200}>
      <Title order={1} fz={44} ta="center">
        {t('kiosk.clinicTitle')}
      </Title>
      {clinics.length === 0 ? (
        <Busy text={t('desk.clinicsLoading')} />
      ) : (
        <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="lg">
          {clinics.map((c) => (
            <UnstyledButton
              key={c.code}
              onClick={() => {
                onChoose(c.code);
              }}
              p={24}
              mih={150}
              bg="white"
              style={{
                borderRadius: 24,
                border: '2px solid var(--mantine-color-teal-3)',
                boxShadow: '0 2px 6px rgba(0,0,0,0.05)',
              }}
            >
              <Stack gap={8}>
                <Text fz={28} fw={700} lh={1.2}>
                  {en && c.nameEn ? c.nameEn : c.name}
                </Text>
                <Group gap="xs">
                  <Badge size="xl" variant="light" className="mono">
                    {c.code}
                  </Badge>
                  {waiting[c.code] !== undefined && (
                    <Text fz={20} c="dimmed">
                      {t('kiosk.waitingCount', { count: waiting[c.code] })}
                    </Text>
                  )}
                </Group>
              </Stack>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      )}
      <Group justify="center">
        <Button
          {...BIG}
          px={60}
          variant="default"
          leftSection={<Icon name="arrowLeft" size={30} />}
          onClick={onBack}
        >
          {t('kiosk.back')}
        </Button>
      </Group>
    </Stack>
  );
}

const DONE_SECONDS = 25;

export function DoneStep({
  result,
  facilityName,
  clinicName,
  onFinish,
}: {
  result: CheckinResult;
  facilityName: string;
  clinicName: string;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(DONE_SECONDS);
  const [print, setPrint] = useState<'waiting' | 'printing' | 'failed'>('waiting');
  const printNow = useCallback(() => {
    setPrint((p) => {
      if (p !== 'waiting') return p;
      try {
        window.print();
        return 'printing';
      } catch {
        return 'failed';
      }
    });
  }, []);
  useEffect(() => {
    const timer = setInterval(() => {
      setLeft((s) => s - 1);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    if (left <= 0) onFinish();
  }, [left, onFinish]);
  const ahead = result.ticket.position - 1;
  return (
    <Stack align="center" gap={22} maw={900}>
      <PrintTicket
        result={result}
        facilityName={facilityName}
        clinicName={result.checkin.clinicName}
        onReady={printNow}
      />
      <Text fz={30} fw={600} c="teal.9">
        {t('kiosk.doneTitle')}
      </Text>
      <Box
        bg="white"
        px={64}
        py={28}
        style={{ borderRadius: 32, border: '4px solid var(--mantine-color-teal-6)' }}
      >
        <Text
          fz={128}
          fw={800}
          lh={1}
          c="teal.9"
          style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
          data-testid="kiosk-ticket"
        >
          {result.ticket.label}
        </Text>
      </Box>
      <Text fz={34} fw={700}>
        {clinicName}
      </Text>
      <Text fz={28}>{ahead > 0 ? t('kiosk.ahead', { count: ahead }) : t('kiosk.aheadNone')}</Text>
      {ahead > 0 && (
        <Text fz={24} c="gray.7">
          {t('kiosk.wait', { minutes: result.ticket.estimatedWaitMinutes })}
        </Text>
      )}
      {result.checkin.repeated && (
        <Text fz={22} c="blue.8">
          {t('kiosk.already')}
        </Text>
      )}
      <Group gap="sm">
        <Icon name="printer" size={30} />
        <Text fz={22} role="status">
          {print === 'failed' ? t('kiosk.printFailed') : t('kiosk.printing')}
        </Text>
      </Group>
      <Button {...BIG} px={80} onClick={onFinish}>
        {t('kiosk.finish')}
      </Button>
      <Text fz={18} c="dimmed">
        {t('kiosk.autoReset', { seconds: Math.max(0, left) })}
      </Text>
    </Stack>
  );
}

export function ErrorStep({
  code,
  detail,
  onRetry,
  onHome,
}: {
  code: KioskErrorCode;
  detail: string | null;
  onRetry: () => void;
  onHome: () => void;
}) {
  const { t } = useTranslation();
  const vi = currentLanguage() === 'vi';
  return (
    <Stack align="center" gap={26} maw={900} role="alert">
      <ThemeIcon size={110} radius={55} color="orange" variant="light">
        <Icon name="alert" size={60} />
      </ThemeIcon>
      <Title order={1} fz={46} ta="center">
        {t('kiosk.errorTitle')}
      </Title>
      <Text fz={30} ta="center" fw={500} data-testid="kiosk-error" data-code={code}>
        {t(`kiosk.errors.${code}`)}
      </Text>
      {vi && detail && code !== 'generic' && (
        <Text fz={22} ta="center" c="dimmed">
          {detail}
        </Text>
      )}
      <Group grow w="100%" maw={700}>
        <Button {...BIG} variant="default" onClick={onHome}>
          {t('kiosk.cancel')}
        </Button>
        <Button {...BIG} onClick={onRetry}>
          {t('kiosk.tryAgain')}
        </Button>
      </Group>
    </Stack>
  );
}
