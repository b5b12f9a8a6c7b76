import type { ProfileCommune, ProfileDistrict, ProfileHospital, ProvinceProfile } from './profile.ts';

/**
 * Cần Thơ (province code 92 since 01/07/2025: former Cần Thơ city 92 + Hậu Giang 93 + Sóc Trăng 94,
 * 103 communes).
 *
 * Origins:
 * - Commune populations: /work/shared/domain/data/geo/cantho-communes-103-population-area.csv
 *   (column `population`), itself from GitHub `thanglequoc/vietnamese-provinces-database` (MIT,
 *   © 2021 Thang Le Quoc) snapshot `cd580632`. INDICATIVE only (merger-proposal figures, unknown
 *   reference date). Values flagged or looking truncated in the source (An Ninh 40, Ngọc Tố 47,
 *   several merged communes with 4 digits) are replaced for sampling by `populationCorrections`.
 * - Former district of each commune: inferred here from GSO commune-code ranges and the source's
 *   `merged_from` column; where a commune merged units of two districts, the district of the
 *   unit whose code the commune kept was chosen [inferred].
 * - Legacy district codes / names: data/vn-admin-districts-legacy.csv.
 * - Hospitals: well-known public hospitals of the area, names simplified; their 2026 communes
 *   are approximate. Centre names follow the 2025 "Trung tâm Y tế khu vực …" pattern [inferred].
 * - Ethnic mix: approximations of the 2019 census shares by former province (Sóc Trăng ≈ 30 %
 *   Khmer, ≈ 5 % Hoa; Cần Thơ and Hậu Giang ≈ 1–2 % Khmer) with higher Khmer shares in the
 *   coastal Sóc Trăng districts [inferred, indicative].
 */

const district = (
  code: string,
  name: string,
  legacyProvinceCode: string,
  seatCommuneCode: string,
  centreName = `Trung tâm Y tế khu vực ${name}`,
): ProfileDistrict => ({ code, name, legacyProvinceCode, centreName, seatCommuneCode });

const DISTRICTS: readonly ProfileDistrict[] = [
  district('916', 'Ninh Kiều', '92', '31135'),
  district('917', 'Ô Môn', '92', '31153'),
  district('918', 'Bình Thủy', '92', '31168'),
  district('919', 'Cái Răng', '92', '31186'),
  district('923', 'Thốt Nốt', '92', '31207'),
  district('924', 'Vĩnh Thạnh', '92', '31232'),
  district('925', 'Cờ Đỏ', '92', '31261'),
  district('926', 'Phong Điền', '92', '31299'),
  district('927', 'Thới Lai', '92', '31258'),
  district('930', 'Vị Thanh', '93', '31321'),
  district('931', 'Ngã Bảy', '93', '31340'),
  district('932', 'Châu Thành A', '93', '31342'),
  district('933', 'Châu Thành', '93', '31366'),
  district('934', 'Phụng Hiệp', '93', '31396'),
  district('935', 'Vị Thủy', '93', '31441'),
  district('936', 'Long Mỹ', '93', '31489', 'Trung tâm Y tế khu vực Vĩnh Viễn'),
  district('937', 'Long Mỹ', '93', '31471', 'Trung tâm Y tế khu vực Long Mỹ'),
  district('941', 'Sóc Trăng', '94', '31507'),
  district('942', 'Châu Thành', '94', '31569', 'Trung tâm Y tế khu vực Phú Tâm'),
  district('943', 'Kế Sách', '94', '31528'),
  district('944', 'Mỹ Tú', '94', '31567'),
  district('945', 'Cù Lao Dung', '94', '31615'),
  district('946', 'Long Phú', '94', '31639'),
  district('947', 'Mỹ Xuyên', '94', '31684'),
  district('948', 'Ngã Năm', '94', '31732'),
  district('949', 'Thạnh Trị', '94', '31756'),
  district('950', 'Vĩnh Châu', '94', '31783'),
  district('951', 'Trần Đề', '94', '31673'),
];

