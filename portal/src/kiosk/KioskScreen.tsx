import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export const KIOSK_HOME = '/kiosk';

/**
 * A place in the kiosk. Every move replaces the history entry, so no gesture or key can walk back through the
 * screens of the person before; 返回 goes to the screen above this one, whatever came before it.
 */
export function KioskLink({
  to,
  className,
  children,
}: {
  to: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link to={to} replace className={className}>
      {children}
    </Link>
  );
}

/** A large tile to tap: a township, a category or an item. */
export function Tile({ to, title, detail }: { to: string; title: string; detail?: ReactNode }) {
  return (
    <KioskLink to={to} className="kiosk-tile">
      <span className="kiosk-tile-title">{title}</span>
      {detail ? <span className="kiosk-tile-detail">{detail}</span> : null}
    </KioskLink>
  );
}

/**
 * One kiosk screen: the terminal's name, the screen's heading, its content, and 返回 and 首页 at the bottom where a
 * thumb reaches them. On the start screen there is nothing to go back to: both are shown, inactive.
 */
export function KioskScreen({
  heading,
  lead,
  back,
  children,
}: {
  heading: string;
  lead?: ReactNode;
  /** The screen above this one; none on the start screen. */
  back?: string;
  children: ReactNode;
}) {
  return (
    <>
      <header className="kiosk-top">
        <span className="kiosk-seal" aria-hidden="true">
          章
        </span>
        桂林乡镇政务服务 · 自助终端
      </header>
      <main className="kiosk-main">
        <h1>{heading}</h1>
        {lead ? <p className="kiosk-lead">{lead}</p> : null}
        {children}
      </main>
      <nav className="kiosk-nav" aria-label="返回和首页">
        {back ? (
          <KioskLink to={back} className="kiosk-nav-button">
            ‹ 返回
          </KioskLink>
        ) : (
          <span className="kiosk-nav-button" aria-disabled="true">
            ‹ 返回
          </span>
        )}
        {back ? (
          <KioskLink to={KIOSK_HOME} className="kiosk-nav-button kiosk-nav-home">
            首页
          </KioskLink>
        ) : (
          <span className="kiosk-nav-button kiosk-nav-home" aria-disabled="true">
            首页
          </span>
        )}
      </nav>
    </>
  );
}
