import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';

interface Props {
  message: string;
  code: string;
  canStartCare: boolean;
  busy: boolean;
  onStartCare: () => void;
  onBreakGlass: (reason: string) => void;
}

/** No care relationship yet: start care at one's facility, or break the glass with a written reason. */
export function AccessGate({ message, code, canStartCare, busy, onStartCare, onBreakGlass }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const mayBreakGlass = code === 'CARE_RELATIONSHIP_REQUIRED';
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Alert
          color="orange"
          variant="light"
          icon={<Icon name="alert" />}
          title={t('healthbook.access.title')}
          role="alert"
        >
          {message}
        </Alert>
        {canStartCare && mayBreakGlass && (
          <div>
            <Button onClick={onStartCare} loading={busy}>
              {t('healthbook.access.startCare')}
            </Button>
            <Text size="xs" c="dimmed" mt={4}>
              {t('healthbook.access.startCareHint')}
            </Text>
          </div>
        )}
        {mayBreakGlass && (
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              onBreakGlass(reason.trim());
            }}
          >
            <Title order={3} fz="sm" mb={6}>
              {t('healthbook.access.breakGlass')}
            </Title>
            <Textarea
              label={t('healthbook.access.reason')}
              description={t('healthbook.access.reasonHint')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
              }}
              autosize
              minRows={2}
              maxLength={500}
            />
            <Group mt="sm">
              <Button
                type="submit"
                color="red"
                variant="light"
                disabled={reason.trim().length < 10}
                loading={busy}
              >
                {t('healthbook.access.open')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
