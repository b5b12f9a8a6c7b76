import type { Rng } from './prng.ts';
import type { ModelCommune } from './province-model.ts';

/**
 * Address lines: street addresses in wards (phường), hamlets (ấp) in rural communes. Street names
 * are common Vietnamese street names (many exist in Cần Thơ); hamlet names are composed from
 * syllables typical of Mekong-Delta place names, plus Khmer-origin forms for the former Sóc Trăng.
 * Synthetic: a generated line need not exist.
 */

export const STREETS: readonly string[] = [
  'Nguyễn Văn Cừ',
  'Trần Hưng Đạo',
  '30 Tháng 4',
  '3 Tháng 2',
  'Mậu Thân',
  'Nguyễn Trãi',
  'Hòa Bình',
  'Lý Tự Trọng',
  'Cách Mạng Tháng 8',
  'Võ Văn Kiệt',
  'Nguyễn Văn Linh',
  'Trần Phú',
  'Lê Lợi',
  'Hai Bà Trưng',
  'Phan Đình Phùng',
  'Đồng Khởi',
  'Lê Hồng Phong',
  'Hùng Vương',
  'Trần Quang Diệu',
  'Huỳnh Cương',
  'Ngô Quyền',
  'Trần Văn Hoài',
  'Lý Thường Kiệt',
  'Nguyễn Việt Hồng',
  'Phạm Ngũ Lão',
  'Bùi Thị Xuân',
  'Tầm Vu',
  'Xô Viết Nghệ Tĩnh',
  'Trần Hoàng Na',
  'Nguyễn Văn Trỗi',
  'Lê Duẩn',
  'Nguyễn Thị Minh Khai',
  'Điện Biên Phủ',
  'Quang Trung',
  'Võ Thị Sáu',
  'Châu Văn Liêm',
  'Phạm Hùng',
  'Lê Bình',
  'Trần Nam Phú',
  'Nguyễn Chí Thanh',
  'Đinh Tiên Hoàng',
  'Tôn Đức Thắng',
  'Phan Văn Trị',
  'Huỳnh Thúc Kháng',
  'Nam Kỳ Khởi Nghĩa',
  'Lê Thánh Tôn',
  'Trương Định',
  'Hoàng Văn Thụ',
  'Nguyễn Huệ',
  'Lý Thái Tổ',
];

const HAMLET_FIRST = [
  'Thạnh',
  'Tân',
  'Phú',
  'Mỹ',
  'Long',
  'Hòa',
  'An',
  'Bình',
  'Thới',
  'Phước',
  'Vĩnh',
  'Trường',
  'Hưng',
  'Đông',
  'Nhơn',
  'Xuân',
  'Khánh',
  'Thuận',
  'Trung',
  'Định',
] as const;
const HAMLET_SECOND = [
  'Lợi',
  'Hòa',
  'Thạnh',
  'An',
  'Phú',
  'Long',
  'Hưng',
  'Mỹ',
  'Quới',
  'Lộc',
  'Thuận',
  'Bình',
  'Tây',
  'Đông',
  'Thành',
  'Nhơn',
  'Trung',
  'Phát',
] as const;
const KHMER_HAMLETS = [
  'Prey Chóp',
  'Sóc Vồ',
  'Tà Ân',
  'Trà Canh',
  'Bưng Tum',
  'Sóc Xoài',
  'Khoan Tang',
  'Tắc Gồng',
  'Bưng Cóc',
] as const;

function hamletName(rng: Rng, khmerArea: boolean): string {
  const r = rng.float();
  if (khmerArea && r < 0.25) return rng.pick(KHMER_HAMLETS);
  if (r < 0.4) return String(rng.range(1, 12));
  const base = `${rng.pick(HAMLET_FIRST)} ${rng.pick(HAMLET_SECOND)}`;
  const suffix = rng.float();
  return suffix < 0.2 ? `${base} A` : suffix < 0.35 ? `${base} B` : suffix < 0.42 ? `${base} 1` : base;
}

/** The fixed set of hamlets (rural) or streets (urban) of a commune, derived from its own stream. */
export interface CommunePlaces {
  readonly streets: readonly string[];
  readonly hamlets: readonly string[];
  /** Number of "khu vực" (the subdivisions of Cần Thơ wards); 0 when not used. */
  readonly areas: number;
}

export function communePlaces(rng: Rng, commune: ModelCommune): CommunePlaces {
  if (commune.urban) {
    const count = rng.range(8, 16);
    const streets = new Set<string>();
    while (streets.size < count) streets.add(rng.pick(STREETS));
    const areas = commune.district.legacyProvinceCode === '92' ? rng.range(4, 12) : 0;
    return { streets: [...streets], hamlets: [], areas };
  }
  const khmerArea = commune.district.legacyProvinceCode === '94';
  const count = rng.range(6, 14);
  const hamlets = new Set<string>();
  for (let i = 0; hamlets.size < count && i < 200; i++) hamlets.add(hamletName(rng, khmerArea));
  return { streets: [], hamlets: [...hamlets], areas: 0 };
}

/** A household's address line within a commune. */
export function drawAddressLine(rng: Rng, places: CommunePlaces): string {
  if (places.streets.length > 0) {
    const street = rng.pick(places.streets);
    const house = rng.range(1, 420);
    const number = rng.chance(0.35) ? `${house}/${rng.range(1, 60)}` : String(house);
    const area = places.areas > 0 && rng.chance(0.6) ? `, khu vực ${rng.range(1, places.areas)}` : '';
    return `${number} ${street}${area}`;
  }
  const hamlet = rng.pick(places.hamlets);
  const ap = `ấp ${hamlet}`;
  const r = rng.float();
  if (r < 0.35) return `Số ${rng.range(1, 300)}, ${ap}`;
  if (r < 0.6) return `Tổ ${rng.range(1, 15)}, ${ap}`;
  return `Ấp ${hamlet}`;
}
