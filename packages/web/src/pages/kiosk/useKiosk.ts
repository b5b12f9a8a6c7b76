import { useCallback, useState } from 'react';
import {
  checkIn,
  previewCheckin,
  type CheckinInput,
  type CheckinResult,
  type Preview,
} from '../../api/checkin.ts';
import { ApiError } from '../../api/client.ts';

/** Error codes the kiosk explains in its own words (kiosk.errors.*); others get the generic text. */
export const KIOSK_ERRORS = [
  'BHYT_CARD_EXPIRED',
  'BHYT_CARD_NOT_YET_VALID',
  'PERSON_NOT_FOUND',
  'QR_UNREADABLE',
  'PERSONAL_ID_BIRTH_YEAR_MISMATCH',
  'BHYT_CARD_OF_OTHER_PERSON',
  'CCCD_PERSON_MISMATCH',
  'INPUT',
  'NETWORK',
] as const;
export type KioskErrorCode = (typeof KIOSK_ERRORS)[number] | 'generic';

export type KioskStep =
  | { name: 'welcome' }
  | { name: 'scan' }
  | { name: 'number' }
  | { name: 'checking' }
  | { name: 'confirm'; preview: Preview; input: CheckinInput }
  | { name: 'clinic'; preview: Preview; input: CheckinInput }
  | { name: 'issuing'; preview: Preview; input: CheckinInput }
  | { name: 'done'; result: CheckinResult }
  | { name: 'error'; code: KioskErrorCode; detail: string | null };

function errorCode(e: unknown): { code: KioskErrorCode; detail: string | null } {
  if (e instanceof ApiError) {
    if (e.code === 'NETWORK_ERROR') return { code: 'NETWORK', detail: null };
    const known = KIOSK_ERRORS.find((k) => k === e.code);
    if (known) return { code: known, detail: e.fromServer ? e.message : null };
    if (e.status === 400 && e.fromServer) return { code: 'INPUT', detail: e.message };
    return { code: 'generic', detail: e.fromServer ? e.message : null };
  }
  return { code: 'generic', detail: null };
}

/** A typed number: 12 digits = personal ID, 10 digits = mã số BHXH. */
export function numberInput(digits: string): CheckinInput | null {
  if (/^\d{12}$/.test(digits)) return { personalId: digits };
  if (/^\d{10}$/.test(digits)) return { bhytCode: digits };
  return null;
}

/** The kiosk's steps: scan → confirm → clinic → ticket, or a clear error; nothing is stored before the clinic is chosen. */
export function useKiosk(facilityCode: string | null) {
  const [step, setStep] = useState<KioskStep>({ name: 'welcome' });

  const check = useCallback(
    async (input: CheckinInput | null) => {
      if (!input) {
        setStep({ name: 'error', code: 'INPUT', detail: null });
        return;
      }
      const body: CheckinInput = { ...input, ...(facilityCode ? { facilityCode } : {}) };
      setStep({ name: 'checking' });
      try {
        const preview = await previewCheckin(body);
        const block = preview.blocking[0];
        if (block) {
          const known = KIOSK_ERRORS.find((k) => k === block.code);
          setStep({ name: 'error', code: known ?? 'generic', detail: block.message });
        } else setStep({ name: 'confirm', preview, input: body });
      } catch (e) {
        setStep({ name: 'error', ...errorCode(e) });
      }
    },
    [facilityCode],
  );

  const issue = useCallback(async (preview: Preview, input: CheckinInput, clinicCode: string) => {
    setStep({ name: 'issuing', preview, input });
    try {
      setStep({ name: 'done', result: await checkIn({ ...input, clinicCode }) });
    } catch (e) {
      setStep({ name: 'error', ...errorCode(e) });
    }
  }, []);

  return {
    step,
    go: setStep,
    scanned: (text: string) => void check({ text }),
    typed: (digits: string) => void check(numberInput(digits)),
    issue: (preview: Preview, input: CheckinInput, clinicCode: string) =>
      void issue(preview, input, clinicCode),
    reset: useCallback(() => {
      setStep({ name: 'welcome' });
    }, []),
  };
}
