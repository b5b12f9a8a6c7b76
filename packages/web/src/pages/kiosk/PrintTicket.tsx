import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { CheckinResult } from '../../api/checkin.ts';

/** Same reference as the PDF ticket's QR (server checkin/ticket-pdf.ts): no personal data. */
export function ticketQrText(r: CheckinResult): string {
  const c = r.checkin;
  return [
    'SKH-TICKET',
    c.id,
    c.facilityCode,
    c.clinicCode,
    c.day.replace(/-/g, ''),
    String(r.ticket.number),
  ].join('|');
}

const PRINT_CSS = `
.kiosk-print { display: none; }
@media print {
  @page { size: 80mm auto; margin: 4mm; }
  body * { visibility: hidden !important; }
  .kiosk-print, .kiosk-print * { visibility: visible !important; }
  .kiosk-print { display: block; position: absolute; left: 0; top: 0; width: 72mm; color: #000;
    font-family: Roboto, 'DejaVu Sans', Arial, sans-serif; text-align: center; }
  .kiosk-print .num { font-size: 30pt; font-weight: 800; margin: 2mm 0; }
  .kiosk-print hr { border: 0; border-top: 1px dashed #000; margin: 2mm 0; }
  .kiosk-print img { width: 30mm; height: 30mm; }
  .kiosk-print p { margin: 0.6mm 0; font-size: 9pt; }
}`;

/**
 * The ticket as printed by the kiosk: an 80 mm print layout of the page (a kiosk browser started with
 * `--kiosk-printing` prints it without a dialog). `onReady` runs once the QR image is drawn.
 */
export function PrintTicket({
  result,
  facilityName,
  clinicName,
  onReady,
}: {
  result: CheckinResult;
  facilityName: string;
  clinicName: string;
  onReady: () => void;
}) {
  const [qr, setQr] = useState<string | null>(null);
  const text = ticketQrText(result);
  useEffect(() => {
    QRCode.toDataURL(text, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(setQr, () => {
      setQr('');
    });
  }, [text]);
  useEffect(() => {
    if (qr !== null) onReady();
  }, [qr, onReady]);
  const at = new Date(result.checkin.checkedInAt).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });
  const ahead = result.ticket.position - 1;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="kiosk-print" data-testid="kiosk-print" aria-hidden="true">
        <p>
          <b>{facilityName.toUpperCase()}</b>
        </p>
        <hr />
        <p>
          <b>PHIẾU SỐ THỨ TỰ KHÁM BỆNH</b>
        </p>
        <p>{clinicName}</p>
        <div className="num">{result.ticket.label}</div>
        <p>
          {ahead > 0
            ? `Trước bạn còn ${String(ahead)} người · khoảng ${String(result.ticket.estimatedWaitMinutes)} phút`
            : 'Sắp đến lượt bạn'}
        </p>
        <hr />
        <p>{result.person.fullName}</p>
        <p>Giờ lấy số: {at}</p>
        {qr && <img src={qr} alt="" />}
        <p>
          <i>Vui lòng giữ phiếu và chờ gọi số. Xin cảm ơn!</i>
        </p>
      </div>
    </>
  );
}
