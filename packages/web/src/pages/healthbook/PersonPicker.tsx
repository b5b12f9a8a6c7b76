import { Button, Group, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbort } from '../../api/client.ts';
import { searchPersons } from '../../api/endpoints.ts';
import type { Person } from '../../api/types.ts';
import { errorText } from '../../ui/errorText.ts';
import { Icon } from '../../ui/Icon.tsx';
import { formatDay } from './format.ts';

/** Find the patient (identifier or name), then pick them. The search text stays out of the URL. */
export function PersonPicker({ onPick }: { onPick: (p: Person) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [items, setItems] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    if (q.trim().length < 2) return;
    setBusy(true);
    setError(null);
    try {
      const r = await searchPersons({ q: q.trim(), limit: 10, offset: 0 });
      setItems(r.items);
    } catch (e) {
      if (!isAbort(e)) setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          void search();
        }}
      >
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            label={t('healthbook.searchLabel')}
            placeholder={t('healthbook.searchPlaceholder')}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
            }}
            leftSection={<Icon name="search" />}
            style={{ flex: 1 }}
            autoFocus
          />
          <Button type="submit" loading={busy}>
            {t('healthbook.search')}
          </Button>
        </Group>
      </form>
      {error && (
        <Text c="red" role="alert" size="sm">
          {error}
        </Text>
      )}
      {items && items.length === 0 && <Text c="dimmed">{t('healthbook.noResults')}</Text>}
      {items && items.length > 0 && (
        <Stack gap={6} aria-label={t('healthbook.results')}>
          {items.map((p) => (
            <UnstyledButton
              key={p.id}
              onClick={() => {
                onPick(p);
              }}
              aria-label={t('healthbook.open', { name: p.fullName })}
            >
              <Paper withBorder p="sm" radius="md" className="hb-pick">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Text fw={600}>{p.fullName}</Text>
                  <Text size="sm" c="dimmed" className="mono">
                    {p.personalId ?? ''}
                  </Text>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`sex.${p.sex}`)} · {formatDay(p.birthDate)}
                  {p.address?.communeName ? ` · ${p.address.communeName}` : ''}
                </Text>
              </Paper>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
