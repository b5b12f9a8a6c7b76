/**
 * Turns a planned piece of care (an `Intent`) into visits: where, when, which type of encounter
 * (MA_LOAI_KCB), what was done (lines) and how it ended (discharge, referral, follow-up).
 */
import { ageOn, fromEpochDay } from './dates.ts';
import { DRUGS, SERVICES, SUPPLIES, VACCINES, type ServiceKey } from './episodes-catalogue.ts';
import {
  CHRONIC,
  ICD_NAMES,
  type AcuteCondition,
  type DrugUse,
  type ExamKind,
  type Specialty,
} from './episodes-conditions.ts';
import type { Line } from './episodes-lines.ts';
import { roleOf, type CareNetwork } from './episodes-network.ts';
import type { Intent } from './episodes-plan.ts';
import type { Rng } from './prng.ts';
import type { SynthFacility } from './types.ts';
import type { SynthResident } from './persons.ts';

export type EpisodeKind =
  | 'outpatient'
  | 'inpatient'
  | 'day-care'
  | 'station-stay'
  | 'chronic'
  | 'vaccination'
  | 'antenatal'
  | 'delivery';

export interface Visit {
  readonly person: SynthResident;
  readonly facility: SynthFacility;
  readonly kind: EpisodeKind;
  /** MA_LOAI_KCB. */
  readonly loaiKcb: '01' | '03' | '04' | '06';
  /** Minutes since the epoch. */
  readonly arrival: number;
  readonly admission: number | null;
  readonly discharge: number;
  readonly main: readonly [icd: string, name: string];
  readonly secondary: readonly (readonly [string, string])[];
  readonly complaint: string;
  readonly departments: readonly string[];
  readonly lines: readonly Line[];
  /** KET_QUA_DTRI and MA_LOAI_RV. */
  readonly outcome: string;
  readonly dischargeType: '1' | '2';
  readonly emergency: boolean;
  readonly injury: number | null;
  readonly treatment: string;
  readonly advice: string;
  /** Referral out: the receiving facility. */
  readonly referTo: SynthFacility | null;
  /** Referral out: the letter number (GIAY_CHUYEN_TUYEN). */
  readonly letter: string | null;
  /** Referral in: the sending facility and the letter number. */
  readonly referredFrom: { readonly facility: SynthFacility; readonly letter: string } | null;
  /** Re-exam appointment (epoch day). */
  readonly followUp: number | null;
  /** MA_DOITUONG_KCB when it is decided by the kind of visit (re-exam after referral). */
  readonly category: string | null;
  readonly delivery: DeliveryInfo | null;
  readonly specialty: Specialty;
}

export interface DeliveryInfo {
  readonly newborn: SynthResident;
  readonly father: SynthResident | null;
  readonly caesarean: boolean;
}

const EXAMS: Readonly<Record<ExamKind, ServiceKey>> = {
  internal: 'examInternal',
  surgical: 'examSurgical',
  paediatric: 'examPaediatric',
  obstetric: 'examObstetric',
  eye: 'examEye',
  skin: 'examSkin',
};

const DEPARTMENTS: Readonly<Record<ExamKind, string>> = {
  internal: 'K03',
  surgical: 'K19',
  paediatric: 'K14',
  obstetric: 'K27',
  eye: 'K37',
  skin: 'K24',
};

const BEDS: Readonly<Record<ExamKind, ServiceKey>> = {
  internal: 'bedInternal',
  surgical: 'bedSurgical',
  paediatric: 'bedPaediatric',
  obstetric: 'bedObstetric',
  eye: 'bedInternal',
  skin: 'bedInternal',
};

const isSunday = (day: number): boolean => (((day + 4) % 7) + 7) % 7 === 0;

/** Working-hours arrival on `day` (Sunday visits move to Monday), in minutes since the epoch. */
function officeArrival(rng: Rng, day: number): number {
  const d = isSunday(day) ? day + 1 : day;
  return d * 1440 + rng.range(7 * 60, 15 * 60 + 30);
}

/** Context for building the lines of one visit. */
class LineBuilder {
  readonly lines: Line[] = [];
  constructor(
    private readonly rng: Rng,
    private readonly network: CareNetwork,
    readonly facility: SynthFacility,
    private readonly icd: string,
    private readonly findings: readonly string[],
    private readonly imagingFinding: string | undefined,
  ) {}

  private get staff() {
    return this.network.staff(this.facility);
  }

