import {
  Alert,
  Badge,
  Button,
  DataList,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Corrections, Preview } from '../../api/checkin.ts';
import type { Sex } from '../../api/types.ts';
import { Icon } from '../../ui/Icon.tsx';
import { formatDate, parseBirthDateInput } from '../persons/format.ts';

interface PersonPanelProps {
  preview: Preview;
  corrections: Corrections;
  onCorrect: (c: Corrections) => void;
}

/** Who is being checked in, with the record-vs-document differences and the demographics editor. */
export function PersonPanel({ preview, corrections, onCorrect }: PersonPanelProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const p = preview.person;
  const shown = {
    fullName: corrections.fullName ?? p.fullName,
    birthDate: corrections.birthDate ?? p.birthDate,
    sex: corrections.sex ?? p.sex,
    phone: corrections.phone === undefined ? p.phone : corrections.phone,
    addressLine: corrections.addressLine === undefined ? p.address.line : corrections.addressLine,
  };
  const none = t('desk.none');
  const pending = Object.keys(corrections).length > 0;
  const fieldLabel = (f: 'fullName' | 'birthDate'): string => t(`desk.${f}`);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="desk-person">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} id="desk-person">
            {t('desk.personSection')}
          </Text>
          <Title order={2} fz={24} mt={2}>
            {shown.fullName}
          </Title>
          <Group gap={6} mt={6}>
            <Badge variant="light" color={preview.isNew ? 'orange' : 'teal'}>
              {preview.isNew ? t('desk.newBadge') : t('desk.knownPerson')}
            </Badge>
            <Badge variant="light" color="gray">
              {t(`sex.${shown.sex}`)}
            </Badge>
            <Badge variant="light" color="gray">
              {formatDate(shown.birthDate)}
            </Badge>
          </Group>
          {preview.isNew && (
            <Text size="xs" c="orange.8" mt={6}>
              {t('desk.newPerson')}
            </Text>
          )}
        </div>
        {!editing && (
          <Button
            variant="default"
            size="xs"
            style={{ flexShrink: 0 }}
            leftSection={<Icon name="edit" size={14} />}
            onClick={() => {
              setEditing(true);
            }}
          >
            {t('desk.edit')}
          </Button>
        )}
      </Group>

      {preview.differences.length > 0 && (
        <Alert
          mt="sm"
          color="yellow"
          variant="light"
          icon={<Icon name="alert" />}
          title={t('desk.differences', {
            fields: preview.differences.map((d) => fieldLabel(d.field)).join(', '),
          })}
        >
          <Stack gap={4}>
            {preview.differences.map((d) => (
              <Text size="sm" key={d.field}>
                {t('desk.differenceLine', {
                  field: fieldLabel(d.field),
                  record: d.field === 'birthDate' ? formatDate(d.record) : (d.record ?? none),
                  document: d.field === 'birthDate' ? formatDate(d.document) : d.document,
                })}
              </Text>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                color="yellow"
                onClick={() => {
                  const c: Corrections = { ...corrections };
                  for (const d of preview.differences) c[d.field] = d.document;
                  onCorrect(c);
                }}
              >
                {t('desk.useDocument')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {editing ? (
        <CorrectionsForm
          initial={shown}
          onCancel={() => {
            setEditing(false);
          }}
          onApply={(c) => {
            onCorrect({ ...corrections, ...c });
            setEditing(false);
          }}
        />
      ) : (
        <DataList withDivider labelWidth={140} size="sm" mt="md">
          <DataList.Item>
            <DataList.ItemLabel>{t('desk.personalId')}</DataList.ItemLabel>
            <DataList.ItemValue className="mono">{p.personalId ?? none}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('desk.phone')}</DataList.ItemLabel>
            <DataList.ItemValue className="mono">{shown.phone ?? none}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('desk.address')}</DataList.ItemLabel>
            <DataList.ItemValue>{shown.addressLine ?? none}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      )}
      {pending && !editing && (
        <Text size="xs" c="teal.8" mt="xs" role="status">
          {t('desk.editPending')}
        </Text>
      )}
    </Paper>
  );
}

interface Shown {
  fullName: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  addressLine: string | null;
}

function CorrectionsForm({
  initial,
  onApply,
  onCancel,
}: {
  initial: Shown;
  onApply: (c: Corrections) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [fullName, setFullName] = useState(initial.fullName);
  const [birthDate, setBirthDate] = useState(formatDate(initial.birthDate));
  const [sex, setSex] = useState<Sex>(initial.sex);
  const [phone, setPhone] = useState(initial.phone ?? '');
  const [address, setAddress] = useState(initial.addressLine ?? '');
  const [dateError, setDateError] = useState<string | null>(null);

  function submit(e: SubmitEvent<HTMLFormElement>): void {
    e.preventDefault();
    const parsed = parseBirthDateInput(birthDate);
    if (!parsed) {
      setDateError(t('persons.birthDateInvalid'));
      return;
    }
    const c: Corrections = {};
    if (fullName.trim() && fullName.trim() !== initial.fullName) c.fullName = fullName.trim();
    if (parsed !== initial.birthDate) c.birthDate = parsed;
    if (sex !== initial.sex) c.sex = sex;
    if ((phone.trim() || null) !== initial.phone) c.phone = phone.trim() || null;
    if ((address.trim() || null) !== initial.addressLine) c.addressLine = address.trim() || null;
    onApply(c);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('desk.editTitle')}>
      <Stack gap="sm" mt="md">
        <TextInput
          label={t('desk.fullName')}
          value={fullName}
          data-autofocus
          autoFocus
          onChange={(e) => {
            setFullName(e.currentTarget.value);
          }}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('desk.birthDate')}
            placeholder={t('desk.birthDatePlaceholder')}
            value={birthDate}
            error={dateError}
            onChange={(e) => {
              setBirthDate(e.currentTarget.value);
              setDateError(null);
            }}
          />
          <TextInput
            label={t('desk.phone')}
            inputMode="tel"
            value={phone}
            onChange={(e) => {
              setPhone(e.currentTarget.value);
            }}
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4} id="desk-sex">
            {t('desk.sex')}
          </Text>
          <SegmentedControl
            aria-labelledby="desk-sex"
            value={sex}
            onChange={(v) => {
              setSex(v);
            }}
            data={(['male', 'female', 'unknown'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))}
          />
        </div>
        <TextInput
          label={t('desk.address')}
          value={address}
          onChange={(e) => {
            setAddress(e.currentTarget.value);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('desk.editCancel')}
          </Button>
          <Button type="submit">{t('desk.editApply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
