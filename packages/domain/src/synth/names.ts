import type { Rng } from './prng.ts';
import { WeightedTable } from './weighted.ts';

/**
 * Vietnamese personal-name tables, NFC, with relative frequencies written for a Mekong-Delta
 * (Southern) population. The figures are estimates compiled for synthetic data (commonly cited
 * shares: Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9 %; Huỳnh and Võ are the Southern forms of Hoàng and Vũ),
 * not a census tabulation. Khmer and Hoa tables follow names commonly seen in Sóc Trăng / Cần Thơ.
 */

export type NameStyle = 'kinh' | 'khmer' | 'hoa';
export type Sex = 'male' | 'female';

const w = (weights: Readonly<Record<string, number>>): WeightedTable<string> =>
  new WeightedTable(Object.entries(weights));

export const KINH_FAMILY_NAMES = w({
  Nguyễn: 38,
  Trần: 11,
  Lê: 9,
  Phạm: 4.4,
  Huỳnh: 4.6,
  Hoàng: 0.6,
  Phan: 3.4,
  Võ: 3.9,
  Vũ: 0.5,
  Đặng: 1.6,
  Bùi: 1.1,
  Đỗ: 1.1,
  Hồ: 1.6,
  Ngô: 1.3,
  Dương: 1.3,
  Lý: 1,
  Trương: 1.5,
  Đinh: 0.6,
  Lâm: 0.9,
  Mai: 0.6,
  Đoàn: 0.6,
  Lương: 0.5,
  Cao: 0.5,
  Châu: 0.5,
  Đào: 0.5,
  Tô: 0.3,
  Thái: 0.4,
  Quách: 0.3,
  Lưu: 0.4,
  Tạ: 0.3,
  Trịnh: 0.3,
  Hà: 0.3,
  La: 0.2,
  Từ: 0.2,
  Chung: 0.2,
  Tăng: 0.2,
  Phùng: 0.15,
  Diệp: 0.15,
  Hứa: 0.15,
  Kiều: 0.1,
  Nhan: 0.1,
  Trầm: 0.1,
  Lữ: 0.1,
  Văn: 0.1,
});

export const HOA_FAMILY_NAMES = w({
  Lâm: 10,
  Lý: 8,
  Trương: 8,
  Trần: 8,
  Huỳnh: 6,
  Quách: 5,
  Tăng: 5,
  Châu: 5,
  Mã: 4,
  Diệp: 4,
  Hứa: 4,
  Lưu: 4,
  La: 3,
  Thái: 3,
  Tạ: 3,
  Tô: 3,
  Dương: 3,
  Trịnh: 3,
  Vương: 3,
  Ông: 2,
  Giang: 2,
  Phùng: 2,
  Khưu: 2,
  Lữ: 2,
});

export const KHMER_FAMILY_NAMES = w({
  Thạch: 20,
  Sơn: 15,
  Kim: 12,
  Danh: 12,
  Lâm: 10,
  Lý: 8,
  Châu: 6,
  Triệu: 6,
  Huỳnh: 3,
  Trần: 3,
  Dương: 3,
  Tăng: 2,
});

/** Middle names (tên đệm) by sex and birth cohort: "Văn" / "Thị" dominate older generations. */
export const MIDDLE_NAMES: Readonly<
  Record<Sex, readonly [WeightedTable<string>, WeightedTable<string>, WeightedTable<string>]>
> = {
  male: [
    w({ Văn: 80, Hữu: 5, Thanh: 4, Minh: 3, Công: 2, Quốc: 2, Tấn: 2, Ngọc: 1, Phước: 1 }),
    w({
      Văn: 45,
      Minh: 7,
      Thanh: 7,
      Hữu: 5,
      Quốc: 6,
      Hoàng: 4,
      Tấn: 4,
      Công: 3,
      Trung: 3,
      Đức: 3,
      Chí: 3,
      Thành: 3,
      Ngọc: 2,
      Duy: 2,
    }),
    w({
      Văn: 12,
      Minh: 12,
      Gia: 10,
      Hoàng: 8,
      Quốc: 8,
      Thanh: 6,
      Đức: 5,
      Nhật: 5,
      Anh: 5,
      Bảo: 5,
      Thành: 4,
      Hữu: 4,
      Tuấn: 4,
      Đăng: 4,
      Trung: 3,
      Tấn: 3,
      Công: 3,
      Khánh: 3,
      Chí: 3,
      Duy: 3,
      Phúc: 2,
      Thiện: 2,
      Trọng: 2,
    }),
  ],
  female: [
    w({ Thị: 85, Ngọc: 5, Kim: 3, Thanh: 2, Hồng: 1.5, Mỹ: 1.5, Bích: 1, Thu: 1 }),
    w({
      Thị: 55,
      Ngọc: 10,
      Kim: 5,
      Thanh: 5,
      Mỹ: 5,
      Thu: 4,
      Hồng: 3,
      Bích: 3,
      Thùy: 3,
      Phương: 2,
      Diễm: 2,
      Cẩm: 2,
    }),
    w({
      Thị: 20,
      Ngọc: 12,
      Bảo: 6,
      Minh: 6,
      Thanh: 5,
      Thu: 5,
      Kim: 5,
      Mỹ: 5,
      Gia: 5,
      Khánh: 5,
      Phương: 4,
      Thùy: 4,
      Thảo: 3,
      Hoàng: 3,
      Như: 3,
      Quỳnh: 3,
      Hồng: 3,
      Yến: 2,
      Diễm: 2,
      Huỳnh: 2,
      Tường: 2,
      Cẩm: 2,
      Tú: 2,
      Bích: 2,
      Mai: 2,
    }),
  ],
};