  doctor(): string {
    return this.rng.pick(this.staff.codes);
  }

  private hospitalPrice(price: number): number {
    // Private clinics charge more than the BHYT price; the patient pays the difference (T_BNTT).
    return roleOf(this.facility) === 'clinic' ? Math.round((price * 1.6) / 100) * 100 : price;
  }

  service(key: ServiceKey, at: number, dept: string, quantity = 1, bed?: string): number {
    const service = SERVICES[key];
    const measured = service.kind === 'lab' || service.kind === 'imaging' || service.kind === 'function';
    const doneAt =
      at + (measured ? this.rng.range(5, 25) : service.kind === 'bed' ? 0 : this.rng.range(10, 40));
    const resultAt = measured ? doneAt + this.rng.range(20, 90) : undefined;
    this.lines.push({
      kind: 'service',
      service,
      quantity,
      hospitalPrice: this.hospitalPrice(service.price),
      orderedAt: at,
      doneAt,
      ...(resultAt !== undefined ? { resultAt } : {}),
      dept,
      doctor: this.doctor(),
      performer: this.doctor(),
      icd: this.icd,
      ...(bed !== undefined ? { bed } : {}),
      findings: this.findings,
      ...(this.imagingFinding !== undefined ? { imagingFinding: this.imagingFinding } : {}),
    });
    return resultAt ?? doneAt;
  }

  supply(key: keyof typeof SUPPLIES, at: number, dept: string, quantity: number): void {
    this.lines.push({
      kind: 'supply',
      supply: SUPPLIES[key],
      quantity,
      orderedAt: at,
      doneAt: at + this.rng.range(5, 30),
      dept,
      doctor: this.doctor(),
      icd: this.icd,
    });
  }

  /** An outpatient prescription: one line per drug for the whole course. */
  prescribe(uses: readonly DrugUse[], at: number, dept: string, child: boolean): void {
    for (const use of uses) {
      if (use.p !== undefined && !this.rng.chance(use.p)) continue;
      const drug = DRUGS[use.drug];
      const days = this.rng.range(use.days[0], use.days[1]);
      const perDose = child && drug.unit === 'Viên' ? 0.5 : drug.perDose;
      const perDay = perDose * drug.perDay;
      const quantity = drug.route === '1.01' ? perDay * days : Math.min(perDay * days, drug.perDay * 2);
      this.lines.push({
        kind: 'drug',
        drug,
        quantity,
        dose: `${perDose} ${drug.unit}/lần * ${drug.perDay} lần/ngày * ${days} ngày [${perDay} ${drug.unit}/ngày]`,
        orderedAt: at,
        doneAt: at + this.rng.range(5, 20),
        dept,
        doctor: this.doctor(),
      });
    }
  }

  /** Inpatient orders: one line per drug and day of use, none before `startAt` (minutes). */
  daily(uses: readonly DrugUse[], startAt: number, lastDay: number, dept: string, child: boolean): void {
    const doctor = this.doctor();
    const firstDay = Math.floor(startAt / 1440);
    for (const use of uses) {
      if (use.p !== undefined && !this.rng.chance(use.p)) continue;
      const drug = DRUGS[use.drug];
      const days = Math.min(lastDay - firstDay + 1, this.rng.range(use.days[0], use.days[1]));
      const perDose = child && drug.unit === 'Viên' ? 0.5 : drug.perDose;
      for (let d = 0; d < days; d++) {
        const at = Math.max(
          startAt + this.rng.range(5, 30),
          (firstDay + d) * 1440 + 8 * 60 + this.rng.range(0, 45),
        );
        this.lines.push({
          kind: 'drug',
          drug,
          quantity: perDose * drug.perDay,
          dose: `${perDose} ${drug.unit}/lần * ${drug.perDay} lần/ngày * 1 ngày [${perDose * drug.perDay} ${drug.unit}/ngày]`,
          orderedAt: at,
          doneAt: at + this.rng.range(10, 60),
          dept,
          doctor,
        });
      }
    }
  }

  vaccinate(keys: readonly string[], at: number, dept: string): void {
    for (const key of keys) {
      const drug = VACCINES[key as keyof typeof VACCINES];
      this.lines.push({
        kind: 'drug',
        drug,
        quantity: 1,
        dose: '1 Liều/lần * 1 lần/ngày * 1 ngày [1 Liều/ngày]',
        orderedAt: at,
        doneAt: at + this.rng.range(5, 20),
        dept,
        doctor: this.doctor(),
      });
    }
  }

