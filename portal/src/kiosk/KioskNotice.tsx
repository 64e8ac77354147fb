import type { NoticeView } from '@oneseal/runtime/web';
import { noticeView, useRequest } from '@oneseal/runtime/web';
import { Button, Checkbox, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api';
import { Loaded } from '../pages/Status';
import { readyMaterials } from './drafts';
import { printPage } from './KioskGuide';
import { KIOSK_HOME, KioskScreen } from './KioskScreen';

function TextList({ items, numbered }: { items: string[]; numbered: boolean }) {
  const rows = items.map((text) => <li key={text}>{text}</li>);
  return numbered ? <ol>{rows}</ol> : <ul className="kiosk-plain">{rows}</ul>;
}

/**
 * The materials of the notice, each with a box to tick when the person has it ready. The ticks are theirs alone:
 * kept for this visit only (forgotten when the kiosk starts over) and never printed.
 */
function Materials({ view, region, item }: { view: NoticeView; region: string; item: string }) {
  const [ready, setReady] = useState(() => readyMaterials.load(region, item));
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...ready, code] : ready.filter((c) => c !== code);
    setReady(next);
    readyMaterials.save(region, item, next);
  };
  const left = view.materials.filter((m) => !ready.includes(m.code)).length;
  return (
    <>
      <p className="kiosk-ready-count kiosk-no-print" aria-live="polite">
        {left === 0 ? '材料已全部备好' : `还需准备 ${left} 项（点“已备好”逐项核对）`}
      </p>
      <ol className="kiosk-materials">
        {view.materials.map((m) => (
          <li key={m.code}>
            <div className="kiosk-material">
              <strong>{m.name}</strong> {m.necessity ? <Tag>{m.necessity}</Tag> : null}
              <div className="kiosk-muted">
                {[m.form, m.copies, m.source && `来源：${m.source}`, m.issuer && `出具单位：${m.issuer}`]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {m.notes.map((n) => (
                <div key={n} className="kiosk-note">
                  {n}
                </div>
              ))}
            </div>
            <Checkbox
              className="kiosk-ready kiosk-no-print"
              checked={ready.includes(m.code)}
              onChange={(e) => toggle(m.code, e.target.checked)}
              aria-label={`已备好：${m.name}`}
            >
              已备好
            </Checkbox>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The 一次性告知单 of one item: the runtime's notice view (what the printed notice says), on screen and printed. */
export function KioskNotice() {
  const { region = '', item: code = '' } = useParams();
  const state = useRequest(() => api.item(region, code), [region, code]);
  return (
    <KioskScreen
      heading="一次性告知单"
      lead={state.data?.name}
      back={`${KIOSK_HOME}/regions/${region}/items/${code}`}
    >
      <Loaded state={state}>
        {(item) => {
          const view = noticeView(item);
          return (
            <>
              <div className="kiosk-actions">
                <Button type="primary" size="large" onClick={printPage}>
                  打印一次性告知单
                </Button>
              </div>
              <article className="kiosk-document kiosk-notice">
                {view.body ? <p className="kiosk-muted">{view.body}</p> : null}
                <p>{view.opening}</p>
                {view.basis.length > 0 ? (
                  <section>
                    <h2>办理依据</h2>
                    <TextList items={view.basis} numbered={false} />
                  </section>
                ) : null}
                {view.conditions.items.length > 0 ? (
                  <section>
                    <h2>申请条件</h2>
                    <TextList {...view.conditions} />
                  </section>
                ) : null}
                <section>
                  <h2>申请材料（全部）</h2>
                  {view.materials.length > 0 ? (
                    <Materials view={view} region={region} item={code} />
                  ) : (
                    <p className="kiosk-muted">未载明</p>
                  )}
                </section>
                {view.facts.length > 0 ? (
                  <section>
                    <h2>办理流程、时限、地点和联系方式</h2>
                    <dl className="kiosk-facts">
                      {view.facts.map((f) => (
                        <div key={f.label}>
                          <dt>{f.label}</dt>
                          <dd>{f.value}</dd>
                        </div>
                      ))}
                    </dl>
                  </section>
                ) : null}
              </article>
            </>
          );
        }}
      </Loaded>
    </KioskScreen>
  );
}
