import { Button, Grid, Group, Paper, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { classifyQuery, formatDate, parseBirthDateInput } from './format.ts';
import type { Criteria } from './usePersonSearch.ts';

interface PersonSearchFormProps {
  busy: boolean;
  onSearch: (criteria: Criteria) => void;
  onClear: () => void;
}

export function PersonSearchForm({ busy, onSearch, onClear }: PersonSearchFormProps) {
  const { t } = useTranslation();
  const queryRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [queryError, setQueryError] = useState<string | null>(null);
  const [birthDateError, setBirthDateError] = useState<string | null>(null);

  useHotkeys([
    [
      '/',
      () => {
        queryRef.current?.focus();
        queryRef.current?.select();
      },
    ],
  ]);

  const classified = classifyQuery(query);
  const hint = !classified
    ? t('persons.shortcut')
    : classified.fromQr
      ? t('persons.detected.qr', { value: classified.q })
      : t(`persons.detected.${classified.kind}`);

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const parsedDate = parseBirthDateInput(birthDate);
    setQueryError(classified ? null : t('persons.queryRequired'));
    setBirthDateError(parsedDate === null ? t('persons.birthDateInvalid') : null);
    if (!classified) {
      queryRef.current?.focus();
      return;
    }
    if (parsedDate === null) return;
    if (classified.fromQr) setQuery(classified.q);
    if (parsedDate?.length === 10) setBirthDate(formatDate(parsedDate));
    // An identifier is unique: a birth date left over from an earlier name search must not filter it out.
    onSearch({ q: classified.q, birthDate: classified.kind === 'name' ? parsedDate : undefined });
  }

  function clear(): void {
    setQuery('');
    setBirthDate('');
    setQueryError(null);
    setBirthDateError(null);
    onClear();
    queryRef.current?.focus();
  }

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
      <form onSubmit={submit} noValidate role="search">
        <Grid gap="sm" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <TextInput
              ref={queryRef}
              label={t('persons.query')}
              placeholder={t('persons.queryPlaceholder')}
              description={hint}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              leftSection={<Icon name="search" size={18} />}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              size="md"
              value={query}
              error={queryError}
              onChange={(e) => {
                setQuery(e.currentTarget.value);
                setQueryError(null);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
            <TextInput
              label={t('persons.birthDate')}
              placeholder={t('persons.birthDatePlaceholder')}
              description={t('persons.birthDateHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              inputMode="numeric"
              autoComplete="off"
              size="md"
              value={birthDate}
              error={birthDateError}
              onChange={(e) => {
                setBirthDate(e.currentTarget.value);
                setBirthDateError(null);
              }}
              onBlur={() => {
                const parsed = parseBirthDateInput(birthDate);
                if (parsed && parsed.length === 10) setBirthDate(formatDate(parsed));
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, xs: 6, lg: 3 }}>
            <Group gap="xs" wrap="nowrap" mt={{ base: 0, xs: 26 }}>
              <Button
                type="submit"
                size="md"
                loading={busy}
                leftSection={<Icon name="search" size={18} />}
                flex={1}
              >
                {t('persons.search')}
              </Button>
              <Button type="button" size="md" variant="default" onClick={clear}>
                {t('persons.clear')}
              </Button>
            </Group>
          </Grid.Col>
        </Grid>
      </form>
    </Paper>
  );
}