  /** Labs and imaging with their probabilities; returns the time the last result is ready. */
  workup(items: readonly (readonly [ServiceKey, number])[], at: number, dept: string): number {
    let ready = at;
    for (const [key, p] of items) {
      if (this.rng.chance(p)) ready = Math.max(ready, this.service(key, at + this.rng.range(0, 10), dept));
    }
    return ready;
  }
}

/** Tests a district centre or hospital adds to most visits whatever the complaint. */
function baselineWorkup(age: number): (readonly [ServiceKey, number])[] {
  return [
    ['cbc', 0.5],
    ['urine', 0.25],
    ['glucose', age >= 40 ? 0.5 : 0.1],
    ['creatinine', age >= 50 ? 0.35 : 0.05],
    ['alt', age >= 18 ? 0.2 : 0],
    ['ast', age >= 18 ? 0.2 : 0],
  ];
}

/** Condition-specific items first, then the baseline ones not already ordered. */
function withBaseline(
  items: readonly (readonly [ServiceKey, number])[],
  age: number,
): (readonly [ServiceKey, number])[] {
  const keys = new Set(items.map(([k]) => k));
  return [...items, ...baselineWorkup(age).filter(([k]) => !keys.has(k))];
}

const examKindFor = (c: AcuteCondition, age: number): ExamKind =>
  age < 16 && c.exam === 'internal' ? 'paediatric' : c.exam;

export interface VisitContext {
  readonly network: CareNetwork;
  /** Last epoch day (exclusive) of the window: nothing happens on or after it. */
  readonly end: number;
}

function chooseAcuteFacility(
  ctx: VisitContext,
  p: SynthResident,
  c: AcuteCondition,
  age: number,
  rng: Rng,
): SynthFacility {
  const commune = p.address.communeCode;
  const net = ctx.network;
  const specialty: Specialty = age < 16 && c.specialty === 'general' ? 'paediatric' : c.specialty;
  const emergency = c.injury === 1 || c.key === 'stroke' || c.key === 'appendicitis';
  const x = rng.float();
  if (emergency) return x < 0.5 ? net.centre(commune) : net.hospital(commune, specialty, rng);
  if (specialty !== 'general' && specialty !== 'paediatric' && x < 0.35)
    return net.hospital(commune, specialty, rng);
  const old = age >= 60;
  if (x < (old ? 0.3 : 0.38)) return net.station(commune);
  if (x < (old ? 0.68 : 0.72)) return net.centre(commune);
  if (x < 0.9) return net.hospital(commune, specialty, rng);
  return net.clinic(rng);
}

interface Draft {
  facility: SynthFacility;
  arrival: number;
  emergency: boolean;
}

/** Visits for one intent: one, or two when the patient is referred on the same day. */
export function visitsFor(ctx: VisitContext, intent: Intent, rng: Rng): Visit[] {
  switch (intent.kind) {
    case 'vaccination':
      return [vaccinationVisit(ctx, intent, rng)];
    case 'antenatal':
      return [antenatalVisit(ctx, intent, rng)];
    case 'chronic':
      return chronicVisits(ctx, intent, rng);
    case 'delivery':
      return [deliveryVisit(ctx, intent, rng)];
    case 'acute':
      return acuteVisits(ctx, intent, rng);
  }
}

function base(
  intent: Intent,
  d: Draft,
  rest: Partial<Visit> &
    Pick<Visit, 'kind' | 'loaiKcb' | 'discharge' | 'main' | 'complaint' | 'departments' | 'lines'>,
): Visit {
  return {
    person: intent.person,
    facility: d.facility,
    arrival: d.arrival,
    admission: null,
    secondary: [],
    outcome: '1',
    dischargeType: '1',
    emergency: d.emergency,
    injury: null,
    treatment: 'Điều trị ngoại trú',
    advice: 'Uống thuốc theo đơn, tái khám khi có bất thường.',
    referTo: null,
    letter: null,
    referredFrom: null,
    followUp: null,
    category: null,
    delivery: null,
    specialty: 'general',
    ...rest,
    // Nothing is ordered after the patient left.
    discharge: rest.lines.reduce((t, l) => Math.max(t, l.orderedAt + 15), rest.discharge),
  };
}

