import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../router/hashRouter.ts';
import type { Screen } from '../screens.ts';
import { Icon } from '../ui/Icon.tsx';

interface ScreenNavProps {
  screens: readonly Screen[];
  activePath: string | null;
  onNavigate: () => void;
}

export function ScreenNav({ screens, activePath, onNavigate }: ScreenNavProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {screens.map((screen) => {
        const active = screen.path === activePath;
        return (
          <li key={screen.path}>
            <NavLink
              href={hrefFor(screen.path)}
              label={t(`nav.${screen.navKey}`)}
              leftSection={<Icon name={screen.icon} />}
              active={active}
              aria-current={active ? 'page' : undefined}
              variant="light"
              fw={500}
              onClick={onNavigate}
            />
          </li>
        );
      })}
    </Stack>
  );
}
