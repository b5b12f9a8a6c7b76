import { Box, Group, SegmentedControl, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../../i18n/index.ts';
import { Logo } from '../../ui/Logo.tsx';

const STEPS = ['scan', 'confirm', 'clinic', 'done'] as const;
export type KioskStage = (typeof STEPS)[number] | null;

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(new Date());
    }, 10_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return (
    <Text fz={26} fw={600} c="white" className="mono">
      {now.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' })}
    </Text>
  );
}

/** Full-screen kiosk frame: facility, clock, VI/EN (large), the step you are at, and the help line. */
export function KioskFrame({
  facilityName,
  stage,
  children,
}: {
  facilityName: string;
  stage: KioskStage;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <Box
      mih="100dvh"
      style={{
        display: 'flex',
        flexDirection: 'column',
        background: 'var(--mantine-color-gray-0)',
        userSelect: 'none',
      }}
    >
      <Box
        component="header"
        px={32}
        py={16}
        style={{
          background: 'linear-gradient(90deg, var(--mantine-color-teal-9), var(--mantine-color-teal-7))',
        }}
      >
        <Group justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap">
            <Box bg="white" p={4} style={{ borderRadius: 10, display: 'flex' }}>
              <Logo size={40} />
            </Box>
            <div>
              <Text c="white" fz={26} fw={700} lh={1.15}>
                {facilityName}
              </Text>
              <Text c="teal.1" fz={18} lh={1.2}>
                {t('kiosk.title')}
              </Text>
            </div>
          </Group>
          <Group gap="xl" wrap="nowrap">
            <Clock />
            <SegmentedControl
              size="lg"
              radius="xl"
              aria-label={t('language.label')}
              value={lang}
              transitionDuration={0}
              onChange={(v) => {
                const l = LANGUAGES.find((x) => x === v);
                if (l) void setLanguage(l);
              }}
              data={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Group>
        </Group>
      </Box>
      {stage && (
        <Group
          component="nav"
          aria-label={t('kiosk.title')}
          justify="center"
          gap={8}
          py={14}
          bg="white"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          {STEPS.map((s, i) => {
            const at = STEPS.indexOf(stage);
            const state = i < at ? 'done' : i === at ? 'current' : 'todo';
            return (
              <Group key={s} gap={8} wrap="nowrap" aria-current={state === 'current' ? 'step' : undefined}>
                <Box
                  w={34}
                  h={34}
                  style={{
                    borderRadius: 17,
                    display: 'grid',
                    placeItems: 'center',
                    fontWeight: 700,
                    fontSize: 18,
                    color: state === 'todo' ? 'var(--mantine-color-gray-6)' : 'white',
                    background:
                      state === 'current'
                        ? 'var(--mantine-color-teal-7)'
                        : state === 'done'
                          ? 'var(--mantine-color-teal-4)'
                          : 'var(--mantine-color-gray-2)',
                  }}
                >
                  {i + 1}
                </Box>
                <Text
                  fz={19}
                  fw={state === 'current' ? 700 : 500}
                  c={state === 'todo' ? 'dimmed' : undefined}
                >
                  {t(`kiosk.steps.${s}`)}
                </Text>
                {i < STEPS.length - 1 && <Box w={36} h={2} bg="gray.3" mx={6} />}
              </Group>
            );
          })}
        </Group>
      )}
      <Box
        component="main"
        style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
        p={32}
      >
        {children}
      </Box>
      <Text component="footer" ta="center" fz={18} c="dimmed" py={14}>
        {t('kiosk.help')}
      </Text>
    </Box>
  );
}
