import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth.ts';
import { LanguageToggle } from '../../shell/LanguageToggle.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorText } from '../../ui/errorText.ts';
import { Icon } from '../../ui/Icon.tsx';
import { Logo } from '../../ui/Logo.tsx';

export default function LoginPage() {
  const { t } = useTranslation();
  const { login, notice } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function submit(): Promise<void> {
    if (!username.trim() || !password) {
      setError(t('login.required'));
      (username.trim() ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError(errorText(err, t));
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit();
  }

  return (
    <Box mih="100dvh" bg="gray.0" p="md" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="flex-end">
        <LanguageToggle />
      </Group>
      <Center style={{ flex: 1 }}>
        <Stack w="100%" maw={400} gap="lg" component="main">
          <Group gap="sm" justify="center" wrap="nowrap">
            <Logo size={44} />
            <div>
              <Text fw={700} fz={26} lh={1.1}>
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <form onSubmit={onSubmit} noValidate aria-describedby="login-subtitle">
              <Stack gap="md">
                <div>
                  <Title order={1} fz={22}>
                    {t('login.title')}
                  </Title>
                  <Text id="login-subtitle" size="sm" c="dimmed" mt={4}>
                    {t('login.subtitle')}
                  </Text>
                </div>
                {notice && !error && (
                  <Alert
                    color={notice === 'sessionExpired' ? 'yellow' : 'teal'}
                    variant="light"
                    icon={<Icon name="info" />}
                  >
                    {t(`login.${notice}`)}
                  </Alert>
                )}
                {error && <ErrorAlert error={error} title={t('login.failed')} />}
                <TextInput
                  ref={usernameRef}
                  label={t('login.username')}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  autoFocus
                  required
                  size="md"
                  value={username}
                  onChange={(e) => {
                    setUsername(e.currentTarget.value);
                  }}
                />
                <PasswordInput
                  ref={passwordRef}
                  label={t('login.password')}
                  visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
                  name="password"
                  autoComplete="current-password"
                  required
                  size="md"
                  value={password}
                  onChange={(e) => {
                    setPassword(e.currentTarget.value);
                  }}
                />
                <Button type="submit" size="md" fullWidth loading={busy}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('login.privacy')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
