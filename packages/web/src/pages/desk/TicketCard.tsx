import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckinResult } from '../../api/checkin.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { errorText } from '../../ui/errorText.ts';
import { Icon } from '../../ui/Icon.tsx';
import { openTicketPdf } from './ticketPdf.ts';

interface TicketCardProps {
  result: CheckinResult;
  onNext: () => void;
}

/** The issued ticket: number, position, wait; print (PDF in a new tab, focused first) and next patient. */
export function TicketCard({ result, onNext }: TicketCardProps) {
  const { t } = useTranslation();
  const printRef = useRef<HTMLButtonElement>(null);
  const [printing, setPrinting] = useState(false);
  const [printError, setPrintError] = useState<unknown>(null);
  useEffect(() => {
    printRef.current?.focus();
  }, [result.checkin.id]);
  const { ticket, checkin } = result;

  async function print(): Promise<void> {
    setPrinting(true);
    setPrintError(null);
    try {
      await openTicketPdf(checkin.id);
    } catch (e) {
      setPrintError(e);
    } finally {
      setPrinting(false);
    }
  }

  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby="desk-ticket"
      bg="teal.0"
      bd="1px solid teal.3"
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <div>
          <Text size="xs" c="teal.9" tt="uppercase" fw={700} id="desk-ticket">
            {t('desk.ticketTitle')}
          </Text>
          <Title
            order={2}
            fz={56}
            lh={1.05}
            c="teal.9"
            style={{ fontVariantNumeric: 'tabular-nums' }}
            data-testid="ticket-label"
          >
            {ticket.label}
          </Title>
          <Text fw={600} size="lg">
            {checkin.clinicName}
          </Text>
          <Text size="sm" mt={4}>
            {ticket.position > 1
              ? t('desk.position', { count: ticket.position - 1 })
              : t('desk.positionNone')}
            {ticket.position > 1 && ` · ${t('desk.wait', { minutes: ticket.estimatedWaitMinutes })}`}
          </Text>
          <Text size="sm" c="dimmed" mt={2}>
            {result.person.fullName}
          </Text>
        </div>
        <Stack gap="xs" miw={220}>
          <Button
            ref={printRef}
            size="md"
            leftSection={<Icon name="printer" size={18} />}
            loading={printing}
            onClick={() => void print()}
          >
            {t('desk.print')}
          </Button>
          <Button size="md" variant="default" onClick={onNext}>
            {t('desk.next')} (Esc)
          </Button>
        </Stack>
      </Group>
      {checkin.repeated && (
        <Alert mt="md" color="blue" variant="light" icon={<Icon name="info" />}>
          {t('desk.repeated')}
        </Alert>
      )}
      {result.personCreated && (
        <Alert mt="md" color="teal" variant="light" icon={<Icon name="check" />}>
          {t('desk.created')}
        </Alert>
      )}
      {printError !== null && (
        <ErrorAlert mt="md" error={`${errorText(printError, t)} ${t('desk.printFailed')}`} title={null} />
      )}
    </Paper>
  );
}