/** [2026 commune code, former district code, population as published]. */
const COMMUNE_ROWS: readonly (readonly [string, string, number])[] = [
  ['31120', '916', 57688], // Phường Cái Khế
  ['31135', '916', 119547], // Phường Ninh Kiều
  ['31147', '916', 85997], // Phường Tân An
  ['31150', '916', 5015], // Phường An Bình
  ['31153', '917', 73412], // Phường Ô Môn
  ['31157', '917', 52979], // Phường Thới Long
  ['31162', '917', 46788], // Phường Phước Thới
  ['31168', '918', 62483], // Phường Bình Thuỷ
  ['31174', '918', 39401], // Phường Thới An Đông
  ['31183', '918', 45292], // Phường Long Tuyền
  ['31186', '919', 71106], // Phường Cái Răng
  ['31201', '919', 58543], // Phường Hưng Phú
  ['31207', '923', 61387], // Phường Thốt Nốt
  ['31213', '923', 35621], // Phường Tân Lộc
  ['31217', '923', 37469], // Phường Trung Nhứt
  ['31228', '923', 56878], // Phường Thuận Hưng
  ['31231', '924', 30682], // Xã Thạnh An
  ['31232', '924', 30522], // Xã Vĩnh Thạnh
  ['31237', '924', 27026], // Xã Vĩnh Trinh
  ['31246', '924', 3911], // Xã Thạnh Quới
  ['31249', '925', 25699], // Xã Thạnh Phú
  ['31255', '925', 55012], // Xã Trung Hưng
  ['31258', '927', 36371], // Xã Thới Lai
  ['31261', '925', 42176], // Xã Cờ Đỏ
  ['31264', '925', 19044], // Xã Thới Hưng
  ['31273', '925', 22762], // Xã Đông Hiệp
  ['31282', '927', 24586], // Xã Đông Thuận
  ['31288', '927', 37802], // Xã Trường Thành
  ['31294', '927', 36405], // Xã Trường Xuân
  ['31299', '926', 51949], // Xã Phong Điền
  ['31309', '926', 24064], // Xã Trường Long
  ['31315', '926', 40707], // Xã Nhơn Ái
  ['31321', '930', 32766], // Phường Vị Thanh
  ['31333', '930', 36079], // Phường Vị Tân
  ['31338', '930', 24095], // Xã Hoả Lựu
  ['31340', '931', 37861], // Phường Ngã Bảy
  ['31342', '932', 50989], // Xã Tân Hoà
  ['31348', '932', 25313], // Xã Trường Long Tây
  ['31360', '932', 41039], // Xã Thạnh Xuân
  ['31366', '933', 39104], // Xã Châu Thành
  ['31369', '933', 40105], // Xã Đông Phước
  ['31378', '933', 41254], // Xã Phú Hữu
  ['31393', '934', 32937], // Xã Hoà An
  ['31396', '934', 33514], // Xã Hiệp Hưng
  ['31399', '934', 38032], // Xã Tân Bình
  ['31408', '934', 63248], // Xã Thạnh Hoà
  ['31411', '931', 34594], // Phường Đại Thành
  ['31420', '934', 33408], // Xã Phụng Hiệp
  ['31426', '934', 33937], // Xã Phương Bình
  ['31432', '934', 25745], // Xã Tân Phước Hưng
  ['31441', '935', 32394], // Xã Vị Thuỷ
  ['31453', '935', 39808], // Xã Vĩnh Thuận Đông
  ['31459', '935', 31676], // Xã Vĩnh Tường
  ['31465', '935', 42766], // Xã Vị Thanh 1
  ['31471', '937', 35865], // Phường Long Mỹ
  ['31473', '937', 26378], // Phường Long Bình
  ['31480', '937', 30365], // Phường Long Phú 1
  ['31489', '936', 24432], // Xã Vĩnh Viễn
  ['31492', '936', 2402], // Xã Lương Tâm
  ['31495', '936', 46156], // Xã Xà Phiên
  ['31507', '941', 61253], // Phường Sóc Trăng
  ['31510', '941', 95516], // Phường Phú Lợi
  ['31528', '943', 43332], // Xã Kế Sách
  ['31531', '943', 56248], // Xã An Lạc Thôn
  ['31537', '943', 6416], // Xã Phong Nẫm
  ['31540', '943', 31726], // Xã Thới An Hội
  ['31552', '943', 42213], // Xã Nhơn Mỹ
  ['31561', '943', 43579], // Xã Đại Hải
  ['31567', '944', 38049], // Xã Mỹ Tú
  ['31569', '942', 33318], // Xã Phú Tâm
  ['31570', '942', 31322], // Xã Hồ Đắc Kiện
  ['31579', '944', 33579], // Xã Long Hưng
  ['31582', '942', 29846], // Xã Thuận Hoà
  ['31591', '944', 51412], // Xã Mỹ Hương
  ['31594', '942', 40], // Xã An Ninh
  ['31603', '944', 23539], // Xã Mỹ Phước
  ['31615', '945', 37711], // Xã An Thạnh
  ['31633', '945', 44937], // Xã Cù Lao Dung
  ['31639', '946', 39763], // Xã Long Phú
  ['31645', '946', 24532], // Xã Đại Ngãi
  ['31654', '946', 34621], // Xã Trường Khánh
  ['31666', '946', 35806], // Xã Tân Thạnh
  ['31673', '951', 52771], // Xã Trần Đề
  ['31675', '951', 3137], // Xã Liêu Tú
  ['31679', '951', 27913], // Xã Lịch Hội Thượng
  ['31684', '947', 51769], // Phường Mỹ Xuyên
  ['31687', '951', 3449], // Xã Tài Văn
  ['31699', '951', 29019], // Xã Thạnh Thới An
  ['31708', '947', 3839], // Xã Nhu Gia
  ['31717', '947', 24499], // Xã Hoà Tú
  ['31723', '947', 47], // Xã Ngọc Tố
  ['31726', '947', 40135], // Xã Gia Hoà
  ['31732', '948', 58588], // Phường Ngã Năm
  ['31741', '948', 35492], // Xã Tân Long
  ['31753', '948', 3024], // Phường Mỹ Quới
  ['31756', '949', 50929], // Xã Phú Lộc
  ['31759', '949', 32006], // Xã Lâm Tân
  ['31777', '949', 24319], // Xã Vĩnh Lợi
  ['31783', '950', 68437], // Phường Vĩnh Châu
  ['31789', '950', 37634], // Phường Khánh Hoà
  ['31795', '950', 2782], // Xã Vĩnh Hải
  ['31804', '950', 51897], // Phường Vĩnh Phước
  ['31810', '950', 29426], // Xã Lai Hoà
];