function vaccinationVisit(ctx: VisitContext, intent: Intent, rng: Rng): Visit {
  const facility = ctx.network.station(intent.person.address.communeCode);
  const arrival = officeArrival(rng, intent.day);
  const icd = intent.vaccineIcd ?? 'Z27.8';
  const lb = new LineBuilder(rng, ctx.network, facility, icd, [], undefined);
  lb.vaccinate(intent.vaccines ?? [], arrival + rng.range(10, 30), 'K01');
  return base(
    intent,
    { facility, arrival, emergency: false },
    {
      kind: 'vaccination',
      loaiKcb: '01',
      discharge: arrival + rng.range(45, 75),
      main: [icd, ICD_NAMES[icd] ?? icd],
      complaint: 'Tiêm chủng mở rộng theo lịch',
      departments: ['K01'],
      lines: lb.lines,
      treatment: 'Tiêm chủng',
      advice: 'Theo dõi phản ứng sau tiêm 30 phút tại trạm và 24 giờ tại nhà.',
    },
  );
}

function antenatalVisit(ctx: VisitContext, intent: Intent, rng: Rng): Visit {
  const commune = intent.person.address.communeCode;
  const x = rng.float();
  const facility =
    x < 0.55
      ? ctx.network.station(commune)
      : x < 0.85
        ? ctx.network.centre(commune)
        : ctx.network.hospital(commune, 'obstetric', rng);
  const arrival = officeArrival(rng, intent.day);
  const station = roleOf(facility) === 'station';
  const lb = new LineBuilder(rng, ctx.network, facility, 'Z34.9', [], undefined);
  const dept = station ? 'K01' : 'K27';
  lb.service(station ? 'examStation' : 'examObstetric', arrival + 5, dept);
  const ready = station
    ? arrival + 20
    : lb.workup(
        [
          ['fetalUltrasound', 0.8],
          ['cbc', 0.4],
          ['urine', 0.5],
          ['glucose', 0.3],
        ],
        arrival + 20,
        dept,
      );
  lb.prescribe(
    [
      { drug: 'ironFolic', days: [28, 30] },
      { drug: 'calcium', days: [28, 30], p: 0.6 },
    ],
    ready + 10,
    dept,
    false,
  );
  const next = intent.day + rng.range(50, 70);
  return base(
    intent,
    { facility, arrival, emergency: false },
    {
      kind: 'antenatal',
      loaiKcb: '01',
      discharge: ready + rng.range(20, 40),
      main: ['Z34.9', ICD_NAMES['Z34.9'] ?? 'Z34.9'],
      complaint: 'Khám thai định kỳ',
      departments: [dept],
      lines: lb.lines,
      advice: 'Ăn uống đủ chất, uống viên sắt hằng ngày, khám thai đúng hẹn.',
      followUp: rng.chance(0.6) && next < ctx.end + 90 ? next : null,
      specialty: 'obstetric',
    },
  );
}

function chronicVisits(ctx: VisitContext, intent: Intent, rng: Rng): Visit[] {
  const p = intent.person;
  const kinds =
    intent.chronic === 'both'
      ? (['dm', 'htn'] as const)
      : intent.chronic === 'dm'
        ? (['dm'] as const)
        : (['htn'] as const);
  const mainC = CHRONIC[kinds[0]];
  const facility = intent.atCentre
    ? ctx.network.centre(p.address.communeCode)
    : ctx.network.station(p.address.communeCode);
  const station = roleOf(facility) === 'station';
  const arrival = officeArrival(rng, intent.day);
  const findings = kinds.map((k) => k);
  const lb = new LineBuilder(rng, ctx.network, facility, mainC.icd, findings, undefined);
  const dept = 'K01';
  lb.service(station ? 'examStation' : 'examInternal', arrival + 5, dept);
  let ready = arrival + 20;
  if (!station) {
    const items = kinds.flatMap((k) => CHRONIC[k].labs);
    const seen = new Set<string>();
    ready = lb.workup(
      items.filter(([k]) => !seen.has(k) && (seen.add(k), true)),
      arrival + 15,
      dept,
    );
    lb.workup(
      kinds.flatMap((k) => CHRONIC[k].imaging),
      arrival + 15,
      dept,
    );
  }
  const drugs = kinds.flatMap((k) => CHRONIC[k].drugs);
  const seenDrugs = new Set<string>();
  lb.prescribe(
    drugs.filter((d) => !seenDrugs.has(d.drug) && (seenDrugs.add(d.drug), true)),
    ready + 10,
    dept,
    false,
  );
  const secondary = kinds.length > 1 ? [[CHRONIC.htn.icd, CHRONIC.htn.name] as const] : [];
  const next = intent.day + rng.range(28, 35);
  return [
    base(
      intent,
      { facility, arrival, emergency: false },
      {
        kind: 'chronic',
        loaiKcb: '01',
        discharge: ready + rng.range(20, 45),
        main: [mainC.icd, mainC.name],
        secondary,
        complaint: mainC.complaint,
        departments: [dept],
        lines: lb.lines,
        advice: 'Ăn nhạt, hạn chế mỡ và đường, tập thể dục, uống thuốc đều, tái khám đúng hẹn.',
        followUp: rng.chance(0.6) ? next : null,
        specialty: 'cardio',
      },
    ),
  ];
}

