/** The resource types of the FHIR view and how the API serves each (drives routes and the CapabilityStatement). */
import { IMPORTABLE } from './import/index.ts';

export interface ResourceTypeSpec {
  readonly type: string;
  /** Person-centred: read through the person's record (access check, consent). */
  readonly clinical: boolean;
  readonly search: boolean;
  readonly profile?: string;
  readonly documentation: string;
}

export const RESOURCE_TYPES: readonly ResourceTypeSpec[] = [
  {
    type: 'Patient',
    clinical: true,
    search: true,
    documentation: 'Người dân (danh bạ người dân: định danh, họ tên, giới, ngày sinh, địa chỉ)',
  },
  {
    type: 'Organization',
    clinical: false,
    search: true,
    documentation: 'Cơ sở KCB (mã MA_CSKCB) và tổ chức bên ngoài',
  },
  {
    type: 'Practitioner',
    clinical: false,
    search: true,
    documentation: 'Người hành nghề (số chứng chỉ hành nghề MA_BAC_SI)',
  },
  {
    type: 'PractitionerRole',
    clinical: false,
    search: true,
    documentation: 'Vai trò người hành nghề tại cơ sở (nhận qua FHIR)',
  },
  { type: 'Location', clinical: false, search: true, documentation: 'Địa điểm (nhận qua FHIR)' },
  {
    type: 'Encounter',
    clinical: true,
    search: true,
    documentation: 'Đợt khám chữa bệnh (XML1) và lượt khám nhận qua FHIR',
  },
  {
    type: 'Condition',
    clinical: true,
    search: true,
    documentation: 'Chẩn đoán ICD-10 (MA_BENH_CHINH, MA_BENH_KT), bệnh sử',
  },
  { type: 'MedicationRequest', clinical: true, search: true, documentation: 'Thuốc (XML2)' },
  {
    type: 'MedicationDispense',
    clinical: true,
    search: true,
    documentation: 'Thuốc đã cấp phát (XML2: số lượng, ngày thực hiện y lệnh)',
  },
  {
    type: 'Procedure',
    clinical: true,
    search: true,
    documentation: 'Phẫu thuật, thủ thuật (XML3 nhóm 8, 18; MA_PTTT_QT)',
  },
  {
    type: 'Observation',
    clinical: true,
    search: true,
    documentation: 'Kết quả cận lâm sàng (XML4), dấu hiệu sinh tồn (XML5), cân nặng, nhóm máu',
  },
  {
    type: 'DiagnosticReport',
    clinical: true,
    search: true,
    documentation: 'Phiếu kết quả theo dịch vụ (XML4)',
  },
  { type: 'Immunization', clinical: true, search: true, documentation: 'Tiêm chủng' },
  { type: 'AllergyIntolerance', clinical: true, search: true, documentation: 'Dị ứng' },
  { type: 'ServiceRequest', clinical: true, search: true, documentation: 'Giấy chuyển tuyến (XML13)' },
  { type: 'Appointment', clinical: true, search: true, documentation: 'Giấy hẹn khám lại (XML14)' },
  {
    type: 'DocumentReference',
    clinical: true,
    search: true,
    documentation: 'Giấy ra viện, tóm tắt bệnh án, giấy chứng sinh, giấy nghỉ (XML7–11)',
  },
  {
    type: 'Device',
    clinical: true,
    search: true,
    documentation: 'Thiết bị y tế của người bệnh (nhận qua FHIR)',
  },
  {
    type: 'FamilyMemberHistory',
    clinical: true,
    search: true,
    documentation: 'Tiền sử gia đình (nhận qua FHIR)',
  },
  { type: 'AuditEvent', clinical: false, search: true, documentation: 'Nhật ký truy cập dữ liệu cá nhân' },
  {
    type: 'Group',
    clinical: false,
    search: false,
    documentation: 'Nhóm người dân của một cơ sở (facility-{mã}) cho Bulk Data $export',
  },
];

export const RESOURCE_TYPE_NAMES = RESOURCE_TYPES.map((r) => r.type);
export const CLINICAL_TYPES: ReadonlySet<string> = new Set(
  RESOURCE_TYPES.filter((r) => r.clinical).map((r) => r.type),
);
export const isImportable = (type: string): boolean => Object.hasOwn(IMPORTABLE, type);
/** Types written to NDJSON by $export (person-centred, plus directory types at system level). */
export const EXPORT_TYPES = RESOURCE_TYPES.filter((r) => r.type !== 'AuditEvent' && r.type !== 'Group').map(
  (r) => r.type,
);
