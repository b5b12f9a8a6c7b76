import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { formatDate } from '../persons/format.ts';
import { resolveReview, type ReviewDecision, type ReviewItem, type ReviewPerson } from './api.ts';

interface ReviewCardProps {
  item: ReviewItem;
  onResolved: () => void;
}

function PersonLine({ person }: { person: ReviewPerson }) {
  const { t } = useTranslation();
  const card = person.identifiers.find((i) => i.system === 'bhyt' && i.status === 'active');
  return (
    <div>
      <Text fw={600} size="sm">
        {person.fullName}
      </Text>
      <Text size="xs" c="dimmed" className="mono">
        {formatDate(person.birthDate)} · {t(`sex.${person.sex}`)} · {person.personalId ?? card?.value ?? '—'}
      </Text>
    </div>
  );
}

/** One queue item: the patient as the facility sent them, the candidates, and the three decisions. */
export function ReviewCard({ item, onResolved }: ReviewCardProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const open = item.status === 'open';

  const decide = (decision: ReviewDecision) => {
    setBusy(true);
    setError(null);
    resolveReview(item.id, decision).then(
      () => {
        setBusy(false);
        onResolved();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };

  const p = item.patient;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={p?.fullName ?? item.maLk}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Badge variant="light">
            {t(`reviews.reason.${item.reason === 'identifier_conflict' ? 'conflict' : 'none'}`)}
          </Badge>
          <Text size="xs" c="dimmed" className="mono">
            {item.facilityCode} · {item.maLk}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          {formatDate(item.createdAt)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {t('reviews.sent')}
          </Text>
          {p ? (
            <>
              <Text fw={600}>{p.fullName}</Text>
              <Text size="sm" className="mono">
                {formatDate(p.birthDate)} · {t(`sex.${p.sex}`)}
              </Text>
              <Text size="sm">
                {t('reviews.personalId')}: <span className="mono">{p.personalId ?? '—'}</span>
              </Text>
              <Text size="sm">
                {t('reviews.cards')}:{' '}
                <span className="mono">{p.insuranceCards.map((c) => c.number).join(', ') || '—'}</span>
              </Text>
              {p.address && <Text size="sm">{p.address}</Text>}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('reviews.noEpisode')}
            </Text>
          )}
          {item.episode && (
            <Text size="xs" c="dimmed">
              {t('reviews.episode', {
                type: item.episode.encounterType ?? '—',
                from: formatDate(item.episode.admittedAt),
                icd: item.episode.mainIcd ?? '—',
              })}
            </Text>
          )}
        </Stack>
        <Stack gap="xs">
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {t('reviews.current')}
          </Text>
          {item.currentPerson && (
            <Group justify="space-between" wrap="nowrap">
              <PersonLine person={item.currentPerson} />
              {open && (
                <Button
                  size="xs"
                  variant="light"
                  disabled={busy}
                  onClick={() => {
                    decide({ personId: item.currentPerson!.id });
                  }}
                >
                  {t('reviews.keep')}
                </Button>
              )}
            </Group>
          )}
          {open && (
            <>
              <Text size="xs" tt="uppercase" c="dimmed" fw={700} mt="xs">
                {t('reviews.candidates')}
              </Text>
              {item.candidates.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('reviews.noCandidates')}
                </Text>
              )}
              {item.candidates.map((c) => (
                <Group key={c.person.id} justify="space-between" wrap="nowrap">
                  <div>
                    <PersonLine person={c.person} />
                    <Text size="xs" c="dimmed">
                      {c.sources.map((s) => t(`reviews.source.${s}`)).join(' · ')}
                    </Text>
                  </div>
                  <Button
                    size="xs"
                    disabled={busy}
                    onClick={() => {
                      decide({ personId: c.person.id });
                    }}
                  >
                    {t('reviews.link')}
                  </Button>
                </Group>
              ))}
            </>
          )}
          {item.resolution && (
            <Alert
              variant="light"
              color={item.resolution.kind === 'rejected' ? 'gray' : 'teal'}
              icon={<Icon name="check" />}
            >
              <Text size="sm">
                {t(`reviews.resolution.${item.resolution.kind}`, {
                  by: item.resolution.resolvedBy ?? '—',
                  at: formatDate(item.resolution.resolvedAt),
                })}
              </Text>
              {item.resolution.reason && <Text size="sm">{item.resolution.reason}</Text>}
            </Alert>
          )}
        </Stack>
      </SimpleGrid>
      {open && (
        <Stack gap="xs" mt="md">
          {rejecting && (
            <Textarea
              label={t('reviews.rejectReason')}
              value={reason}
              minRows={2}
              maxLength={500}
              onChange={(e) => {
                setReason(e.currentTarget.value);
              }}
            />
          )}
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={busy}
              onClick={() => {
                decide({ create: true });
              }}
            >
              {t('reviews.create')}
            </Button>
            <Button
              size="xs"
              variant={rejecting ? 'filled' : 'subtle'}
              color="red"
              disabled={busy || (rejecting && reason.trim().length < 3)}
              onClick={() => {
                if (rejecting) decide({ reject: true, reason: reason.trim() });
                else setRejecting(true);
              }}
            >
              {rejecting ? t('reviews.confirmReject') : t('reviews.reject')}
            </Button>
          </Group>
        </Stack>
      )}
      {error !== null && <ErrorAlert mt="sm" error={error} />}
    </Paper>
  );
}
