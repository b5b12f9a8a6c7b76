import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/Icon.tsx';

interface KeypadProps {
  value: string;
  onChange: (v: string) => void;
  onSubmit: () => void;
  onBack: () => void;
}

const MAX = 12;

/** Large on-screen digits for a touch screen (no physical keyboard on a kiosk). */
export function Keypad({ value, onChange, onSubmit, onBack }: KeypadProps) {
  const { t } = useTranslation();
  const press = (d: string): void => {
    if (value.length < MAX) onChange(value + d);
  };
  const groups = value.replace(/(\d{3})(?=\d)/g, '$1 ');
  return (
    <Stack align="center" gap="md" w="100%" maw={540}>
      <Text fz={24} fw={600} ta="center">
        {t('kiosk.numberTitle')}
      </Text>
      <Text
        aria-label={t('kiosk.numberLabel')}
        role="status"
        className="mono"
        fz={42}
        fw={700}
        lh={1.2}
        mih={70}
        w="100%"
        ta="center"
        bg="white"
        style={{ borderRadius: 16, border: '2px solid var(--mantine-color-teal-6)' }}
      >
        {groups || '\u00a0'}
      </Text>
      <SimpleGrid cols={3} spacing="sm" w="100%" role="group" aria-label={t('kiosk.keypad')}>
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <Button
            key={d}
            h={72}
            fz={36}
            variant="default"
            onClick={() => {
              press(d);
            }}
          >
            {d}
          </Button>
        ))}
        <Button
          h={72}
          fz={22}
          variant="light"
          color="gray"
          onClick={() => {
            onChange('');
          }}
        >
          {t('kiosk.clear')}
        </Button>
        <Button
          h={72}
          fz={36}
          variant="default"
          onClick={() => {
            press('0');
          }}
        >
          0
        </Button>
        <Button
          h={72}
          fz={22}
          variant="light"
          color="gray"
          onClick={() => {
            onChange(value.slice(0, -1));
          }}
          aria-label={t('kiosk.backspace')}
        >
          ⌫
        </Button>
      </SimpleGrid>
      <Group grow w="100%">
        <Button
          h={72}
          fz={24}
          variant="default"
          leftSection={<Icon name="arrowLeft" size={26} />}
          onClick={onBack}
        >
          {t('kiosk.back')}
        </Button>
        <Button h={68} fz={24} disabled={value.length !== 10 && value.length !== 12} onClick={onSubmit}>
          {t('kiosk.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
