import './kiosk.css';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useCallback, useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ChooseItem, ChooseCategory } from './ChooseItem';
import { ChooseCounty, ChooseTownship } from './ChoosePlace';
import { forgetKioskDrafts } from './drafts';
import { idleTimes, useIdle } from './idle';
import { KioskGuide } from './KioskGuide';
import { KIOSK_HOME } from './KioskScreen';
import { KioskNotice } from './KioskNotice';

// Read at arm's length on a portrait 1080 × 1920 screen, tapped with a finger: every control at least 64 px.
const THEME = {
  token: {
    fontSize: 26,
    fontSizeLG: 30,
    controlHeight: 64,
    controlHeightLG: 88,
    colorPrimary: '#b4211d',
    colorLink: '#a8071a',
    colorTextSecondary: '#434343',
    colorTextDescription: '#595959',
    borderRadius: 10,
  },
};

function IdleWarning({ seconds }: { seconds: number }) {
  return (
    <div className="kiosk-idle" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-idle-title">
      <div className="kiosk-idle-box">
        <p id="kiosk-idle-title" className="kiosk-idle-title">
          您还在使用吗？
        </p>
        <p>
          <span className="kiosk-idle-seconds">{seconds}</span> 秒后将返回首页，并清除本次的选择
        </p>
        {/* Any touch keeps the kiosk as it is; the button says so. */}
        <button type="button" className="kiosk-nav-button kiosk-idle-stay">
          继续使用
        </button>
      </div>
    </div>
  );
}

/**
 * The 24-hour self-service terminal (/kiosk): a layout of its own, without the portal's header, footer or any way
 * out. After a minute untouched (or `?idle=N` seconds, see idle.ts) it forgets everything of this visit — the
 * screens' state, the ticks kept in session storage — and starts over, after a countdown.
 */
export function KioskApp() {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [times] = useState(() => idleTimes(search));
  // A new visit remounts every screen, so no state of the last one survives in React either.
  const [visit, setVisit] = useState(0);
  const atStart = pathname === KIOSK_HOME || pathname === `${KIOSK_HOME}/`;
  const startOver = useCallback(() => {
    // Nobody at the start screen has chosen anything yet: nothing to forget, nothing to warn of.
    if (atStart) return;
    forgetKioskDrafts();
    setVisit((v) => v + 1);
    navigate(KIOSK_HOME, { replace: true });
    window.scrollTo(0, 0);
  }, [atStart, navigate]);
  const secondsLeft = useIdle(times, startOver);
  // Whoever comes back to the start (首页) ends their visit too.
  useEffect(() => {
    if (atStart) forgetKioskDrafts();
  }, [atStart]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        {/* A long press must not open the browser's menu (open in a new window, save, print to file…). */}
        <div className="kiosk" onContextMenu={(e) => e.preventDefault()}>
          <Routes key={visit}>
            <Route index element={<ChooseCounty />} />
            <Route path="counties/:county" element={<ChooseTownship />} />
            <Route path="regions/:region" element={<ChooseCategory />} />
            <Route path="regions/:region/types/:type" element={<ChooseItem />} />
            <Route path="regions/:region/items/:item" element={<KioskGuide />} />
            <Route path="regions/:region/items/:item/notice" element={<KioskNotice />} />
            <Route path="*" element={<Navigate to={KIOSK_HOME} replace />} />
          </Routes>
          {secondsLeft !== null && !atStart ? <IdleWarning seconds={secondsLeft} /> : null}
        </div>
      </AntApp>
    </ConfigProvider>
  );
}
