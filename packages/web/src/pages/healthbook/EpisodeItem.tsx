import { Badge, Box, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EpisodeDetails } from './EpisodeDetails.tsx';
import { codeName, formatDay, formatPeriod } from './format.ts';
import { ProvenanceNote } from './Provenance.tsx';
import type { BookEpisode } from './types.ts';

const INPATIENT = new Set(['03', '04', '06', '09']);

/** One episode on the timeline: when, where, why, what was found; details on demand. */
export function EpisodeItem({ e, compact = false }: { e: BookEpisode; compact?: boolean }) {
  const { t } = useTranslation();
  const [open, { toggle }] = useDisclosure(false);
  const hasDetails =
    e.drugs.length + e.labs.length + e.services.length + e.vitals.length > 0 || e.summary !== null;
  const inpatient = INPATIENT.has(e.type?.code ?? '');
  return (
    <Stack gap={6} className="hb-episode">
      <Group gap={8} wrap="wrap">
        <Text fw={700} fz="sm">
          {formatPeriod(e.period.start, e.period.end)}
        </Text>
        {e.type?.name && (
          <Badge size="sm" variant="light" color={inpatient ? 'grape' : 'teal'} tt="none">
            {e.type.name}
          </Badge>
        )}
        {e.source === 'fhir' && (
          <Badge size="sm" variant="outline" color="gray" tt="none">
            {t('healthbook.timeline.fromFhir')}
          </Badge>
        )}
      </Group>
      <Text fz="sm" c="dimmed">
        {e.facility?.name ?? e.facility?.code}
        {e.treatmentDays ? ` · ${t('healthbook.timeline.days', { n: e.treatmentDays })}` : ''}
      </Text>
      {e.diagnoses.main && (
        <Text fz="sm">
          <Text span c="dimmed" fz="xs" mr={4}>
            {t('healthbook.timeline.mainDiagnosis')}:
          </Text>
          <Text span fw={600}>
            {codeName(e.diagnoses.main)}
          </Text>
        </Text>
      )}
      {e.diagnoses.secondary.length > 0 && (
        <Text fz="sm">
          <Text span c="dimmed" fz="xs" mr={4}>
            {t('healthbook.timeline.secondary')}:
          </Text>
          {e.diagnoses.secondary.map(codeName).join('; ')}
        </Text>
      )}
      {!compact && e.reason && (
        <Text fz="sm">
          <Text span c="dimmed" fz="xs" mr={4}>
            {t('healthbook.timeline.reason')}:
          </Text>
          {e.reason}
        </Text>
      )}
      {(e.outcome || e.dischargeType) && (
        <Text fz="sm">
          <Text span c="dimmed" fz="xs" mr={4}>
            {t('healthbook.timeline.outcome')}:
          </Text>
          {[e.outcome?.name, e.dischargeType?.name].filter(Boolean).join(' · ')}
        </Text>
      )}
      {e.advice && (
        <Box className="hb-advice">
          <Text fz="sm">
            <Text span fw={600} mr={4}>
              {t('healthbook.timeline.advice')}:
            </Text>
            {e.advice}
          </Text>
        </Box>
      )}
      {e.followUpDates.length > 0 && (
        <Text fz="sm">
          <Text span c="dimmed" fz="xs" mr={4}>
            {t('healthbook.timeline.followUp')}:
          </Text>
          {e.followUpDates.map(formatDay).join(', ')}
        </Text>
      )}
      {hasDetails && (
        <>
          <UnstyledButton onClick={toggle} aria-expanded={open} className="hb-toggle">
            <Text fz="sm" c="teal.8" fw={600}>
              {open ? '▾' : '▸'} {t('healthbook.timeline.details')}
            </Text>
          </UnstyledButton>
          <Collapse expanded={open} transitionDuration={0}>
            <Box pt={4} pb="xs">
              <EpisodeDetails e={e} />
            </Box>
          </Collapse>
        </>
      )}
      <ProvenanceNote p={e.provenance} />
    </Stack>
  );
}
