import { Center, Grid, Loader, Paper, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/useAuth.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { EligibilityPanel } from './EligibilityPanel.tsx';
import { PersonPanel } from './PersonPanel.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { ScanForm } from './ScanForm.tsx';
import { TicketCard } from './TicketCard.tsx';
import { useClinics } from './useClinics.ts';
import { useDesk } from './useDesk.ts';
import { VisitPanel } from './VisitPanel.tsx';

/** Registration desk: scan or type → person and BHYT benefit at a glance → clinic → ticket; the queue beside. */
export default function DeskPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [typedFacility, setTypedFacility] = useState('');
  const facilityCode = user?.facilityCode ?? (/^[0-9A-Z]{5}$/.test(typedFacility) ? typedFacility : null);
  const clinics = useClinics(facilityCode);
  const desk = useDesk(facilityCode);
  const preview = desk.preview;

  let main;
  if (desk.result) {
    main = <TicketCard result={desk.result} onNext={desk.reset} />;
  } else if (preview) {
    main = (
      <Grid gap="md" aria-busy={desk.loading}>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <PersonPanel preview={preview} corrections={desk.corrections} onCorrect={desk.setCorrections} />
            <VisitPanel
              clinics={clinics.clinics}
              clinicsLoading={clinics.status === 'loading'}
              options={desk.options}
              blocking={preview.blocking}
              existingLabel={preview.existing?.ticket.label ?? null}
              submitting={desk.submitting}
              submitError={desk.submitError}
              onOptions={desk.setOptions}
              onSubmit={() => void desk.submit()}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <EligibilityPanel
            card={preview.card}
            eligibility={preview.eligibility}
            blocking={preview.blocking}
            selfPay={desk.options.selfPay}
          />
        </Grid.Col>
      </Grid>
    );
  } else if (desk.loading) {
    main = (
      <Paper withBorder p="xl" radius="md" aria-busy="true">
        <Center>
          <Loader size="sm" mr="sm" />
          <Text>{t('desk.loading')}</Text>
        </Center>
      </Paper>
    );
  } else if (desk.error !== null) {
    main = <ErrorAlert error={desk.error} />;
  } else {
    main = (
      <Paper withBorder p="xl" radius="md">
        <Stack align="center" gap="xs" py="lg">
          <ThemeIcon size={56} radius="xl" variant="light">
            <Icon name="qr" size={30} />
          </ThemeIcon>
          <Text fw={600} size="lg">
            {t('desk.start')}
          </Text>
          <Text c="dimmed" size="sm" ta="center" maw={460}>
            {t('desk.startHint')}
          </Text>
        </Stack>
      </Paper>
    );
  }

  return (
    <Stack gap="md" maw={1440} mx="auto">
      <div>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('desk.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('desk.description')}
        </Text>
      </div>
      {!user?.facilityCode && (
        <TextInput
          label={t('desk.facilityCode')}
          description={t('desk.facilityHint')}
          maw={320}
          value={typedFacility}
          onChange={(e) => {
            setTypedFacility(e.currentTarget.value.trim().toUpperCase());
          }}
        />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8, xl: 9 }}>
          <Stack gap="md">
            <ScanForm
              busy={desk.loading}
              card={desk.card}
              onScan={desk.scan}
              onName={desk.searchByName}
              onRemoveCard={desk.removeCard}
              onReset={desk.reset}
            />
            {main}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4, xl: 3 }}>
          {facilityCode && (
            <QueuePanel
              facilityCode={facilityCode}
              clinics={clinics.clinics}
              clinicCode={desk.options.clinicCode}
              refreshKey={desk.result?.checkin.id ?? ''}
            />
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
