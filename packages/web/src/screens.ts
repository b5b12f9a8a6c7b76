import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '@suckhoe/domain/roles';
import type { User } from './api/types.ts';
import type { Messages } from './i18n/vi.ts';
import type { IconName } from './ui/Icon.tsx';

/** Navbar label keys: every key of `nav` in the texts except the navbar's own labels. */
export type NavKey = Exclude<keyof Messages['nav'], 'label' | 'toggle'>;

export interface Screen {
  /** Hash path, e.g. `/persons` → `#/persons`. */
  path: `/${string}`;
  navKey: NavKey;
  icon: IconName;
  /** Who may open it; empty or missing = every signed-in user. `admin` always may. */
  roles?: readonly Role[];
  /** `shell` (header + navbar) or `bare` (full screen, e.g. the kiosk). */
  chrome: 'shell' | 'bare';
  /** Each screen is a lazily loaded chunk (default export of its page module). */
  component: LazyExoticComponent<ComponentType>;
}

/**
 * Every screen of the app, in navbar order. Planned next (see README): desk check-in (`/desk`),
 * kiosk (`/kiosk`, bare), health book (`/book`), station programmes (`/programmes`),
 * dashboard (`/dashboard`), admin (`/admin`).
 */
export const SCREENS: readonly Screen[] = [
  {
    path: '/persons',
    navKey: 'persons',
    icon: 'userSearch',
    roles: ['clinician', 'registrar', 'station_staff', 'facility_admin'],
    chrome: 'shell',
    component: lazy(() => import('./pages/persons/PersonSearchPage.tsx')),
  },
];

export function screensFor(user: User): Screen[] {
  return SCREENS.filter(
    (screen) =>
      !screen.roles?.length ||
      user.roles.includes('admin') ||
      screen.roles.some((role) => user.roles.includes(role)),
  );
}
