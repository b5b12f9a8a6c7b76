import { z } from 'zod';

const isoOrYear = z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày sinh dạng YYYY-MM-DD hoặc YYYY');

/** Demographics the desk corrects before checking in (applied in the check-in's transaction). */
export const correctionsSchema = z
  .object({
    fullName: z.string().trim().min(2).max(150).optional(),
    birthDate: isoOrYear.optional(),
    sex: z.enum(['male', 'female', 'unknown']).optional(),
    phone: z
      .string()
      .regex(/^\+?\d{9,12}$/, 'Số điện thoại chỉ gồm chữ số')
      .nullable()
      .optional(),
    addressLine: z.string().trim().max(300).nullable().optional(),
  })
  .strict();

const identityFields = {
  /** What a scanner typed (CCCD / Căn cước QR, BHYT card QR) or any identifier typed into one box. */
  text: z.string().min(1).max(2000).optional(),
  personalId: z.string().trim().min(1).max(20).optional(),
  /** 15-character card code or 10-digit mã số BHXH; alone it identifies the person, beside an ID it is the card. */
  bhytCode: z.string().trim().min(1).max(30).optional(),
  /** VNeID: the app's QR text (same layout as the card QR) or the e-ID number. */
  vneidCode: z.string().min(1).max(2000).optional(),
  /** A BHYT card QR scanned besides the identity document. */
  cardText: z.string().min(1).max(2000).optional(),
  fullName: z.string().trim().min(2).max(150).optional(),
  birthDate: isoOrYear.optional(),
  /** Default: the caller's facility. */
  facilityCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{5}$/, 'Mã cơ sở gồm 5 ký tự')
    .optional(),
  visitKind: z.enum(['outpatient', 'inpatient', 'emergency']).default('outpatient'),
  /** A referral (giấy chuyển tuyến) is presented. */
  hasReferral: z.boolean().default(false),
  /** Declared temporary residence near this facility (TT 01/2025 Đ4). */
  temporaryResidence: z.boolean().default(false),
  /** Check in without BHYT benefits (no card, or an expired card): the person pays. */
  selfPay: z.boolean().default(false),
  corrections: correctionsSchema.optional(),
};

/** A facility code in a path (5 characters, as registered). */
export const facilityCodeParam = z.string().regex(/^[0-9A-Z]{5}$/, 'Mã cơ sở gồm 5 ký tự');

/** A clinic code in a body: trimmed, letters and digits, stored upper-case. */
export const clinicCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,10}$/, 'Mã phòng khám gồm chữ và số')
  .transform((s) => s.toUpperCase());

export const checkinBodySchema = z.object({ ...identityFields, clinicCode });
export const previewBodySchema = z.object({ ...identityFields, clinicCode: clinicCode.optional() });

export type CheckinBody = z.infer<typeof checkinBodySchema>;
export type PreviewBody = z.infer<typeof previewBodySchema>;
export type Corrections = z.infer<typeof correctionsSchema>;

const problem = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const identifier = z.object({
  system: z.string(),
  value: z.string(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  status: z.enum(['active', 'cancelled', 'replaced']),
});

export const personOutSchema = z.object({
  /** Null in a preview of a person not yet in the registry (created at check-in from the QR). */
  id: z.string().nullable(),
  personalId: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['male', 'female', 'unknown']),
  ethnicCode: z.string().nullable(),
  identifiers: z.array(identifier),
  address: z.object({
    provinceCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    line: z.string().nullable(),
  }),
  phone: z.string().nullable(),
});

export const cardOutSchema = z.object({
  code: z.string(),
  kind: z.enum(['cardCode', 'bhxhNumber']),
  objectGroup: z.string().nullable(),
  objectGroupLabel: z.string().nullable(),
  benefitLevel: z.number().nullable(),
  fundPaysPercent: z.number().nullable(),
  bhxhNumber: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  initialFacilityCode: z.string().nullable(),
  fiveYearsFrom: z.string().nullable(),
  /** Where the card data came from: the card QR now, a typed code, or the person's record. */
  source: z.enum(['qr', 'typed', 'record']),
});

