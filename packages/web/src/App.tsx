import { Suspense } from 'react';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth/useAuth.ts';
import LoginPage from './pages/login/LoginPage.tsx';
import { NotFoundPage } from './pages/common/NotFoundPage.tsx';
import { PageLoader } from './pages/common/PageLoader.tsx';
import { useHashPath } from './router/hashRouter.ts';
import { publicScreen, screensFor } from './screens.ts';
import { AppLayout } from './shell/AppLayout.tsx';

export function App() {
  const { user } = useAuth();
  const path = useHashPath();
  const { t } = useTranslation();
  const screens = user ? screensFor(user) : [];
  // `#/` (or no hash) opens the first screen the user may use.
  const screen = path === '/' ? screens[0] : screens.find((s) => s.path === path);
  const open = user ? undefined : publicScreen(path);
  const title = open
    ? t(`nav.${open.navKey}`)
    : !user
      ? t('login.title')
      : screen
        ? t(`nav.${screen.navKey}`)
        : t('notFound.title');
  useDocumentTitle(`${title} · ${t('app.name')}`);

  if (!user) {
    return open ? (
      <Suspense fallback={<PageLoader />}>
        <open.component />
      </Suspense>
    ) : (
      <LoginPage />
    );
  }

  const page = screen ? (
    <Suspense fallback={<PageLoader />}>
      <screen.component />
    </Suspense>
  ) : (
    <NotFoundPage home={screens[0]?.path ?? '/'} />
  );
  if (screen?.chrome === 'bare') return page;
  return (
    <AppLayout user={user} screens={screens} activePath={screen?.path ?? null}>
      {page}
    </AppLayout>
  );
}
