import { App as AntApp, ConfigProvider, Switch } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router-dom';
import { ErrorBoundary } from '@oneseal/runtime/web';
import { useLargeText } from './largeText';
import { BookingPage } from './pages/BookingPage';
import { BundlePage } from './pages/BundlePage';
import { Catalogue } from './pages/Catalogue';
import { Home } from './pages/Home';
import { ItemPage } from './pages/ItemPage';
import { NotFound } from './pages/NotFound';
import { Receipt } from './pages/Receipt';

// The form pages bring Formily and the validators: a phone loads them only when the applicant starts to fill in.
const Apply = lazy(() => import('./pages/Apply').then((m) => ({ default: m.Apply })));
const Track = lazy(() => import('./pages/Track').then((m) => ({ default: m.Track })));

dayjs.locale('zh-cn');

export function App() {
  const [large, setLarge] = useLargeText();
  const { pathname } = useLocation();
  const theme = {
    token: {
      fontSize: large ? 20 : 16,
      fontSizeLG: large ? 22 : 18,
      controlHeight: large ? 48 : 40,
      controlHeightLG: large ? 56 : 48,
      colorPrimary: '#b4211d',
      // Links darker than the primary red, for contrast on white and on the page grey.
      colorLink: '#a8071a',
      // antd's grey texts are 45 % black: too faint for older eyes (and for WCAG AA).
      colorTextSecondary: '#434343',
      colorTextTertiary: '#595959',
      colorTextDescription: '#595959',
      colorTextPlaceholder: '#767676',
      borderRadius: 6,
    },
  };
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <a className="os-skip" href="#main">
          跳到正文
        </a>
        <header className="os-header">
          <Link to="/" className="os-brand">
            <span className="os-seal" aria-hidden="true">
              章
            </span>
            桂林乡镇政务服务
          </Link>
          <nav className="os-nav" aria-label="站点">
            <Link to="/track">办件查询</Link>
            <label className="os-large-toggle">
              <span>大字模式</span>
              <Switch
                checked={large}
                onChange={setLarge}
                checkedChildren="开"
                unCheckedChildren="关"
                aria-label="大字模式"
              />
            </label>
          </nav>
        </header>
        <main id="main" className="os-main" tabIndex={-1}>
          <ErrorBoundary home="/" resetKey={pathname}>
            <Suspense fallback={<div className="os-loading">正在加载…</div>}>
              <Routes>
                <Route path="/" element={<Home />} />
                <Route path="/regions/:region" element={<Catalogue />} />
                <Route path="/regions/:region/items/:item" element={<ItemPage />} />
                <Route path="/regions/:region/items/:item/booking" element={<BookingPage />} />
                <Route path="/regions/:region/apply" element={<Apply />} />
                <Route path="/regions/:region/bundles/:bundle" element={<BundlePage />} />
                <Route path="/receipt/:reference" element={<Receipt />} />
                <Route path="/track" element={<Track />} />
                <Route path="*" element={<NotFound />} />
              </Routes>
            </Suspense>
          </ErrorBoundary>
        </main>
        <footer className="os-footer">桂林市“乡镇一枚印章管审批”改革 · 同一事项无差别受理、同标准办理</footer>
      </AntApp>
    </ConfigProvider>
  );
}
