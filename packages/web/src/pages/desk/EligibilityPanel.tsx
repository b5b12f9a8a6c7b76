import { Alert, Badge, DataList, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Card, Eligibility, Problem } from '../../api/checkin.ts';
import { intlLocale } from '../../i18n/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { formatDate } from '../persons/format.ts';
import { formatPercent } from './scan.ts';

interface EligibilityPanelProps {
  card: Card | null;
  eligibility: Eligibility | null;
  blocking: readonly Problem[];
  selfPay: boolean;
}

const STATUS_COLOR = { valid: 'teal', expired: 'red', notYetValid: 'orange' } as const;
const ROUTE_COLOR = { correct: 'teal', referral: 'blue', emergency: 'red', self_referral: 'orange' } as const;

/** The BHYT card and this visit's benefit at a glance: validity, level, route, the fund's share, and why. */
export function EligibilityPanel({ card, eligibility: e, blocking, selfPay }: EligibilityPanelProps) {
  const { t } = useTranslation();
  const locale = intlLocale();
  const pct = (v: number): string => t('checkin.percent', { value: formatPercent(v, locale) });
  const blockingCodes = new Set(blocking.map((b) => b.code));
  const shown = (e?.warnings ?? []).filter((w) => !blockingCodes.has(w.code));
  // Notes about the rule tables themselves (a row or a base salary not yet checked against the legal
  // text) are for the record, not for the clerk's attention.
  const notes = shown.filter((w) => w.code.endsWith('_UNCONFIRMED'));
  const warnings = shown.filter((w) => !w.code.endsWith('_UNCONFIRMED'));

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="desk-eligibility">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} id="desk-eligibility">
        {t('desk.eligibilitySection')}
      </Text>
      {!card ? (
        <Alert mt="sm" color="gray" variant="light" icon={<Icon name="info" />}>
          {t('desk.noCard')}
        </Alert>
      ) : (
        <Stack gap="sm" mt="xs">
          <Group justify="space-between" align="center" wrap="wrap">
            <Group gap={8}>
              {e && (
                <Badge size="lg" color={STATUS_COLOR[e.cardStatus]} variant="filled">
                  {t(`checkin.cardStatus.${e.cardStatus}`)}
                </Badge>
              )}
              {e && (
                <Badge size="lg" color={ROUTE_COLOR[e.routeStatus]} variant="light">
                  {t(`checkin.route.${e.routeStatus}`)}
                </Badge>
              )}
              {selfPay && (
                <Badge size="lg" color="gray" variant="light">
                  {t('desk.selfPay')}
                </Badge>
              )}
            </Group>
            {e && (
              <Group gap={8} align="baseline" aria-label={t('desk.fundPays')}>
                <Text size="sm" c="dimmed">
                  {t('desk.fundPays')}
                </Text>
                <Text
                  fz={34}
                  fw={750}
                  lh={1}
                  c={selfPay || e.effectivePercent === 0 ? 'gray.6' : 'teal.8'}
                  data-testid="fund-percent"
                >
                  {pct(selfPay ? 0 : e.effectivePercent)}
                </Text>
              </Group>
            )}
          </Group>
          {blocking.map((b) => (
            <ErrorAlert key={b.code} error={b.message} title={t('desk.blocked')} />
          ))}
          <DataList withDivider labelWidth={124} size="sm">
            <DataList.Item>
              <DataList.ItemLabel>{t('desk.cardCode')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <span className="mono">{card.code}</span>
                <Text size="xs" c="dimmed">
                  {t(`checkin.source.${card.source}`)}
                </Text>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('desk.validity')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {card.validFrom && card.validTo
                  ? t('desk.validityRange', {
                      from: formatDate(card.validFrom),
                      to: formatDate(card.validTo),
                    })
                  : t('desk.unknown')}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('desk.initialFacility')}</DataList.ItemLabel>
              <DataList.ItemValue className="mono">
                {card.initialFacilityCode ?? t('desk.unknown')}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('desk.benefitLevel')}</DataList.ItemLabel>
              <DataList.ItemValue>
                {card.benefitLevel !== null && card.fundPaysPercent !== null
                  ? t('desk.benefitLevelValue', {
                      level: card.benefitLevel,
                      percent: formatPercent(card.fundPaysPercent, locale),
                    })
                  : t('desk.unknown')}
                {card.objectGroupLabel && (
                  <Text size="xs" c="dimmed">
                    {card.objectGroup} · {card.objectGroupLabel}
                  </Text>
                )}
              </DataList.ItemValue>
            </DataList.Item>
            {e && (
              <DataList.Item>
                <DataList.ItemLabel>{t('desk.route')}</DataList.ItemLabel>
                <DataList.ItemValue>
                  {t(`checkin.route.${e.routeStatus}`)} · {pct(e.routeBenefitPercent)}
                </DataList.ItemValue>
              </DataList.Item>
            )}
          </DataList>
          {e && e.reasons.length > 0 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('desk.reasons')}
              </Text>
              <List size="sm" spacing={2}>
                {e.reasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            </div>
          )}
          {notes.length > 0 && (
            <Text size="xs" c="dimmed">
              {notes.map((n) => n.message).join(' ')}
            </Text>
          )}
          {warnings.length > 0 && (
            <Alert color="yellow" variant="light" icon={<Icon name="alert" />} title={t('desk.warnings')}>
              <List size="sm" spacing={2}>
                {warnings.map((w) => (
                  <List.Item key={w.code}>{w.message}</List.Item>
                ))}
              </List>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
