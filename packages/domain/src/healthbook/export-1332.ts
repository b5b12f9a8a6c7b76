/**
 * The VNeID-ready export of a health book: the QĐ 1332/QĐ-BYT groups A–E as one JSON document for
 * a downstream publisher. The group structure follows vn-health.md §1.2 (reconstructed from QĐ 31
 * Đ2 k3 and QĐ 2733 PL02; the 46-field table of QĐ 1332 Phụ lục B itself was not available), so the
 * keys are ours, named after the Vietnamese field titles; `schema` versions the shape. Diagnoses
 * are also given as the book's ICD-10 string (first code = main disease, ";"-separated — 1332 notes 1, 7).
 */
import type { BookEpisode, HealthBook, Provenance } from './types.ts';

export const EXPORT_1332_SCHEMA = 'https://fhir.suckhoe.vn/schema/so-suc-khoe-1332/v1';

const prov = (p: Provenance) => ({
  nguon: p.source,
  maCskcb: p.facility?.code ?? null,
  maLk: p.maLk,
  bangXml: p.table,
  sha256HoSo: p.envelopeSha256,
  daKySo: p.signed,
  chuKyHopLe: p.signatureVerified,
  thoiGianNhan: p.receivedAt,
});

const icdString = (e: BookEpisode): string =>
  [e.diagnoses.main?.code, ...e.diagnoses.secondary.map((d) => d.code)].filter(Boolean).join(';');

