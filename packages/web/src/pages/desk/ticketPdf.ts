import { fetchTicketPdf } from '../../api/checkin.ts';

/**
 * Open the ticket PDF in a new tab (desk: print from the browser's PDF viewer). The tab is opened
 * synchronously in the click, then pointed at the PDF, so popup blockers let it through.
 */
export async function openTicketPdf(checkinId: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await fetchTicketPdf(checkinId));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
