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
  /**
   * Opens without signing in too (a `bare` page that calls only public endpoints when nobody is
   * signed in): the waiting-room screen needs no account on an unattended PC.
   */
  public?: true;
  /** Each screen is a lazily loaded chunk (default export of its page module). */
  component: LazyExoticComponent<ComponentType>;
}

/**
 * Every screen of the app, in navbar order. Planned next (see README):
 * station programmes (`/programmes`), dashboard (`/dashboard`), admin (`/admin`).
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
  {
    path: '/desk',
    navKey: 'desk',
    icon: 'idCard',
    roles: ['registrar', 'clinician', 'station_staff', 'facility_admin'],
    chrome: 'shell',
    component: lazy(() => import('./pages/desk/DeskPage.tsx')),
  },
  {
    // Full screen, no shell: a kiosk PC signed in as a registrar account of its facility.
    path: '/kiosk',
    navKey: 'kiosk',
    icon: 'ticket',
    roles: ['registrar'],
    chrome: 'bare',
    component: lazy(() => import('./pages/kiosk/KioskPage.tsx')),
  },
  {
    // Waiting-room screen: `#/display?facility=92003&clinic=K01` (ticket numbers only), also signed out.
    path: '/display',
    navKey: 'display',
    icon: 'monitor',
    roles: ['registrar', 'clinician', 'station_staff', 'facility_admin'],
    chrome: 'bare',
    public: true,
    component: lazy(() => import('./pages/display/DisplayPage.tsx')),
  },
  {
    // A facility admin declares the facility's clinics (queues).
    path: '/clinics',
    navKey: 'clinics',
    icon: 'edit',
    roles: ['facility_admin'],
    chrome: 'shell',
    component: lazy(() => import('./pages/clinics/ClinicsPage.tsx')),
  },
  {
    path: '/book',
    navKey: 'healthbook',
    icon: 'book',
    roles: ['clinician', 'registrar', 'station_staff', 'facility_admin'],
    chrome: 'shell',
    component: lazy(() => import('./pages/healthbook/HealthBookPage.tsx')),
  },
  {
    // Person review queue of XML 130 ingest (own facility; admin all).
    path: '/reviews',
    navKey: 'reviews',
    icon: 'shield',
    roles: ['registrar', 'facility_admin'],
    chrome: 'shell',
    component: lazy(() => import('./pages/reviews/ReviewQueuePage.tsx')),
  },
  {
    path: '/mybook',
    navKey: 'mybook',
    icon: 'book',
    roles: ['citizen'],
    chrome: 'shell',
    component: lazy(() => import('./pages/mybook/MyBookPage.tsx')),
  },
];

/** The screen of a path that opens without signing in, if any. */
export function publicScreen(path: string): Screen | undefined {
  return SCREENS.find((s) => s.public && s.path === path);
}

export function screensFor(user: User): Screen[] {
  return SCREENS.filter(
    (screen) =>
      !screen.roles?.length ||
      user.roles.includes('admin') ||
      screen.roles.some((role) => user.roles.includes(role)),
  );
}
