/** Roles of DESIGN.md §5, with the Vietnamese label shown in the UI. */
export const ROLES = {
  citizen: 'Người dân',
  clinician: 'Bác sĩ / nhân viên y tế',
  registrar: 'Nhân viên tiếp đón',
  station_staff: 'Nhân viên trạm y tế',
  facility_admin: 'Quản trị cơ sở',
  analyst: 'Chuyên viên Sở Y tế',
  police_liaison: 'Công an (lưu trú)',
  integration_client: 'Hệ thống tích hợp',
  admin: 'Quản trị hệ thống',
} as const;

export type Role = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}
