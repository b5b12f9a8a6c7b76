/**
 * Search parameters of each resource type of the FHIR view, as data: name, type and the element
 * paths (R4 search parameter expressions, simplified to dotted paths over the JSON). They drive the
 * in-memory matching (match.ts), `_sort`, `_include` (reference parameters) and the
 * CapabilityStatement. Every type also has `_id` and `_lastUpdated`.
 */
export type SearchParamType = 'token' | 'date' | 'string' | 'reference';

export interface SearchParamDef {
  readonly name: string;
  readonly type: SearchParamType;
  readonly paths: readonly string[];
  /** Target types of a reference parameter. */
  readonly targets?: readonly string[];
  readonly documentation: string;
}

const p = (
  name: string,
  type: SearchParamType,
  paths: string | readonly string[],
  documentation: string,
  targets?: readonly string[],
): SearchParamDef => ({
  name,
  type,
  paths: typeof paths === 'string' ? [paths] : paths,
  documentation,
  ...(targets ? { targets } : {}),
});

const COMMON: readonly SearchParamDef[] = [
  p('_id', 'token', 'id', 'Mã tài nguyên'),
  p('_lastUpdated', 'date', 'meta.lastUpdated', 'Thời điểm cập nhật'),
];

const subject = (path = 'subject'): SearchParamDef[] => [
  p('patient', 'reference', path, 'Người bệnh', ['Patient']),
  p('subject', 'reference', path, 'Đối tượng', ['Patient']),
];

const encounter = (path = 'encounter') =>
  p('encounter', 'reference', path, 'Đợt khám chữa bệnh', ['Encounter']);