const REFERRAL_SCALE = 2.2;

function acuteVisits(ctx: VisitContext, intent: Intent, rng: Rng): Visit[] {
  const p = intent.person;
  const c = intent.acute;
  if (!c) return [];
  const age = ageOn(p.birthDate, fromEpochDay(intent.day));
  const facility = chooseAcuteFacility(ctx, p, c, age, rng);
  const emergency = c.injury === 1 || c.key === 'stroke' || c.key === 'appendicitis';
  const arrival = emergency ? intent.day * 1440 + rng.range(0, 1439) : officeArrival(rng, intent.day);
  const role = roleOf(facility);
  const referProbability =
    role === 'station' || role === 'clinic'
      ? c.refer * REFERRAL_SCALE * 1.5
      : role === 'centre'
        ? c.refer * REFERRAL_SCALE
        : 0;
  if (rng.chance(referProbability)) {
    const specialty: Specialty = age < 16 && c.specialty === 'general' ? 'paediatric' : c.specialty;
    const target = ctx.network.referralTarget(facility, p.address.communeCode, specialty, rng);
    const letter = `${rng.range(1, 9999)}/${fromEpochDay(intent.day).slice(0, 4)}/GCT`;
    const out = {
      ...referralOutVisit(ctx, intent, c, age, { facility, arrival, emergency }, target, rng),
      letter,
    };
    const inArrival = out.discharge + rng.range(40, 150);
    if (Math.floor(inArrival / 1440) >= ctx.end) return [out];
    const received = acuteCare(
      ctx,
      intent,
      c,
      age,
      { facility: target, arrival: inArrival, emergency: true },
      rng,
      {
        facility,
        letter,
      },
    );
    return [out, received];
  }
  return [acuteCare(ctx, intent, c, age, { facility, arrival, emergency }, rng, null)];
}

function secondaryOf(c: AcuteCondition, rng: Rng): (readonly [string, string])[] {
  return (c.secondary ?? [])
    .filter(([, p]) => rng.chance(p))
    .map(([icd]) => [icd, ICD_NAMES[icd] ?? icd] as const);
}

function referralOutVisit(
  ctx: VisitContext,
  intent: Intent,
  c: AcuteCondition,
  age: number,
  d: Draft,
  target: SynthFacility,
  rng: Rng,
): Visit {
  const station = roleOf(d.facility) === 'station';
  const kind = examKindFor(c, age);
  const dept = station ? 'K01' : 'K01';
  const lb = new LineBuilder(rng, ctx.network, d.facility, c.icd, c.findings ?? [], c.imagingFinding);
  lb.service(station ? 'examStation' : EXAMS[kind], d.arrival + 5, dept);
  const ready = station ? d.arrival + 20 : lb.workup(c.labs.slice(0, 2), d.arrival + 15, dept);
  lb.prescribe(c.drugs.slice(0, 1), ready + 5, dept, age < 12);
  return base(intent, d, {
    kind: 'outpatient',
    loaiKcb: '01',
    discharge: ready + rng.range(15, 40),
    main: [c.icd, c.name],
    secondary: secondaryOf(c, rng),
    complaint: c.complaint,
    departments: [dept],
    lines: lb.lines,
    outcome: '3',
    dischargeType: '2',
    injury: c.injury ?? null,
    treatment: 'Xử trí ban đầu, chuyển tuyến',
    advice: 'Chuyển tuyến trên điều trị tiếp.',
    referTo: target,
    specialty: c.specialty,
  });
}

