/** 351000 → "351.000" (Vietnamese thousands separator). */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 47.5 → "47,5%", 80 → "80%" (Vietnamese decimal comma). */
export function formatPercent(percent: number): string {
  return `${String(Math.round(percent * 100) / 100).replace('.', ',')}%`;
}