export function export1332(book: HealthBook) {
  const a = book.administrative;
  const h = book.history;
  return {
    schema: EXPORT_1332_SCHEMA,
    taoLuc: book.generatedAt,
    A_thongTinHanhChinh: {
      hoTen: a.fullName,
      ngaySinh: a.birthDate,
      gioiTinh: a.sexLabel,
      danToc: a.ethnicity,
      quocTich: a.nationality,
      ngheNghiep: a.occupation,
      soDinhDanhCaNhan: a.personalId,
      soDienThoai: a.phone,
      theBhyt: a.insurance
        ? {
            maThe: a.insurance.cardNumber,
            noiDangKyKcbBanDau: a.insurance.registeredFacility,
            giaTriTu: a.insurance.validFrom,
            giaTriDen: a.insurance.validTo,
          }
        : null,
      diaChiCuTru: a.address,
      noiQuanLyHoSoSucKhoe: a.recordManager,
      giayToTuyThan: a.identifiers.map((i) => ({
        loai: i.label,
        so: i.value,
        tu: i.validFrom,
        den: i.validTo,
      })),
    },
    B_tienSu: {
      diUng: h.allergies.map((x) => ({
        tacNhan: x.substance,
        mucDo: x.criticality,
        bieuHien: x.reactions,
        nguonGoc: prov(x.provenance),
      })),
      benhTat: h.chronicConditions.map((x) => ({
        maBenh: x.code,
        tenBenh: x.name,
        nhomBenh: x.group,
        tuNgay: x.since,
        lanGanNhat: x.lastSeen,
        nguonGoc: prov(x.provenance),
      })),
      khuyetTat: h.disabilities.map((x) => ({ tenBenh: x.name, nguonGoc: prov(x.provenance) })),
      yeuToNguyCo: h.riskFactors.map((x) => ({
        yeuTo: x.label,
        giaTri: x.value,
        thoiGian: x.at,
        nguonGoc: prov(x.provenance),
      })),
      tienSuGiaDinh: h.familyHistory.map((x) => ({
        quanHe: x.relationship,
        benh: x.condition,
        nguonGoc: prov(x.provenance),
      })),
      tiemChung: book.immunisations.map((x) => ({
        vacXin: x.vaccine,
        ma: x.code,
        ngayTiem: x.date,
        muiThu: x.doseNumber,
        soLo: x.lotNumber,
        noiTiem: x.performer,
        nguonGoc: prov(x.provenance),
      })),
      nhomMau: h.bloodGroup
        ? { giaTri: h.bloodGroup.value, thoiGian: h.bloodGroup.at, nguonGoc: prov(h.bloodGroup.provenance) }
        : null,
      chieuCao: h.height
        ? {
            giaTri: h.height.value,
            donVi: h.height.unit,
            thoiGian: h.height.at,
            nguonGoc: prov(h.height.provenance),
          }
        : null,
      canNang: h.weight
        ? {
            giaTri: h.weight.value,
            donVi: h.weight.unit,
            thoiGian: h.weight.at,
            nguonGoc: prov(h.weight.provenance),
          }
        : null,
    },
    C_dotKhamChuaBenh: book.episodes.items.map((e) => ({
      coSoKcb: e.facility,
      hinhThucKcb: e.type,
      thoiGianVao: e.period.start,
      thoiGianRa: e.period.end,
      lyDoDenKham: e.reason,
      chanDoanVao: e.diagnoses.admissionText,
      chanDoanRaVien: e.diagnoses.dischargeText,
      maBenh: icdString(e),
      benhChinh: e.diagnoses.main,
      benhKemTheo: e.diagnoses.secondary,
      ketQuaDieuTri: e.outcome,
      tinhTrangRaVien: e.dischargeType,
      canNang: e.weightKg,
      ketQuaCanLamSang: e.labs.map((l) => ({
        chiSo: l.name,
        giaTri: l.value,
        donVi: l.unit,
        ketLuan: l.conclusion,
        thoiGian: l.at,
      })),
      thuocDaDung: e.drugs.map((d) => ({
        tenThuoc: d.name,
        hamLuong: d.strength,
        lieuDung: d.dosage,
        soLuong: d.quantity,
        donVi: d.unit,
      })),
      dichVuKyThuat: e.services.map((s) => ({
        ten: s.name,
        loai: s.kind,
        nhom: s.group,
        soLuong: s.quantity,
        thoiGian: s.at,
      })),
      loiDanCuaBacSi: e.advice,
      ngayTaiKham: e.followUpDates,
      nguonGoc: prov(e.provenance),
    })),
    D_tomTatHoSoBenhAn: book.episodes.items
      .filter((e) => e.summary !== null)
      .map((e) => ({
        maLk: e.provenance.maLk,
        chanDoanVao: e.summary?.admissionDiagnosis ?? null,
        chanDoanRaVien: e.summary?.dischargeDiagnosis ?? null,
        quaTrinhBenhLy: e.summary?.course ?? null,
        tomTatKetQuaCls: e.summary?.keyResults ?? null,
        phuongPhapDieuTri: e.summary?.treatment ?? null,
        ketQuaDieuTri: e.summary?.outcome ?? null,
        ghiChu: e.summary?.note ?? null,
        ngayChungTu: e.summary?.date ?? null,
        nguonGoc: prov(e.provenance),
      })),
    E_giayTo: {
      giayChuyenTuyen: book.referrals.map((r) => ({
        soChuyenTuyen: r.number,
        ngay: r.date,
        noiDi: r.from,
        noiDen: r.to,
        lyDo: r.reason,
        chanDoan: r.diagnosis,
        huongDieuTri: r.direction,
        hieuLucDen: r.validUntil,
        nguonGoc: prov(r.provenance),
      })),
      giayHenKhamLai: book.appointments.map((x) => ({
        soGiayHen: x.number,
        ngayHen: x.at,
        coSoKcb: x.facility,
        chanDoan: x.diagnosis,
        ngayCap: x.issuedOn,
        nguonGoc: prov(x.provenance),
      })),
      giayToKhac: book.documents.map((d) => ({
        loai: d.kind,
        tieuDe: d.title,
        so: d.number,
        ngay: d.date,
        coSoKcb: d.facility,
        noiDung: d.fields,
        nguonGoc: prov(d.provenance),
      })),
    },
    thongBaoDongY: book.consent,
  };
}

export type Export1332 = ReturnType<typeof export1332>;
