import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '@oneseal/runtime/web';
import { SessionProvider, useUser } from './shell/auth';
import { Shell } from './shell/Shell';
import { LoginPage } from './pages/LoginPage';

dayjs.locale('zh-cn');

// Each page loads when first opened: the form designer and the charts are large and most visits need neither.
const DashboardPage = lazy(() =>
  import('./dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const TownshipPicker = lazy(() =>
  import('./pages/TownshipPicker').then((m) => ({ default: m.TownshipPicker })),
);
const TownshipListPage = lazy(() =>
  import('./pages/TownshipListPage').then((m) => ({ default: m.TownshipListPage })),
);
const ItemEditorPage = lazy(() =>
  import('./pages/ItemEditorPage').then((m) => ({ default: m.ItemEditorPage })),
);
const HistoryPage = lazy(() => import('./pages/HistoryPage').then((m) => ({ default: m.HistoryPage })));
const ReviewPage = lazy(() => import('./pages/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const CataloguePage = lazy(() => import('./pages/CataloguePage').then((m) => ({ default: m.CataloguePage })));
const BaseItemPage = lazy(() => import('./pages/BaseItemPage').then((m) => ({ default: m.BaseItemPage })));
const LibraryPage = lazy(() => import('./pages/LibraryPage').then((m) => ({ default: m.LibraryPage })));
const SubmissionsPage = lazy(() =>
  import('./pages/SubmissionsPage').then((m) => ({ default: m.SubmissionsPage })),
);
const BookingsPage = lazy(() => import('./pages/BookingsPage').then((m) => ({ default: m.BookingsPage })));
const ExcelPage = lazy(() => import('./excel/ExcelPage').then((m) => ({ default: m.ExcelPage })));

/** Where a user starts: a township editor in their own list, everyone else on the dashboard. */
function Home() {
  const user = useUser();
  return (
    <Navigate to={user.role === 'township-editor' ? `/townships/${user.regionCode}` : '/dashboard'} replace />
  );
}

export function App() {
  const { pathname } = useLocation();
  return (
    <ConfigProvider
      locale={zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#b4211d', colorLink: '#a8071a', colorTextDescription: '#595959' } }}
    >
      <AntApp>
        <SessionProvider>
          {(current) =>
            current ? (
              <Shell>
                <ErrorBoundary home="/designer/" resetKey={pathname}>
                  <Suspense fallback={<Spin className="ds-loading" />}>
                    <Routes>
                      <Route path="/" element={<Home />} />
                      <Route path="/dashboard" element={<DashboardPage />} />
                      <Route path="/townships" element={<TownshipPicker />} />
                      <Route path="/townships/:code" element={<TownshipListPage />} />
                      <Route path="/townships/:code/excel" element={<ExcelPage />} />
                      <Route path="/townships/:code/submissions" element={<SubmissionsPage />} />
                      <Route path="/townships/:code/bookings" element={<BookingsPage />} />
                      <Route path="/townships/:code/items/:item" element={<ItemEditorPage />} />
                      <Route path="/townships/:code/items/:item/history" element={<HistoryPage />} />
                      <Route path="/review" element={<ReviewPage />} />
                      <Route path="/catalogue" element={<CataloguePage />} />
                      <Route path="/catalogue/:code" element={<BaseItemPage />} />
                      <Route path="/library/:kind" element={<LibraryPage />} />
                      <Route path="*" element={<Navigate to="/" replace />} />
                    </Routes>
                  </Suspense>
                </ErrorBoundary>
              </Shell>
            ) : (
              <LoginPage />
            )
          }
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
