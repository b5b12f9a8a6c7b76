import {
  Alert,
  Button,
  Checkbox,
  Group,
  Kbd,
  Loader,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Clinic, Problem } from '../../api/checkin.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';
import type { VisitOptions } from './useDesk.ts';

interface VisitPanelProps {
  clinics: readonly Clinic[];
  clinicsLoading: boolean;
  options: VisitOptions;
  blocking: readonly Problem[];
  existingLabel: string | null;
  submitting: boolean;
  submitError: unknown;
  onOptions: (patch: Partial<VisitOptions>) => void;
  onSubmit: () => void;
}

/** Clinic (one radio group: arrow keys move), visit kind, referral, self-pay, and the check-in button (Ctrl+Enter). */
export function VisitPanel(props: VisitPanelProps) {
  const { t } = useTranslation();
  const { options, onOptions } = props;
  const en = currentLanguage() === 'en';
  const blocked = props.blocking.length > 0 && !options.selfPay;
  const canSubmit = options.clinicCode !== null && !blocked;
  useHotkeys([['mod+Enter', () => canSubmit && props.onSubmit()]], []);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="desk-visit">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} id="desk-visit" mb="xs">
        {t('desk.visitSection')}
      </Text>
      <Stack gap="md">
        <Radio.Group
          label={t('desk.clinic')}
          value={options.clinicCode}
          onChange={(v) => {
            onOptions({ clinicCode: v });
          }}
        >
          {props.clinicsLoading ? (
            <Group gap="xs" mt="xs">
              <Loader size="xs" />
              <Text size="sm">{t('desk.clinicsLoading')}</Text>
            </Group>
          ) : (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} verticalSpacing={6} mt="xs">
              {props.clinics.map((c) => (
                <Radio
                  key={c.code}
                  value={c.code}
                  label={
                    <span>
                      <Text span fw={600} className="mono" mr={6}>
                        {c.code}
                      </Text>
                      {en && c.nameEn ? c.nameEn : c.name}
                    </span>
                  }
                  styles={{
                    root: {
                      border: '1px solid var(--mantine-color-gray-3)',
                      borderRadius: 8,
                      padding: '8px 10px',
                      background: options.clinicCode === c.code ? 'var(--mantine-color-teal-0)' : undefined,
                      borderColor: options.clinicCode === c.code ? 'var(--mantine-color-teal-6)' : undefined,
                    },
                  }}
                />
              ))}
            </SimpleGrid>
          )}
        </Radio.Group>
        <Group gap="xl" align="flex-end" wrap="wrap">
          <div>
            <Text size="sm" fw={500} mb={4} id="desk-visit-kind">
              {t('desk.visitKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="desk-visit-kind"
              value={options.visitKind}
              onChange={(v) => {
                onOptions({ visitKind: v });
              }}
              data={(['outpatient', 'emergency'] as const).map((k) => ({
                value: k,
                label: t(`checkin.visitKind.${k}`),
              }))}
            />
          </div>
          <Checkbox
            label={t('desk.hasReferral')}
            checked={options.hasReferral}
            onChange={(e) => {
              onOptions({ hasReferral: e.currentTarget.checked });
            }}
          />
          <Checkbox
            label={t('desk.selfPay')}
            checked={options.selfPay}
            color={props.blocking.length > 0 ? 'orange' : undefined}
            onChange={(e) => {
              onOptions({ selfPay: e.currentTarget.checked });
            }}
          />
        </Group>
        {props.existingLabel && (
          <Alert color="blue" variant="light" icon={<Icon name="ticket" />}>
            {t('desk.existingTicket', { label: props.existingLabel })}
          </Alert>
        )}
        {props.submitError !== null && <ErrorAlert error={props.submitError} />}
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            {options.clinicCode ? (
              <>
                <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd>
              </>
            ) : (
              t('desk.chooseClinic')
            )}
          </Text>
          <Button
            size="md"
            leftSection={<Icon name="ticket" size={18} />}
            disabled={!canSubmit}
            loading={props.submitting}
            onClick={props.onSubmit}
          >
            {t('desk.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