export const GIVEN_NAMES: Readonly<Record<Sex, WeightedTable<string>>> = {
  male: w({
    An: 3,
    Bình: 3,
    Cường: 3,
    Dũng: 3,
    Đạt: 3,
    Hải: 3,
    Hiếu: 3,
    Hùng: 4,
    Huy: 4,
    Khang: 3,
    Khoa: 3,
    Kiệt: 2,
    Long: 3,
    Lộc: 3,
    Minh: 4,
    Nam: 4,
    Nghĩa: 3,
    Nhân: 3,
    Phát: 3,
    Phong: 3,
    Phúc: 3,
    Quang: 2,
    Sơn: 3,
    Tài: 3,
    Tâm: 3,
    Thành: 4,
    Thắng: 2,
    Thiện: 3,
    Thịnh: 2,
    Toàn: 3,
    Trí: 3,
    Trung: 3,
    Tuấn: 4,
    Vinh: 3,
    Vũ: 2,
    Bảo: 3,
    Duy: 2,
    Khôi: 2,
    Lâm: 2,
    Tín: 2,
    Hậu: 2,
    Hòa: 3,
    Tú: 2,
    Hưng: 3,
    Hoàng: 2,
    Đức: 2,
    Thuận: 2,
    Lợi: 2,
    Khánh: 2,
    Quân: 2,
    Sang: 2,
    Tiến: 2,
    Việt: 2,
    Nhựt: 1,
    Thạnh: 1,
    Triều: 1,
    Lực: 1,
    Mạnh: 1,
    Ân: 1,
    Danh: 1,
    Em: 1,
    Kha: 1,
    Khải: 1,
    Nguyên: 1,
    Trọng: 1,
    Vĩnh: 1,
    Đông: 1,
    Hào: 1,
  }),
  female: w({
    Anh: 3,
    Chi: 2,
    Diễm: 2,
    Dung: 3,
    Duyên: 2,
    Giang: 2,
    Hà: 2,
    Hạnh: 3,
    Hằng: 3,
    Hiền: 3,
    Hoa: 3,
    Hương: 4,
    Huyền: 2,
    Lan: 4,
    Liên: 2,
    Linh: 4,
    Loan: 3,
    Mai: 3,
    My: 3,
    Ngân: 3,
    Ngọc: 2,
    Nhi: 3,
    Nhung: 3,
    Oanh: 2,
    Phương: 3,
    Quyên: 2,
    Tâm: 2,
    Thảo: 4,
    Thư: 3,
    Thủy: 3,
    Trang: 4,
    Trâm: 3,
    Trinh: 3,
    Tuyết: 3,
    Uyên: 2,
    Vân: 3,
    Vy: 3,
    Yến: 3,
    Hân: 2,
    Như: 3,
    Nhàn: 1,
    Lệ: 1,
    Cúc: 1,
    Đào: 1,
    Hồng: 2,
    Xuân: 2,
    Thu: 2,
    Kiều: 1,
    Châu: 2,
    Huệ: 1,
    Nga: 2,
    Nguyệt: 1,
    Thúy: 2,
    Tiên: 2,
    Ánh: 2,
    Ly: 2,
    Quỳnh: 2,
    Phượng: 1,
  }),
};

/** Given names mostly seen in people born before 1975 (Southern birth-order and rural names). */
export const OLD_GIVEN_NAMES: Readonly<Record<Sex, WeightedTable<string>>> = {
  male: w({ Ba: 1, Tư: 1, Năm: 1, Sáu: 1, Út: 1, Chánh: 1, Mẫn: 1, Lượm: 0.5, Hớn: 0.5, Mười: 0.5 }),
  female: w({ Bé: 1, Út: 1, Lài: 1, Sen: 1, Mơ: 0.5, Hai: 0.5, Ba: 0.5, Tám: 0.5, Lựu: 0.5, Thắm: 1 }),
};

