import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import type { Screen } from '../screens.ts';
import { Logo } from '../ui/Logo.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { ScreenNav } from './ScreenNav.tsx';
import { UserMenu } from './UserMenu.tsx';

interface AppLayoutProps {
  user: User;
  screens: readonly Screen[];
  activePath: string | null;
  children: ReactNode;
}

export function AppLayout({ user, screens, activePath, children }: AppLayoutProps) {
  const { t } = useTranslation();
  const [navOpen, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding={{ base: 'sm', sm: 'lg' }}
      transitionDuration={0}
    >
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <Logo size={30} />
            <div>
              <Text fw={700} size="lg" lh={1.1} component="span" display="block">
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageToggle />
            <UserMenu user={user} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <ScreenNav screens={screens} activePath={activePath} onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="gray.0" style={{ outline: 'none' }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
