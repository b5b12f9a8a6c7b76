import { z } from 'zod';
import { IDENTIFIER_SYSTEMS } from './model.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');

export const identifierSchema = z.object({
  system: z.enum(IDENTIFIER_SYSTEMS),
  value: z.string().min(1).max(40),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
});

export const personSchema = z.object({
  id: z.string(),
  personalId: z.string().nullable(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['male', 'female', 'unknown']),
  ethnicCode: z.string().nullable(),
  identifiers: z.array(identifierSchema.extend({ status: z.enum(['active', 'cancelled', 'replaced']) })),
  address: z.object({
    provinceCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    line: z.string().nullable(),
  }),
  phone: z.string().nullable(),
  status: z.enum(['active', 'merged']),
  mergedInto: z.string().nullable(),
});

export const personInputSchema = z.object({
  personalId: z.string().max(20).nullable().optional(),
  fullName: z.string().trim().min(2).max(150),
  birthDate: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Ngày sinh dạng YYYY-MM-DD hoặc YYYY'),
  sex: z.enum(['male', 'female', 'unknown']),
  ethnicCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullable()
    .optional(),
  identifiers: z.array(identifierSchema).max(20).optional(),
  address: z
    .object({
      provinceCode: z
        .string()
        .regex(/^\d{2}$/)
        .nullable()
        .optional(),
      communeCode: z
        .string()
        .regex(/^\d{5}$/)
        .nullable()
        .optional(),
      line: z.string().max(300).nullable().optional(),
    })
    .optional(),
  phone: z
    .string()
    .regex(/^\+?\d{9,12}$/, 'Số điện thoại chỉ gồm chữ số')
    .nullable()
    .optional(),
});

export const personRef = z.object({ person: z.string().min(1).max(64) });