function acuteCare(
  ctx: VisitContext,
  intent: Intent,
  c: AcuteCondition,
  age: number,
  d: Draft,
  rng: Rng,
  referredFrom: Visit['referredFrom'],
): Visit {
  const role = roleOf(d.facility);
  const child = age < 12;
  const examKind = examKindFor(c, age);
  const station = role === 'station';
  const lb = new LineBuilder(rng, ctx.network, d.facility, c.icd, c.findings ?? [], c.imagingFinding);
  const arrivalDay = Math.floor(d.arrival / 1440);
  const common = {
    main: [c.icd, c.name] as const,
    secondary: secondaryOf(c, rng),
    complaint: c.complaint,
    injury: c.injury ?? null,
    referredFrom,
    specialty: c.specialty,
  };
  const admitP = station ? c.admit * 0.15 : c.admit * (referredFrom ? 2.5 : 1.6);
  const dayCare = !station && (c.key === 'dorsalgia' || c.key === 'knee') && rng.chance(0.12);
  if (dayCare) {
    const dept = 'K03';
    lb.service(EXAMS[examKind], d.arrival + 5, 'K01');
    const start = d.arrival + rng.range(30, 60);
    lb.service('bedDay', start, dept, 1);
    lb.daily(c.drugs, start, arrivalDay, dept, child);
    return base(intent, d, {
      ...common,
      kind: 'day-care',
      loaiKcb: '04',
      admission: start,
      discharge: arrivalDay * 1440 + 16 * 60 + rng.range(0, 60),
      departments: ['K01', dept],
      lines: lb.lines,
      outcome: '2',
      treatment: 'Điều trị nội trú ban ngày: thuốc, vật lý trị liệu',
      advice: 'Tập vận động nhẹ, tránh mang vác nặng.',
    });
  }
  if (rng.chance(Math.min(1, admitP))) {
    const dept = station ? 'K01' : DEPARTMENTS[examKind];
    const stay = station ? rng.range(1, 2) : rng.range(c.stay[0], c.stay[1]);
    const lastDay = Math.min(arrivalDay + stay - 1, ctx.end - 1);
    lb.service(station ? 'examStation' : EXAMS[examKind], d.arrival + 5, 'K01');
    const ready = station
      ? d.arrival + 20
      : lb.workup(withBaseline([...c.labs, ...(c.imaging ?? [])], age), d.arrival + 15, 'K01');
    const admission = ready + rng.range(10, 40);
    if (c.procedure) lb.service(c.procedure, admission + rng.range(60, 240), dept);
    lb.daily(c.drugs, admission, lastDay, dept, child);
    const bedKey = station ? 'bedStation' : BEDS[examKind];
    const nights = Math.max(1, lastDay - arrivalDay);
    const bed = `H${String(rng.range(1, 60)).padStart(3, '0')}`;
    for (let n = 0; n < nights; n++) {
      lb.service(bedKey, Math.max(admission + 5, (arrivalDay + n) * 1440 + 12 * 60), dept, 1, bed);
    }
    if (!station) {
      lb.supply('cannula', admission + 20, dept, 1);
      lb.supply('infusionSet', admission + 20, dept, Math.min(3, nights));
      lb.supply('syringe', admission + 20, dept, 2 * nights);
    }
    const discharge = Math.max(admission + 60, lastDay * 1440 + rng.range(9 * 60, 11 * 60));
    const follow = lastDay + rng.range(7, 14);
    return base(intent, d, {
      ...common,
      kind: station ? 'station-stay' : 'inpatient',
      loaiKcb: station ? '06' : '03',
      admission,
      discharge,
      departments: station ? ['K01'] : ['K01', dept],
      lines: lb.lines,
      outcome: rng.chance(0.7) ? '2' : '1',
      emergency: d.emergency,
      treatment: c.procedure ? 'Phẫu thuật/thủ thuật kết hợp điều trị nội khoa' : 'Điều trị nội khoa',
      advice: 'Nghỉ ngơi, dùng thuốc theo đơn, tái khám theo hẹn.',
      followUp: rng.chance(0.5) ? follow : null,
    });
  }
  const dept = 'K01';
  lb.service(station ? 'examStation' : EXAMS[examKind], d.arrival + 5, dept);
  let ready = d.arrival + 20;
  if (!station) ready = lb.workup(withBaseline([...c.labs, ...(c.imaging ?? [])], age), d.arrival + 15, dept);
  if (c.procedure && c.procedure !== 'appendectomy') lb.service(c.procedure, ready + 10, dept);
  if (c.key === 'handWound') lb.supply('suture', ready + 10, dept, 1);
  lb.prescribe(c.drugs, ready + 15, dept, child);
  const follow = intent.day + rng.range(5, 7);
  return base(intent, d, {
    ...common,
    kind: 'outpatient',
    loaiKcb: '01',
    discharge: ready + rng.range(25, 50),
    departments: [dept],
    lines: lb.lines,
    followUp: !station && rng.chance(0.12) ? follow : null,
    category: null,
  });
}