const COMMUNES: readonly ProfileCommune[] = COMMUNE_ROWS.map(([code, districtCode, population]) => ({
  code,
  districtCode,
  population,
}));

const hospital = (
  key: string,
  name: string,
  communeCode: string,
  level: ProfileHospital['level'] = 'provincial_hospital',
): ProfileHospital => ({ key, name, level, communeCode });

const HOSPITALS: readonly ProfileHospital[] = [
  hospital('tw-cantho', 'Bệnh viện Đa khoa Trung ương Cần Thơ', '31147', 'central_hospital'),
  hospital('dk-tp', 'Bệnh viện Đa khoa Thành phố Cần Thơ', '31135'),
  hospital('nhi', 'Bệnh viện Nhi đồng Thành phố Cần Thơ', '31150'),
  hospital('phu-san', 'Bệnh viện Phụ sản Thành phố Cần Thơ', '31120'),
  hospital('tim-mach', 'Bệnh viện Tim mạch Thành phố Cần Thơ', '31135'),
  hospital('ung-buou', 'Bệnh viện Ung bướu Thành phố Cần Thơ', '31150'),
  hospital('yhct', 'Bệnh viện Y học cổ truyền Thành phố Cần Thơ', '31135'),
  hospital('lao', 'Bệnh viện Lao và Bệnh phổi Thành phố Cần Thơ', '31168'),
  hospital('mat-rhm', 'Bệnh viện Mắt - Răng Hàm Mặt Thành phố Cần Thơ', '31147'),
  hospital('da-lieu', 'Bệnh viện Da liễu Thành phố Cần Thơ', '31135'),
  hospital('tam-than', 'Bệnh viện Tâm thần Thành phố Cần Thơ', '31168'),
  hospital('dk-hau-giang', 'Bệnh viện Đa khoa khu vực Hậu Giang', '31321'),
  hospital('dk-soc-trang', 'Bệnh viện Đa khoa khu vực Sóc Trăng', '31507'),
  hospital('san-nhi-soc-trang', 'Bệnh viện Sản - Nhi khu vực Sóc Trăng', '31510'),
];

