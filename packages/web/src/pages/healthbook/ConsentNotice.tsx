import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import type { HealthBook } from './types.ts';

/** Something is withheld by the citizen's choice — never what. */
export function ConsentNotice({ consent }: { consent: HealthBook['consent'] }) {
  const { t } = useTranslation();
  if (!consent.withheld) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('healthbook.consentTitle')}
      icon={<Icon name="info" />}
      role="status"
    >
      {consent.message}
    </Alert>
  );
}
