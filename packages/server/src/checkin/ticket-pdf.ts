import type { Content } from 'pdfmake';
import { renderPdf, type TDocumentDefinitions } from './pdf-engine.ts';
import { vnClock } from './time.ts';

/** 80 mm roll (thermal receipt printers print about 72 mm of it). */
export const TICKET_WIDTH_PT = (80 / 25.4) * 72;
const MARGIN_PT = (4 / 25.4) * 72;

export interface TicketPdfInput {
  checkinId: string;
  facilityCode: string;
  facilityName: string;
  clinicCode: string;
  clinicName: string;
  /** "K01-007" */
  label: string;
  number: number;
  day: string;
  checkedInAt: Date;
  fullName: string;
  birthYear: string;
  /** Tickets before this one still waiting (0 = called already / next). */
  ahead: number;
  estimatedWaitMinutes: number;
  /** "BHYT 80% — đúng tuyến", "Tự chi trả" … */
  payer: string;
}

/**
 * What the ticket's QR says: a reference to the ticket, no personal data —
 * `SKH-TICKET|<check-in id>|<facility>|<clinic>|<yyyyMMdd>|<number>`.
 */
export function ticketQrText(
  t: Pick<TicketPdfInput, 'checkinId' | 'facilityCode' | 'clinicCode' | 'day' | 'number'>,
): string {
  return [
    'SKH-TICKET',
    t.checkinId,
    t.facilityCode,
    t.clinicCode,
    t.day.replace(/-/g, ''),
    String(t.number),
  ].join('|');
}

/** A dashed separator (a new node each time: pdfmake writes layout data into the nodes it renders). */
const rule = (): Content => ({
  canvas: [
    {
      type: 'line',
      x1: 0,
      y1: 0,
      x2: TICKET_WIDTH_PT - 2 * MARGIN_PT,
      y2: 0,
      lineWidth: 0.6,
      dash: { length: 2, space: 2 },
    },
  ],
  margin: [0, 6, 0, 6],
});

/** The queue ticket (phiếu số thứ tự) as a one-page PDF for an 80 mm thermal printer, height fitted to the content. */
export function ticketPdf(t: TicketPdfInput): Promise<Buffer> {
  const at = vnClock(t.checkedInAt);
  const doc: TDocumentDefinitions = {
    pageSize: { width: TICKET_WIDTH_PT, height: 'auto' },
    pageMargins: [MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT * 2],
    info: {
      title: `Phiếu số thứ tự ${t.label}`,
      author: t.facilityName,
      subject: 'Phiếu số thứ tự khám bệnh',
    },
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    content: [
      { text: t.facilityName.toUpperCase(), bold: true, alignment: 'center', fontSize: 10 },
      { text: `Mã cơ sở ${t.facilityCode}`, alignment: 'center', fontSize: 8, color: '#444444' },
      rule(),
      { text: 'PHIẾU SỐ THỨ TỰ KHÁM BỆNH', bold: true, alignment: 'center', fontSize: 11 },
      { text: t.clinicName, alignment: 'center', fontSize: 11, margin: [0, 2, 0, 0] },
      { text: t.label, bold: true, alignment: 'center', fontSize: 38, margin: [0, 4, 0, 2] },
      {
        text: t.ahead > 0 ? `Trước bạn còn ${t.ahead} người` : 'Sắp đến lượt bạn',
        alignment: 'center',
        fontSize: 10,
        bold: true,
      },
      ...(t.ahead > 0
        ? [
            {
              text: `Thời gian chờ dự kiến: khoảng ${t.estimatedWaitMinutes} phút`,
              alignment: 'center' as const,
              fontSize: 9,
            },
          ]
        : []),
      rule(),
      {
        table: {
          widths: ['auto', '*'],
          body: [
            ['Họ và tên', { text: t.fullName, bold: true }],
            ['Năm sinh', t.birthYear],
            ['Đối tượng', t.payer],
            ['Giờ lấy số', `${at.time} ngày ${at.date}`],
          ],
        },
        layout: 'noBorders',
        fontSize: 9,
      },
      rule(),
      { qr: ticketQrText(t), fit: 96, alignment: 'center', margin: [0, 2, 0, 4] },
      {
        text: 'Vui lòng giữ phiếu và chờ gọi số tại phòng khám.\nXin cảm ơn!',
        alignment: 'center',
        italics: true,
        fontSize: 8,
      },
    ],
  };
  return renderPdf(doc);
}