/** Given names popular for children born since 2005. */
export const NEW_GIVEN_NAMES: Readonly<Record<Sex, WeightedTable<string>>> = {
  male: w({
    Khang: 3,
    Khôi: 3,
    Bảo: 3,
    Phúc: 2,
    An: 2,
    Nguyên: 2,
    Kiệt: 2,
    Quân: 2,
    Đăng: 1,
    Vỹ: 1,
    Thiện: 1,
    Huy: 2,
  }),
  female: w({
    Hân: 3,
    Ngân: 2,
    Vy: 3,
    Nhi: 3,
    An: 2,
    Thư: 2,
    Như: 2,
    Anh: 2,
    Trân: 2,
    Ngọc: 1,
    Hà: 1,
    Khuê: 1,
  }),
};

/** Khmer given names as transcribed on Vietnamese documents (synthetic, plausible forms). */
export const KHMER_GIVEN_NAMES: Readonly<Record<Sex, WeightedTable<string>>> = {
  male: w({
    Sóc: 2,
    Sang: 2,
    'Sô Phát': 1,
    'Sa Rinh': 1,
    'Chanh Đa': 1,
    Khol: 1,
    Mên: 1,
    'Sơ Rây': 1,
    Pho: 1,
    Thươl: 1,
    'Sóc Kha': 1,
    'Cha Ren': 1,
    'Sà Phon': 1,
    Hên: 1,
    Ron: 1,
    Som: 1,
    'Đa Ra': 1,
    'Sa Mon': 1,
  }),
  female: w({
    'Sà Phia': 1,
    'Sa Ry': 1,
    'Sóc Thi': 1,
    'Sà Rươl': 1,
    Pha: 1,
    Mây: 1,
    'Sa Phone': 1,
    'Chanh Thi': 1,
    'Sà Rết': 1,
    'Ngọc Sa': 1,
    'Sa Mây': 1,
    'Sô Phia': 1,
    'Chăn Thy': 1,
    'Sa Rin': 1,
    'Đa Ny': 1,
    'Kim Hoa': 1,
  }),
};

export function drawFamilyName(rng: Rng, style: NameStyle): string {
  switch (style) {
    case 'khmer':
      return KHMER_FAMILY_NAMES.pick(rng);
    case 'hoa':
      return HOA_FAMILY_NAMES.pick(rng);
    case 'kinh':
      return KINH_FAMILY_NAMES.pick(rng);
  }
}

/** The middle and given names of a person; the family name is drawn per household. */
export interface PersonalNames {
  readonly middle: readonly string[];
  readonly given: string;
}

function cohort(birthYear: number): 0 | 1 | 2 {
  return birthYear < 1975 ? 0 : birthYear < 2000 ? 1 : 2;
}

/**
 * Middle and given names for a person. `motherFamily` is sometimes used as an extra middle name by
 * younger parents ("Nguyễn Trần Minh Khang").
 */
export function drawPersonalNames(
  rng: Rng,
  sex: Sex,
  birthYear: number,
  style: NameStyle,
  motherFamily?: string,
): PersonalNames {
  const era = cohort(birthYear);
  if (style === 'khmer' && rng.chance(0.6)) {
    const given = KHMER_GIVEN_NAMES[sex].pick(rng);
    const middle = sex === 'female' && rng.chance(0.6) ? ['Thị'] : [];
    return { middle, given };
  }
  let given: string;
  if (era === 0 && rng.chance(0.08)) given = OLD_GIVEN_NAMES[sex].pick(rng);
  else if (birthYear >= 2005 && rng.chance(0.3)) given = NEW_GIVEN_NAMES[sex].pick(rng);
  else given = GIVEN_NAMES[sex].pick(rng);

  const middleTable = MIDDLE_NAMES[sex][era];
  let first = middleTable.pick(rng);
  for (let i = 0; i < 3 && first === given; i++) first = middleTable.pick(rng);
  const middle = [first];
  if (era === 2 && rng.chance(0.18)) {
    const second = MIDDLE_NAMES[sex][2].pick(rng);
    if (second !== first && second !== given && second !== 'Văn' && second !== 'Thị') middle.push(second);
  }
  if (motherFamily !== undefined && birthYear >= 1995 && rng.chance(0.05) && !middle.includes(motherFamily)) {
    middle.unshift(motherFamily);
  }
  return { middle, given };
}

export function composeFullName(family: string, names: PersonalNames): string {
  return [family, ...names.middle, names.given].join(' ');
}
