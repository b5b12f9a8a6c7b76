import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { isRole } from '@suckhoe/domain/roles';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import { useAuth } from '../auth/useAuth.ts';
import { Icon } from '../ui/Icon.tsx';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? '?';
  const first = words.length > 1 ? (words[0] ?? '') : '';
  return (first.charAt(0) + last.charAt(0)).toUpperCase();
}

export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const name = user.fullName || user.username;
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('user.menu', { name })} style={{ borderRadius: 8, padding: '4px 6px' }}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="teal" variant="filled">
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {name}
          </Text>
          <Text size="xs" c="dimmed">
            {user.username}
            {user.facilityCode ? ` · ${t('user.facility')} ${user.facilityCode}` : ''}
          </Text>
          {user.roles.length > 0 && (
            <Group gap={4} mt={6}>
              {user.roles.map((role) => (
                <Badge key={role} size="sm" variant="light" color="gray" tt="none" fw={500}>
                  {isRole(role) ? t(`roles.${role}`) : role}
                </Badge>
              ))}
            </Group>
          )}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<Icon name="logout" size={16} />} onClick={logout}>
          {t('user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
