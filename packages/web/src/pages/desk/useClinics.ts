import { useEffect, useState } from 'react';
import { listClinics, type Clinic } from '../../api/checkin.ts';
import { isAbort } from '../../api/client.ts';

export type ClinicsState =
  | { status: 'idle' | 'loading'; clinics: Clinic[] }
  | { status: 'ready'; clinics: Clinic[] }
  | { status: 'error'; clinics: Clinic[]; error: unknown };

/** The clinics (queues) of a facility; reloaded when the facility changes. */
export function useClinics(facilityCode: string | null): ClinicsState {
  const [state, setState] = useState<ClinicsState>({ status: 'idle', clinics: [] });
  useEffect(() => {
    if (!facilityCode || !/^[0-9A-Z]{5}$/.test(facilityCode)) {
      setState({ status: 'idle', clinics: [] });
      return;
    }
    const ctrl = new AbortController();
    setState({ status: 'loading', clinics: [] });
    listClinics(facilityCode, ctrl.signal).then(
      (r) => {
        setState({ status: 'ready', clinics: r.items });
      },
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', clinics: [], error });
      },
    );
    return () => {
      ctrl.abort();
    };
  }, [facilityCode]);
  return state;
}
