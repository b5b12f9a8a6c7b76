import type { SVGProps } from 'react';

/** Outline icons drawn on a 24×24 grid (stroke style, no icon library needed). */
const PATHS = {
  search: 'M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM21 21l-6-6',
  logout: 'M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2M9 12h12M18 9l3 3l-3 3',
  user: 'M12 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM5 21v-2a5 5 0 0 1 5-5h4a5 5 0 0 1 5 5v2',
  idCard:
    'M3 6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM9 8a2 2 0 1 0 0 4a2 2 0 1 0 0-4zM15 9h3M15 13h3M6 16c.5-1.5 1.7-2 3-2s2.5.5 3 2',
  alert: 'M12 9v4M12 17h.01M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 8h.01M11 12h1v4h1',
  userSearch:
    'M10 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 21v-2a4 4 0 0 1 4-4h3M17 14a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM21.5 21.5L19.2 19.2',
  close: 'M18 6L6 18M6 6l12 12',
  phone: 'M5 4h4l2 5l-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  mapPin: 'M12 8a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM17.7 16.7L13.4 21a2 2 0 0 1-2.8 0l-4.3-4.3a8 8 0 1 1 11.4 0z',
  ticket:
    'M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v2a2 2 0 0 0 0 4v2a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-2a2 2 0 0 0 0-4zM14 5v2M14 11v2M14 17v2',
  printer:
    'M7 9V3h10v6M7 17H5a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2M7 14h10v7H7z',
  camera:
    'M4 8h3l2-3h6l2 3h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1zM12 10a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7z',
  monitor: 'M3 5h18v11H3zM8 21h8M12 16v5',
  megaphone: 'M3 10v4h3l7 4V6L6 10zM16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11',
  check: 'M5 12l5 5L20 7',
  arrowLeft: 'M19 12H5M11 6l-6 6l6 6',
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2M6.5 6.5h1v1h-1zM16.5 6.5h1v1h-1zM6.5 16.5h1v1h-1z',
  edit: 'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9c-4.5-1-8-4-8-9V6z',
  book: 'M5 4a2 2 0 0 1 2-2h12v16H7a2 2 0 0 0-2 2zM5 20a2 2 0 0 0 2 2h12v-4M12 6v6M9 9h6',
} as const;

export type IconName = keyof typeof PATHS;

export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'name' | 'stroke'> {
  name: IconName;
  size?: number;
  stroke?: number;
}

export function Icon({ name, size = 18, stroke = 1.8, ...rest }: IconProps) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={stroke}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