function deliveryVisit(ctx: VisitContext, intent: Intent, rng: Rng): Visit {
  const p = intent.person;
  const newborn = intent.newborn;
  if (!newborn) throw new RangeError('delivery without newborn');
  const commune = p.address.communeCode;
  const x = rng.float();
  const facility =
    x < 0.45
      ? ctx.network.hospital(commune, 'obstetric', rng)
      : x < 0.95
        ? ctx.network.centre(commune)
        : ctx.network.hospital(commune, 'general', rng);
  const caesarean = intent.caesarean === true;
  const icd = caesarean ? 'O82' : 'O80';
  const lb = new LineBuilder(rng, ctx.network, facility, icd, [], undefined);
  const birth = intent.day * 1440 + birthMinute(newborn);
  const arrival = Math.max(birth - rng.range(3 * 60, 10 * 60), (intent.day - 1) * 1440);
  const admission = arrival + rng.range(15, 45);
  const dept = 'K27';
  lb.service('examObstetric', arrival + 5, 'K01');
  lb.workup(
    [
      ['cbc', 1],
      ['urine', 0.6],
      ['fetalUltrasound', 0.9],
    ],
    arrival + 10,
    'K01',
  );
  lb.service(caesarean ? 'caesarean' : 'normalDelivery', Math.max(admission + 5, birth - 45), dept);
  const firstDay = Math.floor(arrival / 1440);
  const stay = caesarean ? rng.range(4, 5) : rng.range(2, 3);
  const lastDay = Math.min(firstDay + stay, ctx.end - 1);
  lb.daily(
    [
      { drug: 'oxytocin', days: [1, 1] },
      { drug: caesarean ? 'cefazolin' : 'amoxicillin', days: [3, 5] },
      { drug: 'paracetamol', days: [2, 3] },
      { drug: 'ironFolic', days: [3, 5] },
      { drug: 'calcium', days: [3, 5], p: 0.6 },
      ...(caesarean ? [{ drug: 'ringer' as const, days: [1, 2] as const }] : []),
    ],
    birth,
    lastDay,
    dept,
    false,
  );
  const nights = Math.max(1, lastDay - firstDay);
  const bed = `H${String(rng.range(1, 60)).padStart(3, '0')}`;
  for (let n = 0; n < nights; n++) {
    lb.service('bedObstetric', Math.max(admission + 5, (firstDay + n) * 1440 + 12 * 60), dept, 1, bed);
  }
  lb.supply('cannula', admission + 20, dept, 1);
  lb.supply('syringe', admission + 20, dept, 2 * nights);
  if (caesarean) lb.supply('suture', birth - 30, dept, 2);
  return base(
    intent,
    { facility, arrival, emergency: false },
    {
      kind: 'delivery',
      loaiKcb: '03',
      admission,
      discharge: Math.max(birth + 6 * 60, lastDay * 1440 + rng.range(9 * 60, 11 * 60)),
      main: [icd, ICD_NAMES[icd] ?? icd],
      complaint: caesarean ? 'Thai đủ tháng, chuyển dạ, có chỉ định mổ lấy thai' : 'Thai đủ tháng, chuyển dạ',
      departments: ['K01', dept],
      lines: lb.lines,
      outcome: '1',
      treatment: caesarean ? 'Phẫu thuật lấy thai' : 'Đỡ đẻ thường',
      advice: 'Cho con bú sớm, vệ sinh, tái khám sau sinh và tiêm chủng cho trẻ đúng lịch.',
      followUp: rng.chance(0.5) ? lastDay + 7 : null,
      delivery: { newborn, father: intent.father ?? null, caesarean },
      specialty: 'obstetric',
    },
  );
}

/** Minute of the day a person was born (fixed per person, derived from their id). */
export function birthMinute(p: SynthResident): number {
  return Number.parseInt(p.id.slice(0, 6), 16) % 1440;
}
