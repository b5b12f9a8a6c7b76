import { cardValidity, parseBhytCode, type EligibilityCard } from '@suckhoe/domain';
import type { CardInput } from './input.ts';
import type { Candidate, StoredCard } from './repo.ts';

/** The card as the API returns it. */
export interface CardOut {
  code: string;
  kind: 'cardCode' | 'bhxhNumber';
  objectGroup: string | null;
  objectGroupLabel: string | null;
  benefitLevel: number | null;
  fundPaysPercent: number | null;
  bhxhNumber: string | null;
  validFrom: string | null;
  validTo: string | null;
  initialFacilityCode: string | null;
  fiveYearsFrom: string | null;
  source: 'qr' | 'typed' | 'record';
}

export interface ChosenCard {
  readonly out: CardOut;
  readonly eligibility: EligibilityCard;
  /** Card data to remember for the person (only for a scanned QR). */
  readonly toSave: Omit<StoredCard, 'seenAt'> | null;
}

interface Known {
  code: string;
  validFrom: string | null;
  validTo: string | null;
  initialFacilityCode: string | null;
  fiveYearsFrom: string | null;
}

function build(k: Known, source: CardOut['source'], toSave: ChosenCard['toSave']): ChosenCard | null {
  const r = parseBhytCode(
    k.code,
    k.initialFacilityCode ? { initialFacilityCode: k.initialFacilityCode } : {},
  );
  if (!r.ok) return null;
  const c = r.value;
  return {
    out: {
      code: c.value,
      kind: c.kind,
      objectGroup: c.objectGroup,
      objectGroupLabel: c.objectGroupLabel,
      benefitLevel: c.benefitLevel,
      fundPaysPercent: c.fundPaysPercent,
      bhxhNumber: c.bhxhNumber,
      validFrom: k.validFrom,
      validTo: k.validTo,
      initialFacilityCode: k.initialFacilityCode,
      fiveYearsFrom: k.fiveYearsFrom,
      source,
    },
    eligibility: {
      code: c,
      validFrom: k.validFrom,
      validTo: k.validTo,
      initialFacilityCode: k.initialFacilityCode,
      fiveYearsFrom: k.fiveYearsFrom,
    },
    toSave,
  };
}

/** What the record knows about each card code: the stored card QR data, else the identifier's validity. */
function knownCards(person: Candidate): Known[] {
  const out = new Map<string, Known>();
  for (const c of person.cards) if (!out.has(c.code)) out.set(c.code, { ...c });
  for (const i of person.identifiers) {
    if (i.system !== 'bhyt' || out.has(i.value)) continue;
    out.set(i.value, {
      code: i.value,
      validFrom: i.validFrom,
      validTo: i.validTo,
      initialFacilityCode: null,
      fiveYearsFrom: null,
    });
  }
  return [...out.values()];
}

/** Rank: valid today first, then the latest end of validity. */
function best(cards: readonly Known[], today: string): Known | undefined {
  const score = (k: Known): [number, string] => [
    k.validFrom &&
    k.validTo &&
    cardValidity({ validFrom: k.validFrom, validTo: k.validTo }, today) === 'valid'
      ? 1
      : 0,
    k.validTo ?? '',
  ];
  return [...cards].sort((a, b) => {
    const [va, ta] = score(a);
    const [vb, tb] = score(b);
    return vb - va || tb.localeCompare(ta);
  })[0];
}

/**
 * The BHYT card of this visit: the scanned card QR (complete), a typed code (completed from the record
 * when it knows that card; a bare mã số BHXH picks the record's card with that number), or — with no
 * card given — the person's best card on record. Null when there is none.
 */
export function chooseCard(
  input: CardInput | null,
  person: Candidate | null,
  today: string,
): ChosenCard | null {
  if (input?.qr) {
    const q = input.qr;
    const k: Known = {
      code: q.card.value,
      validFrom: q.validFrom,
      validTo: q.validTo,
      initialFacilityCode: q.initialFacilityCode,
      fiveYearsFrom: q.fiveYearsFrom,
    };
    return build(k, 'qr', k);
  }
  const known = person ? knownCards(person) : [];
  if (input) {
    const code = input.code;
    const match =
      code.kind === 'cardCode'
        ? known.find((k) => k.code === code.value)
        : best(
            known.filter((k) => k.code.endsWith(code.value)),
            today,
          );
    if (match) return build(match, 'record', null);
    return build(
      { code: code.value, validFrom: null, validTo: null, initialFacilityCode: null, fiveYearsFrom: null },
      'typed',
      null,
    );
  }
  const b = best(known, today);
  return b ? build(b, 'record', null) : null;
}

/** Whether the stored card differs from what the QR says (then it is saved again). */
export function cardChanged(person: Candidate, card: Omit<StoredCard, 'seenAt'>): boolean {
  const s = person.cards.find((c) => c.code === card.code);
  return (
    !s ||
    s.validFrom !== card.validFrom ||
    s.validTo !== card.validTo ||
    s.initialFacilityCode !== card.initialFacilityCode ||
    s.fiveYearsFrom !== card.fiveYearsFrom
  );
}
