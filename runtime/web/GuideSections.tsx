// The guide as the public reads it on screen: the portal's item page, and the designer's preview of a draft.
import { Descriptions, Tag } from 'antd';
import type { GuideSection } from '../src/documents/guideView';

// A fact the item does not state is '' in the view: on screen it is simply left out.
const shown = (text: string) => Boolean(text);

/** The materials as cards rather than the printed table: readable on a phone. */
function Materials({
  materials,
}: {
  materials: Extract<GuideSection, { partial: 'section-materials' }>['materials'];
}) {
  return (
    <ol className="os-materials">
      {materials.map((m) => (
        <li key={m.code}>
          <strong>{m.name}</strong> {shown(m.necessity) ? <Tag>{m.necessity}</Tag> : null}
          <div className="os-muted">
            {[m.form, m.copies, m.source && `来源：${m.source}`, m.issuer && `出具单位：${m.issuer}`]
              .filter(Boolean)
              .join(' · ')}
          </div>
          {m.notes.map((n) => (
            <div key={n} className="os-note">
              {n}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}

function Body({
  section,
  flowchart,
  flowchartLink,
}: {
  section: GuideSection;
  flowchart?: string;
  flowchartLink: boolean;
}) {
  switch (section.partial) {
    case 'section-paragraphs':
      return (
        <>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </>
      );
    case 'section-list': {
      // Texts that number themselves are not numbered again, as in print.
      const items = section.items.map((i) => <li key={i}>{i}</li>);
      return section.numbered ? <ol>{items}</ol> : <ul className="os-plain">{items}</ul>;
    }
    case 'section-unstated':
      return <p className="os-muted">未载明</p>;
    case 'section-pairs':
      return (
        <Descriptions
          column={1}
          size="small"
          items={section.rows.map((r) => ({ key: r.label, label: r.label, children: r.value }))}
        />
      );
    case 'section-materials':
      return <Materials materials={section.materials} />;
    case 'section-process':
      return (
        <>
          <ol className="os-steps">
            {section.steps.map((s) => (
              <li key={s.index}>
                <strong>{s.name}</strong>
                <span className="os-muted"> {[s.post, s.limit].filter(shown).join(' · ')}</span>
                {s.description ? <div>{s.description}</div> : null}
                {shown(s.documents) ? <div className="os-muted">结果文书：{s.documents}</div> : null}
              </li>
            ))}
          </ol>
          {section.hasFlowchart && flowchart ? (
            <figure className="os-flowchart">
              <img src={flowchart} alt="办理流程图（各环节及时限见上方列表）" />
              {flowchartLink ? (
                <figcaption>
                  <a href={flowchart} target="_blank" rel="noreferrer">
                    查看大图
                  </a>
                </figcaption>
              ) : null}
            </figure>
          ) : null}
        </>
      );
    case 'section-faq':
      return (
        <dl className="os-faq">
          {section.faq.map((f) => (
            <div key={f.question}>
              <dt>{f.question}</dt>
              <dd>{f.answer}</dd>
            </div>
          ))}
        </dl>
      );
    case 'section-risks':
      return (
        <ul>
          {section.risks.map((r) => (
            <li key={r.point}>
              {r.point}：{r.measures.join('；')}
            </li>
          ))}
        </ul>
      );
  }
}

/**
 * The guide's sections, in the order and with the content of the printed 办事指南 (runtime's guideSections).
 * `flowchartLink: false` leaves out the link that opens the flowchart on its own (the kiosk has no way out).
 */
export function GuideSections({
  sections,
  flowchart,
  flowchartLink = true,
}: {
  sections: GuideSection[];
  flowchart?: string;
  flowchartLink?: boolean;
}) {
  return (
    <>
      {sections.map((section, i) => (
        <section key={section.key} className="os-guide-section" aria-labelledby={`section-${section.key}`}>
          <h2 id={`section-${section.key}`}>
            {i + 1}. {section.title}
          </h2>
          <Body section={section} flowchart={flowchart} flowchartLink={flowchartLink} />
        </section>
      ))}
    </>
  );
}
