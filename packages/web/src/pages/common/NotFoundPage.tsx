import { Button, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../router/hashRouter.ts';
import { Icon } from '../../ui/Icon.tsx';

export function NotFoundPage({ home }: { home: string }) {
  const { t } = useTranslation();
  return (
    <EmptyState
      mt="xl"
      icon={<Icon name="alert" size={28} />}
      variant="light"
      color="gray"
      title={t('notFound.title')}
      description={t('notFound.description')}
    >
      <EmptyState.Actions>
        <Button component="a" href={hrefFor(home)} variant="light">
          {t('notFound.back')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
