import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFacility } from '../../api/checkin.ts';
import { useAuth } from '../../auth/useAuth.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { useClinics } from '../desk/useClinics.ts';
import { KioskFrame, type KioskStage } from './KioskFrame.tsx';
import { Busy, ClinicStep, ConfirmStep, DoneStep, ErrorStep, ScanStep, WelcomeStep } from './KioskSteps.tsx';
import { Keypad } from './Keypad.tsx';
import { useIdle, useKioskLock } from './useKioskLock.ts';
import { useKiosk, type KioskStep } from './useKiosk.ts';
import { useScannerInput } from './useScannerInput.ts';

/** Back to the start after this long without a touch; `#/kiosk?idle=<seconds>` overrides it (5–600). */
const IDLE_MS = 60_000;

function idleMs(): number {
  const hash = window.location.hash;
  const q = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const s = Number(q.get('idle'));
  return Number.isFinite(s) && s >= 5 && s <= 600 ? s * 1000 : IDLE_MS;
}

const STAGE: Record<KioskStep['name'], KioskStage> = {
  welcome: null,
  scan: 'scan',
  number: 'scan',
  checking: 'scan',
  confirm: 'confirm',
  clinic: 'clinic',
  issuing: 'clinic',
  done: 'done',
  error: null,
};

/**
 * Self-service kiosk (full screen, no app shell, no way out): scan the ID card / VNeID / BHYT QR with
 * the camera or a USB scanner (or type the ID on a keypad) → confirm → choose a clinic → ticket,
 * printed. Resets after a minute without a touch. Runs signed in as a registrar of its facility.
 */
export default function KioskPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const facilityCode = user?.facilityCode ?? null;
  const [facilityName, setFacilityName] = useState('');
  const clinics = useClinics(facilityCode);
  const kiosk = useKiosk(facilityCode);
  const [digits, setDigits] = useState('');
  const step = kiosk.step;
  const home = kiosk.reset;

  useKioskLock();
  useEffect(() => {
    if (!facilityCode) return;
    getFacility(facilityCode).then(
      (f) => {
        setFacilityName(f.name);
      },
      () => undefined,
    );
  }, [facilityCode]);
  const resetAll = useCallback(() => {
    setDigits('');
    home();
  }, [home]);
  const [idle] = useState(idleMs);
  useIdle(step.name === 'welcome' || step.name === 'done' ? null : idle, resetAll, step);
  const scanning = step.name === 'welcome' || step.name === 'scan' || step.name === 'error';
  useScannerInput(scanning, kiosk.scanned);

  let body;
  switch (step.name) {
    case 'welcome':
      body = (
        <WelcomeStep
          onStart={() => {
            if (typeof document.documentElement.requestFullscreen === 'function') {
              document.documentElement.requestFullscreen().catch(() => undefined);
            }
            kiosk.go({ name: 'scan' });
          }}
        />
      );
      break;
    case 'scan':
      body = (
        <ScanStep
          onResult={kiosk.scanned}
          onNumber={() => {
            setDigits('');
            kiosk.go({ name: 'number' });
          }}
          onBack={resetAll}
        />
      );
      break;
    case 'number':
      body = (
        <Keypad
          value={digits}
          onChange={setDigits}
          onSubmit={() => {
            kiosk.typed(digits);
          }}
          onBack={() => {
            kiosk.go({ name: 'scan' });
          }}
        />
      );
      break;
    case 'checking':
      body = <Busy text={t('kiosk.checking')} />;
      break;
    case 'confirm':
      body = (
        <ConfirmStep
          preview={step.preview}
          onNo={resetAll}
          onYes={() => {
            kiosk.go({ name: 'clinic', preview: step.preview, input: step.input });
          }}
        />
      );
      break;
    case 'clinic':
      body = (
        <ClinicStep
          facilityCode={facilityCode ?? ''}
          clinics={clinics.clinics}
          onBack={() => {
            kiosk.go({ name: 'confirm', preview: step.preview, input: step.input });
          }}
          onChoose={(code) => {
            kiosk.issue(step.preview, step.input, code);
          }}
        />
      );
      break;
    case 'issuing':
      body = <Busy text={t('kiosk.printing')} />;
      break;
    case 'done':
      {
        const c = clinics.clinics.find((x) => x.code === step.result.checkin.clinicCode);
        const name = currentLanguage() === 'en' && c?.nameEn ? c.nameEn : step.result.checkin.clinicName;
        body = (
          <DoneStep result={step.result} facilityName={facilityName} clinicName={name} onFinish={resetAll} />
        );
      }
      break;
    case 'error':
      body = (
        <ErrorStep
          code={step.code}
          detail={step.detail}
          onHome={resetAll}
          onRetry={() => {
            kiosk.go({ name: 'scan' });
          }}
        />
      );
      break;
  }

  return (
    <KioskFrame facilityName={facilityName || t('app.name')} stage={STAGE[step.name]}>
      {body}
    </KioskFrame>
  );
}
