import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { codeName, formatDateTime, formatDay, isFuture } from './format.ts';
import { ProvenanceNote } from './Provenance.tsx';
import type { BookAppointment, BookDocument, BookReferral } from './types.ts';

function Empty({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

export function AppointmentList({ items }: { items: readonly BookAppointment[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty text={t('healthbook.papers.noAppointments')} />;
  return (
    <Stack gap="xs">
      {items.map((a, i) => (
        <Paper key={i} withBorder p="sm" radius="md" className={isFuture(a.at) ? 'hb-upcoming' : undefined}>
          <Group justify="space-between" gap="xs">
            <Text fw={700}>{t('healthbook.papers.on', { date: formatDateTime(a.at) })}</Text>
            {isFuture(a.at) && (
              <Badge color="teal" variant="filled" size="sm">
                {t('mybook.upcoming')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t('healthbook.papers.at', {
              place:
                a.facility?.name ?? t('healthbook.papers.facilityCode', { code: a.facility?.code ?? '' }),
            })}
          </Text>
          {a.mainIcd && <Text size="sm">{codeName(a.mainIcd)}</Text>}
          <Group gap="md" mt={4}>
            {a.number && (
              <Text size="xs" c="dimmed">
                {t('healthbook.papers.number', { no: a.number })}
              </Text>
            )}
            <ProvenanceNote p={a.provenance} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function ReferralList({ items }: { items: readonly BookReferral[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty text={t('healthbook.papers.noReferrals')} />;
  return (
    <Stack gap="xs">
      {items.map((r, i) => (
        <Paper key={i} withBorder p="sm" radius="md">
          <Group justify="space-between" gap="xs">
            <Text fw={700}>{formatDay(r.date)}</Text>
            {r.validUntil && (
              <Badge
                variant="light"
                color={isFuture(`${r.validUntil}T23:59:59+07:00`) ? 'teal' : 'gray'}
                tt="none"
              >
                {t('healthbook.papers.validUntil', { date: formatDay(r.validUntil) })}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t('healthbook.papers.from')}: {r.from?.name ?? r.from?.code} → {t('healthbook.papers.to')}:{' '}
            {r.to?.name ?? r.to?.code}
          </Text>
          {r.mainIcd && (
            <Text size="sm">
              {t('healthbook.papers.diagnosis')}: {codeName(r.mainIcd)}
            </Text>
          )}
          {r.reason?.name && (
            <Text size="sm" c="dimmed">
              {t('healthbook.papers.reason')}: {r.reason.name}
            </Text>
          )}
          <Group gap="md" mt={4}>
            {r.number && (
              <Text size="xs" c="dimmed">
                {t('healthbook.papers.number', { no: r.number })}
              </Text>
            )}
            <ProvenanceNote p={r.provenance} />
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function DocumentList({ items }: { items: readonly BookDocument[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty text={t('healthbook.papers.noDocuments')} />;
  return (
    <Stack gap="xs">
      {items.map((d, i) => (
        <Paper key={i} withBorder p="sm" radius="md">
          <Group justify="space-between" gap="xs">
            <Text fw={700}>{d.title}</Text>
            <Text size="sm" c="dimmed">
              {formatDay(d.date)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {d.facility?.name ?? d.facility?.code}
          </Text>
          {d.fields.map((f) => (
            <Text key={f.label} size="sm" lineClamp={3}>
              <Text span c="dimmed" fz="xs" mr={4}>
                {f.label}:
              </Text>
              {f.value}
            </Text>
          ))}
          <ProvenanceNote p={d.provenance} />
        </Paper>
      ))}
    </Stack>
  );
}

/** Referral slips, re-exam appointments and other papers. */
export function PapersPanel(p: {
  referrals: readonly BookReferral[];
  appointments: readonly BookAppointment[];
  documents: readonly BookDocument[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <section>
        <Title order={3} fz="md" mb="xs">
          {t('healthbook.papers.appointments')}
        </Title>
        <AppointmentList items={p.appointments} />
      </section>
      <section>
        <Title order={3} fz="md" mb="xs">
          {t('healthbook.papers.referrals')}
        </Title>
        <ReferralList items={p.referrals} />
      </section>
      <section>
        <Title order={3} fz="md" mb="xs">
          {t('healthbook.papers.documents')}
        </Title>
        <DocumentList items={p.documents} />
      </section>
    </Stack>
  );
}