export const eligibilityOutSchema = z.object({
  visitDate: z.string(),
  cardStatus: z.enum(['valid', 'expired', 'notYetValid']),
  benefitLevel: z.number().nullable(),
  fundPaysPercent: z.number().nullable(),
  routeStatus: z.enum(['correct', 'referral', 'emergency', 'self_referral']),
  routeRule: z.string(),
  routeRuleConfidence: z.enum(['confirmed', 'secondary', 'unconfirmed']),
  routeBenefitPercent: z.number(),
  fullBenefitRule: z.string().nullable(),
  levelPercentApplied: z.number(),
  effectivePercent: z.number(),
  baseSalary: z.number().nullable(),
  smallCostThreshold: z.number().nullable(),
  smallCostApplies: z.boolean(),
  fiveYearsRule: z.object({
    canApply: z.boolean(),
    from: z.string().nullable(),
    annualCoPaymentCeiling: z.number().nullable(),
    rule: z.string().nullable(),
  }),
  maDoiTuongKcb: z.string().nullable(),
  warnings: z.array(problem).readonly(),
  reasons: z.array(z.string()).readonly(),
});

export const checkinOutSchema = z.object({
  id: z.string(),
  facilityCode: z.string(),
  facilityName: z.string(),
  clinicCode: z.string(),
  clinicName: z.string(),
  day: z.string(),
  checkedInAt: z.string(),
  status: z.enum(['waiting', 'called']),
  calledAt: z.string().nullable(),
  visitKind: z.enum(['outpatient', 'inpatient', 'emergency']),
  inputKind: z.string(),
  selfPay: z.boolean(),
  /** MA_LK of the XML0 record. */
  maLk: z.string(),
  /** This person already held a ticket for this clinic today: the same one is returned. */
  repeated: z.boolean(),
});

export const ticketOutSchema = z.object({
  /** Sequence number in the clinic's queue today (1, 2, 3 …). */
  number: z.number(),
  /** As printed and called: clinic code + number ("K01-007"). */
  label: z.string(),
  clinicCode: z.string(),
  /** 1 = next to be called; 0 = already called. */
  position: z.number(),
  estimatedWaitMinutes: z.number(),
});

export const checkinResponseSchema = z.object({
  person: personOutSchema,
  personCreated: z.boolean(),
  card: cardOutSchema.nullable(),
  eligibility: eligibilityOutSchema.nullable(),
  checkin: checkinOutSchema,
  ticket: ticketOutSchema,
  warnings: z.array(problem),
});

export const previewResponseSchema = z.object({
  person: personOutSchema,
  /** The person is not in the registry yet: a check-in creates the record from the QR data. */
  isNew: z.boolean(),
  inputKind: z.string(),
  card: cardOutSchema.nullable(),
  eligibility: eligibilityOutSchema.nullable(),
  /** Why a check-in with BHYT would be refused (expired card …); the desk may still check in as self-pay. */
  blocking: z.array(problem),
  /** Record vs document, where they differ (the desk can correct the record). */
  differences: z.array(z.object({ field: z.string(), record: z.string().nullable(), document: z.string() })),
  /** This person's ticket today at the given clinic, if any. */
  existing: z.object({ checkinId: z.string(), ticket: ticketOutSchema }).nullable(),
  warnings: z.array(problem),
});

export const clinicOutSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  serviceCode: z.string().nullable(),
  serviceName: z.string().nullable(),
  minutesPerPatient: z.number(),
});

export const queueOutSchema = z.object({
  facilityCode: z.string(),
  facilityName: z.string(),
  clinicCode: z.string(),
  clinicName: z.string(),
  clinicNameEn: z.string().nullable(),
  day: z.string(),
  /** Last ticket called ("K01-007"), null before the first call of the day. */
  nowServing: z.string().nullable(),
  /** Tickets called before it, newest first (at most 5). */
  recentlyCalled: z.array(z.string()),
  /** Next tickets in line (at most 10). */
  next: z.array(z.string()),
  waitingCount: z.number(),
  lastIssued: z.string().nullable(),
  /** Wait for a ticket taken now, minutes. */
  estimatedWaitMinutes: z.number(),
  updatedAt: z.string(),
});
