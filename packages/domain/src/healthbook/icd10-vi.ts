/**
 * Vietnamese names of common ICD-10 codes, for display in the health book and in FHIR `display`.
 *
 * Source: the Vietnamese ICD-10 of the Ministry of Health — QĐ 4469/QĐ-BYT (28/10/2020) "Hướng dẫn
 * mã hóa bệnh tật theo ICD-10" (Bảng phân loại thống kê quốc tế về bệnh tật và các vấn đề sức khỏe
 * liên quan, phiên bản lần thứ 10). The names below were transcribed by hand for the codes a
 * provincial claim stream sees most (the synthetic province's diagnoses included); they were not
 * compared with a machine-readable copy of the decision, so treat them as display text, not as the
 * authoritative list. A code that is not here is shown with its code only (`name: null`); a code
 * with more characters than a listed one (J06.8 when only J06 is listed) gets the listed parent's
 * name. Amending a name is a data change in this file.
 */
export const ICD10_VI_SOURCE =
  'QĐ 4469/QĐ-BYT (28/10/2020), Bảng phân loại ICD-10 tiếng Việt — trích các mã thường gặp, chép tay';

// prettier-ignore
const ROWS: readonly (readonly [code: string, name: string])[] = [
  ['A00', 'Bệnh tả'],
  ['A01.0', 'Thương hàn'],
  ['A09', 'Tiêu chảy và viêm dạ dày - ruột do nhiễm trùng'],
  ['A15', 'Lao hô hấp, có xác nhận về vi khuẩn học và mô học'],
  ['A16', 'Lao hô hấp, không xác nhận về vi khuẩn học hoặc mô học'],
  ['A90', 'Sốt Dengue [sốt xuất huyết cổ điển]'],
  ['A91', 'Sốt xuất huyết Dengue'],
  ['A97', 'Sốt xuất huyết Dengue'],
  ['B01', 'Bệnh thủy đậu'],
  ['B05', 'Bệnh sởi'],
  ['B08.4', 'Viêm miệng có mụn nước do virus ruột kèm phát ban (bệnh tay chân miệng)'],
  ['B15', 'Viêm gan virus A cấp'],
  ['B16', 'Viêm gan virus B cấp'],
  ['B18.1', 'Viêm gan virus B mạn tính không có tác nhân delta'],
  ['B18.2', 'Viêm gan virus C mạn tính'],
  ['B20', 'Bệnh do virus gây suy giảm miễn dịch ở người [HIV] dẫn đến bệnh nhiễm trùng và ký sinh trùng'],
  ['B24', 'Bệnh do virus gây suy giảm miễn dịch ở người [HIV], không đặc hiệu'],
  ['B34.9', 'Nhiễm virus, không đặc hiệu'],
  ['B35', 'Bệnh nấm da'],
  ['B86', 'Bệnh ghẻ'],
  ['C16', 'U ác của dạ dày'],
  ['C18', 'U ác của đại tràng'],
  ['C22', 'U ác của gan và đường mật trong gan'],
  ['C34', 'U ác của phế quản và phổi'],
  ['C50', 'U ác của vú'],
  ['C53', 'U ác của cổ tử cung'],
  ['D50', 'Thiếu máu do thiếu sắt'],
  ['D64.9', 'Thiếu máu, không đặc hiệu'],
  ['E03.9', 'Suy giáp, không đặc hiệu'],
  ['E05', 'Nhiễm độc giáp [cường giáp]'],
  ['E10', 'Bệnh đái tháo đường phụ thuộc insuline'],
  ['E11', 'Bệnh đái tháo đường không phụ thuộc insuline'],
  ['E11.9', 'Bệnh đái tháo đường không phụ thuộc insuline, không có biến chứng'],
  ['E14', 'Bệnh đái tháo đường không đặc hiệu'],
  ['E66', 'Béo phì'],
  ['E78', 'Rối loạn chuyển hóa lipoprotein và tình trạng tăng lipid máu khác'],
  ['E78.5', 'Tăng lipid máu, không đặc hiệu'],
  ['E79.0', 'Tăng acid uric máu không có dấu hiệu viêm khớp và bệnh hạt tophi'],
  ['F20', 'Bệnh tâm thần phân liệt'],
  ['F32', 'Giai đoạn trầm cảm'],
  ['F41', 'Các rối loạn lo âu khác'],
  ['G40', 'Động kinh'],
  ['G43', 'Migraine'],
  ['G44.2', 'Đau đầu do căng thẳng'],
  ['H10', 'Viêm kết mạc'],
  ['H10.9', 'Viêm kết mạc, không đặc hiệu'],
  ['H25', 'Đục thủy tinh thể ở người già'],
  ['H26', 'Đục thủy tinh thể khác'],
  ['H40', 'Glôcôm'],
  ['H52', 'Rối loạn khúc xạ và điều tiết'],
  ['H66', 'Viêm tai giữa nung mủ và không đặc hiệu'],
  ['I10', 'Bệnh lý tăng huyết áp'],
  ['I11', 'Bệnh tim do tăng huyết áp'],
  ['I20', 'Cơn đau thắt ngực'],
  ['I20.9', 'Cơn đau thắt ngực, không đặc hiệu'],
  ['I21', 'Nhồi máu cơ tim cấp'],
  ['I25', 'Bệnh tim thiếu máu cục bộ mạn'],
  ['I48', 'Rung nhĩ và cuồng nhĩ'],
  ['I50', 'Suy tim'],
  ['I61', 'Xuất huyết nội sọ'],
  ['I63', 'Nhồi máu não'],
  ['I63.9', 'Nhồi máu não, không đặc hiệu'],
  ['I64', 'Đột quỵ, không xác định do xuất huyết hay nhồi máu'],
  ['I69', 'Di chứng bệnh mạch máu não'],
  ['I83', 'Giãn tĩnh mạch chi dưới'],
  ['I84', 'Trĩ'],
  ['J00', 'Viêm mũi họng cấp [cảm thường]'],
  ['J01', 'Viêm xoang cấp'],
  ['J02', 'Viêm họng cấp'],
  ['J02.9', 'Viêm họng cấp, không đặc hiệu'],
  ['J03', 'Viêm amidan cấp'],
  ['J03.9', 'Viêm amidan cấp, không đặc hiệu'],
  ['J04', 'Viêm thanh quản và khí quản cấp'],
  ['J06', 'Nhiễm trùng đường hô hấp trên cấp ở nhiều vị trí và vị trí không xác định'],
  ['J06.9', 'Nhiễm trùng đường hô hấp trên cấp, không xác định'],
  ['J11', 'Cúm, virus không được định danh'],
  ['J18', 'Viêm phổi, tác nhân không xác định'],
  ['J18.9', 'Viêm phổi, không đặc hiệu'],
  ['J20', 'Viêm phế quản cấp'],
  ['J20.9', 'Viêm phế quản cấp, không đặc hiệu'],
  ['J30', 'Viêm mũi vận mạch và dị ứng'],
  ['J31', 'Viêm mũi, viêm mũi họng và viêm họng mạn'],
  ['J32', 'Viêm xoang mạn'],
  ['J35', 'Bệnh mạn tính của amidan và VA'],
  ['J44', 'Bệnh phổi tắc nghẽn mạn tính khác'],
  ['J45', 'Hen [suyễn]'],
  ['K01', 'Răng mọc kẹt và răng ngầm'],
  ['K02', 'Sâu răng'],
  ['K03', 'Bệnh mô cứng khác của răng'],
  ['K04', 'Bệnh tủy và mô quanh chóp răng'],
  ['K05', 'Viêm lợi và bệnh nha chu'],
  ['K14', 'Bệnh của lưỡi'],
  ['K19', 'Bệnh khác của miệng, tuyến nước bọt và xương hàm'],
  ['K21', 'Bệnh trào ngược dạ dày - thực quản'],
  ['K21.9', 'Bệnh trào ngược dạ dày - thực quản không có viêm thực quản'],
  ['K24', 'Bệnh khác của thực quản'],
  ['K25', 'Loét dạ dày'],
  ['K26', 'Loét tá tràng'],
  ['K27', 'Loét dạ dày - tá tràng, vị trí không xác định'],
  ['K29', 'Viêm dạ dày và tá tràng'],
  ['K29.7', 'Viêm dạ dày, không đặc hiệu'],
  ['K30', 'Khó tiêu chức năng'],
  ['K35', 'Viêm ruột thừa cấp'],
  ['K35.8', 'Viêm ruột thừa cấp, khác và không đặc hiệu'],
  ['K37', 'Viêm ruột thừa, không đặc hiệu'],
  ['K40', 'Thoát vị bẹn'],
  ['K58', 'Hội chứng ruột kích thích'],
  ['K59.0', 'Táo bón'],
  ['K70', 'Bệnh gan do rượu'],
  ['K74', 'Xơ hóa và xơ gan'],
  ['K76.0', 'Gan nhiễm mỡ, không phân loại nơi khác'],
  ['K80', 'Sỏi mật'],
  ['K81', 'Viêm túi mật'],
  ['L01', 'Chốc lở'],
  ['L02', 'Áp xe da, nhọt và nhọt cụm'],
  ['L20', 'Viêm da cơ địa'],
  ['L23', 'Viêm da tiếp xúc dị ứng'],
  ['L30', 'Viêm da khác'],
  ['L30.9', 'Viêm da, không đặc hiệu'],
  ['L40', 'Bệnh vảy nến'],
  ['L50', 'Mày đay'],
  ['L70', 'Trứng cá'],
  ['M06', 'Viêm khớp dạng thấp khác'],
  ['M10', 'Bệnh gút'],
  ['M15', 'Thoái hóa nhiều khớp'],
  ['M17', 'Thoái hóa khớp gối'],
  ['M17.9', 'Thoái hóa khớp gối, không đặc hiệu'],
  ['M19', 'Thoái hóa khớp khác'],
  ['M47', 'Thoái hóa cột sống'],
  ['M51', 'Bệnh đĩa đệm liên đốt sống khác'],
  ['M54', 'Đau lưng'],
  ['M54.2', 'Đau vùng cổ'],
  ['M54.5', 'Đau vùng thắt lưng'],
  ['M79.1', 'Đau cơ'],
  ['M81', 'Loãng xương không có gãy xương bệnh lý'],
  ['N18', 'Bệnh thận mạn'],
  ['N20', 'Sỏi thận và niệu quản'],
  ['N30', 'Viêm bàng quang'],
  ['N39.0', 'Nhiễm khuẩn hệ tiết niệu, vị trí không xác định'],
  ['N40', 'Tăng sản tuyến tiền liệt'],
  ['N76', 'Viêm khác của âm đạo và âm hộ'],
  ['N95.1', 'Tình trạng mãn kinh và tiền mãn kinh ở phụ nữ'],
  ['O03', 'Sẩy thai tự nhiên'],
  ['O13', 'Tăng huyết áp do thai nghén không kèm protein niệu đáng kể'],
  ['O24', 'Đái tháo đường trong thai kỳ'],
  ['O34', 'Chăm sóc bà mẹ vì bất thường đã biết hoặc nghi ngờ của cơ quan vùng chậu'],
  ['O34.2', 'Chăm sóc bà mẹ vì sẹo mổ cũ ở tử cung'],
  ['O42', 'Ối vỡ non'],
  ['O60', 'Chuyển dạ sớm'],
  ['O80', 'Đẻ thường một thai'],
  ['O82', 'Đẻ một thai bằng mổ lấy thai'],
  ['P07', 'Rối loạn liên quan đến thai nghén ngắn ngày và trẻ sơ sinh nhẹ cân'],
  ['P59', 'Vàng da sơ sinh do nguyên nhân khác và không đặc hiệu'],
  ['R05', 'Ho'],
  ['R10', 'Đau bụng và đau vùng chậu'],
  ['R50', 'Sốt không rõ nguyên nhân'],
  ['R51', 'Đau đầu'],
  ['R42', 'Chóng mặt và choáng váng'],
  ['S00', 'Tổn thương nông ở đầu'],
  ['S06.0', 'Chấn động não'],
  ['S17', 'Tổn thương dập nát vùng cổ'],
  ['S18', 'Cắt cụt do chấn thương vùng cổ'],
  ['S42', 'Gãy xương vùng vai và cánh tay'],
  ['S52', 'Gãy xương cẳng tay'],
  ['S52.5', 'Gãy đầu dưới xương quay'],
  ['S61', 'Vết thương hở ở cổ tay và bàn tay'],
  ['S61.9', 'Vết thương cổ tay và bàn tay, phần không xác định'],
  ['S72', 'Gãy xương đùi'],
  ['S82', 'Gãy xương cẳng chân, kể cả cổ chân'],
  ['S93', 'Trật khớp, bong gân và căng cơ khớp và dây chằng ở cổ chân và bàn chân'],
  ['T14', 'Tổn thương vùng cơ thể không xác định'],
  ['T63', 'Tác dụng độc của tiếp xúc với động vật có nọc độc'],
  ['T78.4', 'Dị ứng, không đặc hiệu'],
  ['W54', 'Bị chó cắn hoặc húc'],
  ['Z00.0', 'Khám sức khỏe tổng quát'],
  ['Z20.3', 'Tiếp xúc và phơi nhiễm với bệnh dại'],
  ['Z23.2', 'Cần tiêm chủng phòng lao [BCG]'],
  ['Z24.0', 'Cần tiêm chủng phòng bại liệt'],
  ['Z24.1', 'Cần tiêm chủng phòng viêm não virus do động vật chân đốt truyền'],
  ['Z24.2', 'Cần tiêm chủng phòng bệnh dại'],
  ['Z24.4', 'Cần tiêm chủng phòng bệnh sởi'],
  ['Z24.6', 'Cần tiêm chủng phòng viêm gan virus'],
  ['Z27.1', 'Cần tiêm chủng phối hợp bạch hầu - uốn ván - ho gà và thương hàn - phó thương hàn'],
  ['Z27.8', 'Cần tiêm chủng phối hợp bệnh khác'],
  ['Z30', 'Quản lý tránh thai'],
  ['Z34', 'Theo dõi thai nghén bình thường'],
  ['Z34.9', 'Theo dõi thai nghén bình thường, không đặc hiệu'],
  ['Z35', 'Theo dõi thai nghén có nguy cơ cao'],
  ['Z39.2', 'Theo dõi định kỳ sau đẻ'],
  ['Z76.0', 'Cấp lại đơn thuốc'],
];

const NAMES: ReadonlyMap<string, string> = new Map(ROWS);

/** Normalised ICD-10 code: upper case, no spaces, `J069` → `J06.9`. */
export function normalizeIcd10(code: string): string {
  const c = code.trim().toUpperCase().replace(/\s+/g, '');
  const m = /^([A-Z]\d{2})\.?(\d{0,2})/.exec(c);
  if (!m) return c;
  return m[2] ? `${m[1] ?? ''}.${m[2]}` : (m[1] ?? c);
}

/** The Vietnamese name of an ICD-10 code, or of its nearest listed parent; null when unknown. */
export function icd10Name(code: string): string | null {
  const c = normalizeIcd10(code);
  const exact = NAMES.get(c);
  if (exact !== undefined) return exact;
  const three = c.slice(0, 3);
  if (c.length > 3) {
    const four = c.slice(0, 5);
    if (four !== c) {
      const n4 = NAMES.get(four);
      if (n4 !== undefined) return n4;
    }
    return NAMES.get(three) ?? null;
  }
  return null;
}

/** Number of codes in the table (for the README and tests). */
export const ICD10_VI_COUNT = ROWS.length;
