import { Alert, Button, Text, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from './errorText.ts';
import { Icon } from './Icon.tsx';

interface ErrorAlertProps {
  /** What failed: an error from an API call (told through `errorText`) or a message already written for the user. */
  error: unknown;
  /** Shows a "retry" button calling this. */
  onRetry?: () => void;
  /** The heading; the generic "could not be done" title when left out, none when `null`. */
  title?: string | null;
  mt?: MantineSpacing;
}

/** The red `role="alert"` box every screen shows when something failed, with an optional retry button. */
export function ErrorAlert({ error, onRetry, title, mt }: ErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      mt={mt}
      color="red"
      variant="light"
      title={title === undefined ? t('errors.title') : title}
      icon={<Icon name="alert" />}
      role="alert"
    >
      <Text size="sm">{typeof error === 'string' ? error : errorText(error, t)}</Text>
      {onRetry && (
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
