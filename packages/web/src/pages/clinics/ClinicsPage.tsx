import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declareClinics, listClinics, type ClinicDeclaration } from '../../api/checkin.ts';
import { isAbort } from '../../api/client.ts';
import { useAuth } from '../../auth/useAuth.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { Icon } from '../../ui/Icon.tsx';
import { PageLoader } from '../common/PageLoader.tsx';

interface Row {
  key: number;
  code: string;
  name: string;
  serviceCode: string;
  serviceName: string;
  minutesPerPatient: number;
}

type Status =
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; error: unknown };

let nextKey = 1;
const blank = (): Row => ({
  key: nextKey++,
  code: '',
  name: '',
  serviceCode: '',
  serviceName: '',
  minutesPerPatient: 8,
});

const toDeclaration = (r: Row): ClinicDeclaration => ({
  code: r.code.trim().toUpperCase(),
  name: r.name.trim(),
  serviceCode: r.serviceCode.trim() || null,
  serviceName: r.serviceName.trim() || null,
  minutesPerPatient: r.minutesPerPatient,
});

/**
 * A facility admin declares the facility's clinics (queues): code, name, the examination's service
 * code (XML0 MA_DICH_VU) and the usual minutes per patient, in display order. Saving replaces the
 * list; clinics left out stop taking check-ins (their past tickets keep them). API:
 * `PUT /api/v1/facilities/{code}/clinics` (packages/server/src/checkin/clinic-admin.ts).
 */
export default function ClinicsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const facilityCode = user?.facilityCode ?? null;
  const [rows, setRows] = useState<Row[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    if (!facilityCode) return;
    const ctrl = new AbortController();
    listClinics(facilityCode, ctrl.signal).then(
      (r) => {
        setRows(
          r.items.map((c) => ({
            key: nextKey++,
            code: c.code,
            name: c.name,
            serviceCode: c.serviceCode ?? '',
            serviceName: c.serviceName ?? '',
            minutesPerPatient: c.minutesPerPatient,
          })),
        );
        setStatus({ kind: 'ready' });
      },
      (error: unknown) => {
        if (!isAbort(error)) setStatus({ kind: 'error', error });
      },
    );
    return () => {
      ctrl.abort();
    };
  }, [facilityCode]);

  if (!facilityCode) {
    return (
      <Alert color="yellow" variant="light" title={t('clinics.title')} role="status">
        {t('clinics.noFacility')}
      </Alert>
    );
  }
  if (status.kind === 'loading') return <PageLoader />;

  const change = (key: number, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setStatus({ kind: 'ready' });
  };
  const save = () => {
    setStatus({ kind: 'saving' });
    declareClinics(facilityCode, rows.map(toDeclaration)).then(
      () => {
        setStatus({ kind: 'saved' });
      },
      (error: unknown) => {
        setStatus({ kind: 'error', error });
      },
    );
  };

  return (
    <Stack gap="md" maw={1180} mx="auto">
      <div>
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          {t('clinics.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('clinics.description', { facility: facilityCode })}
        </Text>
      </div>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" aria-label={t('clinics.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('clinics.code')}</Table.Th>
              <Table.Th>{t('clinics.name')}</Table.Th>
              <Table.Th w={140}>{t('clinics.serviceCode')}</Table.Th>
              <Table.Th>{t('clinics.serviceName')}</Table.Th>
              <Table.Th w={120}>{t('clinics.minutes')}</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('clinics.code')} ${String(i + 1)}`}
                    value={r.code}
                    maxLength={10}
                    onChange={(e) => {
                      change(r.key, { code: e.currentTarget.value });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('clinics.name')} ${String(i + 1)}`}
                    value={r.name}
                    maxLength={120}
                    onChange={(e) => {
                      change(r.key, { name: e.currentTarget.value });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('clinics.serviceCode')} ${String(i + 1)}`}
                    value={r.serviceCode}
                    maxLength={50}
                    onChange={(e) => {
                      change(r.key, { serviceCode: e.currentTarget.value });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${t('clinics.serviceName')} ${String(i + 1)}`}
                    value={r.serviceName}
                    maxLength={255}
                    onChange={(e) => {
                      change(r.key, { serviceName: e.currentTarget.value });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('clinics.minutes')} ${String(i + 1)}`}
                    value={r.minutesPerPatient}
                    min={1}
                    max={120}
                    allowDecimal={false}
                    onChange={(v) => {
                      change(r.key, { minutesPerPatient: typeof v === 'number' ? v : Number(v) || 1 });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('clinics.remove', { code: r.code || String(i + 1) })}
                    onClick={() => {
                      setRows((rs) => rs.filter((x) => x.key !== r.key));
                      setStatus({ kind: 'ready' });
                    }}
                  >
                    <Icon name="close" />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {status.kind === 'error' && <ErrorAlert error={status.error} />}
      {status.kind === 'saved' && (
        <Alert color="teal" variant="light" icon={<Icon name="check" />} role="status">
          {t('clinics.saved', { count: rows.length })}
        </Alert>
      )}
      <Group>
        <Button
          variant="default"
          onClick={() => {
            setRows((rs) => [...rs, blank()]);
            setStatus({ kind: 'ready' });
          }}
        >
          {t('clinics.add')}
        </Button>
        <Button onClick={save} loading={status.kind === 'saving'} disabled={rows.length === 0}>
          {t('clinics.save')}
        </Button>
      </Group>
    </Stack>
  );
}