export const SEARCH_PARAMS: Readonly<Record<string, readonly SearchParamDef[]>> = {
  Patient: [
    p('identifier', 'token', 'identifier', 'Mã định danh (CCCD, CMND, thẻ BHYT, mã BHXH, hộ chiếu, …)'),
    p('name', 'string', ['name'], 'Họ tên (không phân biệt dấu)'),
    p('family', 'string', 'name.family', 'Họ'),
    p('given', 'string', 'name.given', 'Tên đệm và tên'),
    p('birthdate', 'date', 'birthDate', 'Ngày sinh'),
    p('gender', 'token', 'gender', 'Giới tính'),
    p('address', 'string', 'address', 'Địa chỉ'),
    p('address-state', 'string', 'address.state', 'Tỉnh, thành phố'),
    p('address-city', 'string', 'address.city', 'Xã, phường'),
    p('phone', 'token', 'telecom', 'Số điện thoại'),
    p('telecom', 'token', 'telecom', 'Liên hệ'),
  ],
  Organization: [
    p('identifier', 'token', 'identifier', 'Mã cơ sở (MA_CSKCB)'),
    p('name', 'string', ['name', 'alias'], 'Tên'),
    p('type', 'token', 'type', 'Loại hình'),
    p('active', 'token', 'active', 'Đang hoạt động'),
    p('address-state', 'string', 'address.state', 'Tỉnh, thành phố'),
    p('address-city', 'string', 'address.city', 'Xã, phường'),
    p('partof', 'reference', 'partOf', 'Đơn vị cấp trên', ['Organization']),
  ],
  Practitioner: [
    p('identifier', 'token', 'identifier', 'Số chứng chỉ hành nghề'),
    p('name', 'string', 'name', 'Họ tên'),
  ],
  Location: [
    p('identifier', 'token', 'identifier', 'Mã'),
    p('name', 'string', 'name', 'Tên'),
    p('organization', 'reference', 'managingOrganization', 'Đơn vị quản lý', ['Organization']),
  ],
  PractitionerRole: [
    p('identifier', 'token', 'identifier', 'Mã'),
    p('practitioner', 'reference', 'practitioner', 'Người hành nghề', ['Practitioner']),
    p('organization', 'reference', 'organization', 'Cơ sở', ['Organization']),
    p('role', 'token', 'code', 'Vai trò'),
    p('specialty', 'token', 'specialty', 'Chuyên khoa'),
  ],
  Encounter: [
    ...subject(),
    p('identifier', 'token', 'identifier', 'Mã liên kết hồ sơ (MA_LK)'),
    p('date', 'date', 'period', 'Thời gian vào – ra'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('class', 'token', 'class', 'Loại (ngoại trú, nội trú, …)'),
    p('type', 'token', 'type', 'Hình thức KCB (MA_LOAI_KCB)'),
    p('service-provider', 'reference', 'serviceProvider', 'Cơ sở KCB', ['Organization']),
    p('participant', 'reference', 'participant.individual', 'Người tham gia', ['Practitioner']),
    p('practitioner', 'reference', 'participant.individual', 'Người hành nghề', ['Practitioner']),
    p('diagnosis', 'reference', 'diagnosis.condition', 'Chẩn đoán', ['Condition']),
    p('reason-code', 'token', 'reasonCode', 'Lý do'),
  ],
  Condition: [
    ...subject(),
    encounter(),
    p('code', 'token', 'code', 'Mã bệnh (ICD-10, …)'),
    p('category', 'token', 'category', 'Phân loại'),
    p('clinical-status', 'token', 'clinicalStatus', 'Tình trạng lâm sàng'),
    p('verification-status', 'token', 'verificationStatus', 'Mức xác nhận'),
    p('onset-date', 'date', 'onsetDateTime', 'Ngày khởi phát'),
    p('recorded-date', 'date', 'recordedDate', 'Ngày ghi nhận'),
    p('abatement-date', 'date', 'abatementDateTime', 'Ngày khỏi'),
  ],
  MedicationRequest: [
    ...subject(),
    encounter(),
    p('code', 'token', 'medicationCodeableConcept', 'Mã thuốc'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('intent', 'token', 'intent', 'Mục đích'),
    p('category', 'token', 'category', 'Phân loại'),
    p('authoredon', 'date', 'authoredOn', 'Ngày kê'),
    p('requester', 'reference', 'requester', 'Người kê đơn', ['Practitioner', 'Organization']),
  ],
  MedicationDispense: [
    ...subject(),
    p('context', 'reference', 'context', 'Đợt khám chữa bệnh', ['Encounter']),
    p('code', 'token', 'medicationCodeableConcept', 'Mã thuốc'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('whenhandedover', 'date', 'whenHandedOver', 'Ngày cấp phát'),
    p('prescription', 'reference', 'authorizingPrescription', 'Y lệnh thuốc', ['MedicationRequest']),
    p('performer', 'reference', 'performer.actor', 'Cơ sở cấp phát', ['Organization', 'Practitioner']),
  ],
  Procedure: [
    ...subject(),
    encounter(),
    p('code', 'token', 'code', 'Mã dịch vụ, thủ thuật'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('category', 'token', 'category', 'Phân loại'),
    p('date', 'date', ['performedDateTime', 'performedPeriod'], 'Thời gian thực hiện'),
    p('performer', 'reference', 'performer.actor', 'Người thực hiện', ['Practitioner', 'Organization']),
  ],
  Observation: [
    ...subject(),
    encounter(),
    p('code', 'token', 'code', 'Mã chỉ số'),
    p('category', 'token', 'category', 'Phân loại (xét nghiệm, dấu hiệu sinh tồn, …)'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('date', 'date', 'effectiveDateTime', 'Thời điểm'),
    p('component-code', 'token', 'component.code', 'Mã thành phần'),
  ],
  DiagnosticReport: [
    ...subject(),
    encounter(),
    p('code', 'token', 'code', 'Mã dịch vụ'),
    p('category', 'token', 'category', 'Phân loại'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('date', 'date', 'effectiveDateTime', 'Thời điểm'),
    p('issued', 'date', 'issued', 'Ngày trả kết quả'),
    p('result', 'reference', 'result', 'Kết quả', ['Observation']),
    p('performer', 'reference', 'performer', 'Nơi thực hiện', ['Organization']),
  ],
  Immunization: [
    p('patient', 'reference', 'patient', 'Người được tiêm', ['Patient']),
    encounter(),
    p('vaccine-code', 'token', 'vaccineCode', 'Vắc xin'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('date', 'date', 'occurrenceDateTime', 'Ngày tiêm'),
    p('lot-number', 'string', 'lotNumber', 'Số lô'),
    p('performer', 'reference', 'performer.actor', 'Nơi tiêm', ['Organization', 'Practitioner']),
  ],
  AllergyIntolerance: [
    p('patient', 'reference', 'patient', 'Người bệnh', ['Patient']),
    p('code', 'token', 'code', 'Tác nhân'),
    p('clinical-status', 'token', 'clinicalStatus', 'Tình trạng'),
    p('verification-status', 'token', 'verificationStatus', 'Mức xác nhận'),
    p('category', 'token', 'category', 'Nhóm'),
    p('criticality', 'token', 'criticality', 'Mức nguy hiểm'),
    p('type', 'token', 'type', 'Dị ứng / không dung nạp'),
    p('date', 'date', 'recordedDate', 'Ngày ghi nhận'),
    p('onset', 'date', 'onsetDateTime', 'Ngày khởi phát'),
  ],
  ServiceRequest: [
    ...subject(),
    encounter(),
    p('identifier', 'token', 'identifier', 'Số chuyển tuyến'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('intent', 'token', 'intent', 'Mục đích'),
    p('category', 'token', 'category', 'Phân loại'),
    p('code', 'token', 'code', 'Dịch vụ'),
    p('authored', 'date', 'authoredOn', 'Ngày chuyển'),
    p('occurrence', 'date', 'occurrencePeriod', 'Thời hạn'),
    p('requester', 'reference', 'requester', 'Nơi / người chuyển', ['Practitioner', 'Organization']),
    p('performer', 'reference', 'performer', 'Nơi đến', ['Organization']),
  ],
  Appointment: [
    p('patient', 'reference', 'participant.actor', 'Người bệnh', ['Patient']),
    p('actor', 'reference', 'participant.actor', 'Người tham gia', ['Patient', 'Practitioner']),
    p('practitioner', 'reference', 'participant.actor', 'Bác sĩ', ['Practitioner']),
    p('identifier', 'token', 'identifier', 'Số giấy hẹn'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('date', 'date', 'start', 'Ngày hẹn'),
    p('service-type', 'token', 'serviceType', 'Loại dịch vụ'),
    p('supporting-info', 'reference', 'supportingInformation', 'Thông tin liên quan', [
      'Encounter',
      'Organization',
    ]),
  ],
  DocumentReference: [
    ...subject(),
    p('encounter', 'reference', 'context.encounter', 'Đợt khám chữa bệnh', ['Encounter']),
    p('identifier', 'token', 'identifier', 'Số chứng từ'),
    p('type', 'token', 'type', 'Loại giấy tờ'),
    p('category', 'token', 'category', 'Nhóm'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('date', 'date', 'date', 'Ngày'),
    p('custodian', 'reference', 'custodian', 'Cơ sở lưu giữ', ['Organization']),
  ],
  Device: [
    p('patient', 'reference', 'patient', 'Người bệnh', ['Patient']),
    p('type', 'token', 'type', 'Loại'),
    p('status', 'token', 'status', 'Trạng thái'),
    p('udi-di', 'string', 'udiCarrier.deviceIdentifier', 'UDI-DI'),
  ],
  FamilyMemberHistory: [
    p('patient', 'reference', 'patient', 'Người bệnh', ['Patient']),
    p('relationship', 'token', 'relationship', 'Quan hệ'),
    p('code', 'token', 'condition.code', 'Bệnh'),
    p('status', 'token', 'status', 'Trạng thái'),
  ],
  AuditEvent: [
    p('patient', 'reference', 'entity.what', 'Người dân có dữ liệu được truy cập', ['Patient']),
    p('date', 'date', 'recorded', 'Thời điểm'),
    p('action', 'token', 'action', 'Hành động (C, R, U, D, E)'),
    p('outcome', 'token', 'outcome', 'Kết quả'),
    p('type', 'token', 'type', 'Loại'),
    p('subtype', 'token', 'subtype', 'Loại chi tiết'),
  ],
};

export function searchParams(type: string): readonly SearchParamDef[] {
  return [...COMMON, ...(SEARCH_PARAMS[type] ?? [])];
}

export function searchParam(type: string, name: string): SearchParamDef | undefined {
  return searchParams(type).find((d) => d.name === name);
}