const KHMER_BELT = { '01': 52, '05': 43, '04': 5 };

export const CANTHO_PROFILE: ProvinceProfile = {
  provinceCode: '92',
  name: 'Thành phố Cần Thơ',
  cmndPrefix: '36',
  districts: DISTRICTS,
  communes: COMMUNES,
  hospitals: HOSPITALS,
  ethnicMixByLegacyProvince: {
    '92': { '01': 97.6, '05': 1.4, '04': 0.9, '17': 0.05, '02': 0.05 },
    '93': { '01': 97.6, '05': 1.7, '04': 0.7 },
    '94': { '01': 64.6, '05': 30.2, '04': 5.1, '17': 0.1 },
  },
  ethnicMixByDistrict: {
    '941': { '01': 70, '05': 17, '04': 13 },
    '942': KHMER_BELT,
    '943': { '01': 75, '05': 22, '04': 3 },
    '944': { '01': 60, '05': 37, '04': 3 },
    '945': { '01': 90, '05': 8, '04': 2 },
    '946': { '01': 60, '05': 37, '04': 3 },
    '947': KHMER_BELT,
    '948': { '01': 80, '05': 15, '04': 5 },
    '949': { '01': 68, '05': 28, '04': 4 },
    '950': { '01': 40, '05': 50, '04': 10 },
    '951': KHMER_BELT,
  },
  migrantBirthplaces: {
    '092': 12,
    '093': 12,
    '094': 8,
    '086': 14,
    '087': 8,
    '089': 12,
    '091': 10,
    '095': 6,
    '096': 5,
    '084': 5,
    '083': 2,
    '082': 2,
    '080': 1,
    '079': 6,
    '074': 1,
    '075': 0.7,
    '001': 1,
    '040': 0.5,
    '038': 0.5,
    '048': 0.3,
  },
  abroadBirthplaces: {
    '139': 3, // Campuchia
    '175': 2, // Hoa Kỳ
    '174': 1.5, // Hàn Quốc
    '232': 1, // Nhật Bản
    '205': 0.5, // Malaysia
    '271': 0.5, // Thái Lan
    '279': 0.5, // Trung Quốc
    '284': 0.5, // Úc
    '257': 0.3, // Singapore
    '193': 0.3, // Lào
  },
  populationCorrections: {
    // Flagged `suspect_unit_or_truncated` in the source: read as thousands.
    '31594': 40_000, // Xã An Ninh, published 40
    '31723': 47_000, // Xã Ngọc Tố, published 47
    // Merged (or large) communes published with 4 digits, far below their neighbours: a digit
    // appears to be missing, so ×10 [inferred]. Xã Phong Nẫm (6,416; 17 km², unchanged by the
    // merger) is plausible and kept.
    '31150': 50_150, // Phường An Bình, published 5,015 (3 units merged)
    '31246': 39_110, // Xã Thạnh Quới, 3,911 (3 units)
    '31492': 24_020, // Xã Lương Tâm, 2,402 (2 units)
    '31675': 31_370, // Xã Liêu Tú, 3,137 (2 units)
    '31687': 34_490, // Xã Tài Văn, 3,449 (2 units)
    '31708': 38_390, // Xã Nhu Gia, 3,839 (2 units)
    '31753': 30_240, // Phường Mỹ Quới, 3,024 (3 units)
    '31795': 27_820, // Xã Vĩnh Hải, 2,782 (84 km²)
  },
};
