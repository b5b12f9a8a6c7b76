import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  checkIn,
  previewCheckin,
  type CheckinInput,
  type CheckinResult,
  type Corrections,
  type Preview,
  type VisitKind,
} from '../../api/checkin.ts';
import { isAbort } from '../../api/client.ts';
import { scanKind } from './scan.ts';

export type Identity = { kind: 'text'; text: string } | { kind: 'name'; fullName: string; birthDate: string };

export interface VisitOptions {
  clinicCode: string | null;
  visitKind: VisitKind;
  hasReferral: boolean;
  selfPay: boolean;
}

export interface Desk {
  identity: Identity | null;
  /** A BHYT card (QR text or code) scanned besides an identity document. */
  card: string | null;
  options: VisitOptions;
  corrections: Corrections;
  preview: Preview | null;
  loading: boolean;
  error: unknown;
  result: CheckinResult | null;
  submitting: boolean;
  submitError: unknown;
  scan: (text: string) => void;
  searchByName: (fullName: string, birthDate: string) => void;
  removeCard: () => void;
  setOptions: (patch: Partial<VisitOptions>) => void;
  setCorrections: (c: Corrections) => void;
  submit: () => Promise<void>;
  reset: () => void;
}

const INITIAL_OPTIONS: VisitOptions = {
  clinicCode: null,
  visitKind: 'outpatient',
  hasReferral: false,
  selfPay: false,
};

/** The desk's check-in flow: scan → preview (read-only) → corrections and options → check in → ticket. */
export function useDesk(facilityCode: string | null): Desk {
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [card, setCard] = useState<string | null>(null);
  const [options, setOptionsState] = useState<VisitOptions>(INITIAL_OPTIONS);
  const [corrections, setCorrections] = useState<Corrections>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CheckinResult | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const previewRef = useRef<Preview | null>(null);
  previewRef.current = preview;

  const input = useMemo((): CheckinInput | null => {
    if (!identity) return null;
    const body: CheckinInput =
      identity.kind === 'text'
        ? { text: identity.text }
        : { fullName: identity.fullName, birthDate: identity.birthDate };
    if (card) {
      if (scanKind(card) === 'cardQr') body.cardText = card;
      else body.bhytCode = card;
    }
    if (facilityCode) body.facilityCode = facilityCode;
    if (options.clinicCode) body.clinicCode = options.clinicCode;
    body.visitKind = options.visitKind;
    body.hasReferral = options.hasReferral;
    body.selfPay = options.selfPay;
    return body;
  }, [identity, card, facilityCode, options]);

  // The preview follows the input (scan, card, clinic, visit kind, referral change the assessment).
  const previewKey = input ? JSON.stringify(input) : '';
  useEffect(() => {
    if (!input || result) return;
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    previewCheckin(input, ctrl.signal).then(
      (p) => {
        setPreview(p);
        setLoading(false);
      },
      (e: unknown) => {
        if (isAbort(e)) return;
        setPreview(null);
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      ctrl.abort();
    };
  }, [previewKey, result]); // keyed on the request content: `input` itself is a new object each render

  const reset = useCallback(() => {
    setIdentity(null);
    setCard(null);
    setOptionsState((o) => ({ ...INITIAL_OPTIONS, clinicCode: o.clinicCode }));
    setCorrections({});
    setPreview(null);
    setError(null);
    setResult(null);
    setSubmitError(null);
  }, []);

  const scan = useCallback(
    (text: string) => {
      const t = text.trim();
      if (!t) return;
      const kind = scanKind(t);
      const current = previewRef.current;
      setResult(null);
      setSubmitError(null);
      // A card scanned after the ID card belongs to the same patient.
      if (
        current &&
        kind !== 'identity' &&
        identity?.kind === 'text' &&
        scanKind(identity.text) === 'identity'
      ) {
        setCard(t);
        return;
      }
      setIdentity({ kind: 'text', text: t });
      setCard(null);
      setCorrections({});
      setOptionsState((o) => ({ ...o, selfPay: false, hasReferral: false }));
    },
    [identity],
  );

  const searchByName = useCallback((fullName: string, birthDate: string) => {
    setResult(null);
    setSubmitError(null);
    setIdentity({ kind: 'name', fullName, birthDate });
    setCard(null);
    setCorrections({});
  }, []);

  const submit = useCallback(async () => {
    if (!input || !options.clinicCode) return;
    setSubmitting(true);
    setSubmitError(null);
    try {
      const hasCorrections = Object.keys(corrections).length > 0;
      const r = await checkIn({
        ...input,
        clinicCode: options.clinicCode,
        ...(hasCorrections ? { corrections } : {}),
      });
      setResult(r);
    } catch (e) {
      setSubmitError(e);
    } finally {
      setSubmitting(false);
    }
  }, [input, options.clinicCode, corrections]);

  return {
    identity,
    card,
    options,
    corrections,
    preview,
    loading,
    error,
    result,
    submitting,
    submitError,
    scan,
    searchByName,
    removeCard: () => {
      setCard(null);
    },
    setOptions: (patch) => {
      setOptionsState((o) => ({ ...o, ...patch }));
    },
    setCorrections,
    submit,
    reset,
  };
}
