import { Anchor, Badge, Button, CloseButton, Grid, Group, Paper, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';
import { parseBirthDateInput } from '../persons/format.ts';

interface ScanFormProps {
  busy: boolean;
  card: string | null;
  onScan: (text: string) => void;
  onName: (fullName: string, birthDate: string) => void;
  onRemoveCard: () => void;
  onReset: () => void;
}

/**
 * One box for a hand scanner (it types the QR text and presses Enter) or a typed number; or the
 * name + birth date search. F2 returns to the box; Esc starts over for the next patient. (No `/`
 * shortcut: scanned QR texts contain slashes, and the shortcuts also work inside the box.)
 */
export function ScanForm({ busy, card, onScan, onName, onRemoveCard, onReset }: ScanFormProps) {
  const { t } = useTranslation();
  const scanRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'scan' | 'name'>('scan');
  const [text, setText] = useState('');
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  const focusScan = (): void => {
    setMode('scan');
    requestAnimationFrame(() => {
      scanRef.current?.focus();
      scanRef.current?.select();
    });
  };
  useHotkeys(
    [
      ['F2', focusScan],
      [
        'Escape',
        () => {
          setText('');
          setFullName('');
          setBirthDate('');
          setFormError(null);
          onReset();
          focusScan();
        },
      ],
    ],
    // Also inside the input fields (the scan box has the focus most of the time).
    [],
  );

  function submitScan(e: SubmitEvent<HTMLFormElement>): void {
    e.preventDefault();
    if (!text.trim()) {
      setFormError(t('desk.scanRequired'));
      return;
    }
    setFormError(null);
    onScan(text);
    // The box is emptied and stays focused: the next scan (e.g. the BHYT card) goes straight in.
    setText('');
  }

  function submitName(e: SubmitEvent<HTMLFormElement>): void {
    e.preventDefault();
    const parsed = parseBirthDateInput(birthDate);
    if (fullName.trim().length < 2 || !parsed) {
      setFormError(t('desk.nameRequired'));
      return;
    }
    setFormError(null);
    onName(fullName.trim(), parsed);
  }

  return (
    <Paper withBorder p="md" radius="md">
      {mode === 'scan' ? (
        <form onSubmit={submitScan} noValidate role="search" aria-label={t('desk.searchByCode')}>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 9 }}>
              <TextInput
                ref={scanRef}
                label={t('desk.scanLabel')}
                placeholder={t('desk.scanPlaceholder')}
                description={t('desk.scanHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                leftSection={<Icon name="qr" size={18} />}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                size="md"
                value={text}
                error={formError}
                onChange={(e) => {
                  setText(e.currentTarget.value);
                  setFormError(null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }} pb={{ base: 0, sm: 22 }}>
              <Button
                type="submit"
                size="md"
                fullWidth
                loading={busy}
                leftSection={<Icon name="search" size={18} />}
              >
                {t('desk.lookUp')}
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      ) : (
        <form onSubmit={submitName} noValidate role="search" aria-label={t('desk.searchByName')}>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                ref={nameRef}
                label={t('desk.fullName')}
                autoFocus
                autoComplete="off"
                size="md"
                value={fullName}
                error={formError}
                onChange={(e) => {
                  setFullName(e.currentTarget.value);
                  setFormError(null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 7, sm: 3 }}>
              <TextInput
                label={t('desk.birthDate')}
                placeholder={t('desk.birthDatePlaceholder')}
                inputMode="numeric"
                autoComplete="off"
                size="md"
                value={birthDate}
                onChange={(e) => {
                  setBirthDate(e.currentTarget.value);
                  setFormError(null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 5, sm: 3 }}>
              <Button
                type="submit"
                size="md"
                fullWidth
                loading={busy}
                leftSection={<Icon name="search" size={18} />}
              >
                {t('desk.lookUp')}
              </Button>
            </Grid.Col>
          </Grid>
        </form>
      )}
      <Group justify="space-between" mt="xs" gap="xs">
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setFormError(null);
            if (mode === 'scan') {
              setMode('name');
              requestAnimationFrame(() => nameRef.current?.focus());
            } else focusScan();
          }}
        >
          {mode === 'scan' ? t('desk.searchByName') : t('desk.searchByCode')}
        </Anchor>
        {card ? (
          <Badge
            size="lg"
            variant="light"
            color="teal"
            rightSection={
              <CloseButton
                size="xs"
                aria-label={t('desk.removeCard')}
                onClick={onRemoveCard}
                variant="transparent"
              />
            }
          >
            {t('desk.cardAttached', { code: card.split('|')[0] ?? card })}
          </Badge>
        ) : (
          <Text size="xs" c="dimmed">
            {t('desk.scanCardHint')}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
