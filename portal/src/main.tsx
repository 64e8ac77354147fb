import 'antd/dist/reset.css';
import './portal.css';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { App } from './App';

// The self-service terminal has its own layout (no portal header or footer) and its own chunk: a phone never loads it.
const KioskApp = lazy(() => import('./kiosk/KioskApp').then((m) => ({ default: m.KioskApp })));

createRoot(document.getElementById('root')!).render(
  <BrowserRouter>
    <Routes>
      <Route
        path="/kiosk/*"
        element={
          <Suspense fallback={<div className="os-loading">正在加载…</div>}>
            <KioskApp />
          </Suspense>
        }
      />
      <Route path="*" element={<App />} />
    </Routes>
  </BrowserRouter>,
);
