/** All code lists, by id. Fields refer to them through `FieldSpec.codes`. */
import { COMMON_CODE_LISTS } from './codes/common.ts';
import { DMDC_CODE_LISTS } from './codes/dmdc.ts';
import { HIV_CODE_LISTS } from './codes/hiv.ts';
import { GDYK_CODE_LISTS, TB_CODE_LISTS } from './codes/tb-gdyk.ts';
import type { CodeList } from './codes/types.ts';

export type { CodeEntry, CodeList } from './codes/types.ts';

export const CODE_LISTS = {
  ...COMMON_CODE_LISTS,
  ...DMDC_CODE_LISTS,
  ...HIV_CODE_LISTS,
  ...GDYK_CODE_LISTS,
  ...TB_CODE_LISTS,
} as const satisfies Record<string, CodeList>;

export type CodeListId = keyof typeof CODE_LISTS;
