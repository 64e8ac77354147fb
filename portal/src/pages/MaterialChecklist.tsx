import { Tag } from 'antd';
import type { MergedForm } from '@oneseal/runtime/web';
import { copiesText, materialUse } from '@oneseal/runtime/web';
import { codeLabel } from '@oneseal/schemas';

/** 一次告知: every material the chosen items need, once each, with the strictest requirement among them. */
export function MaterialChecklist({
  materials,
  names,
  notes,
}: {
  materials: MergedForm['materials'];
  names: Map<string, string>;
  notes: string[];
}) {
  return (
    // A long list folds away on a phone; the applicant opens it when gathering the papers.
    <details className="os-checklist" open={materials.length <= 8}>
      <summary>
        <h2>需要准备的材料（{materials.length} 项）</h2>
      </summary>
      <ol>
        {materials.map((m) => (
          <li key={m.material}>
            <strong>{m.name}</strong>{' '}
            {m.necessity ? (
              <Tag color={m.necessity === '1' ? 'red' : undefined}>
                {codeLabel('MaterialNecessity', m.necessity)}
              </Tag>
            ) : null}
            <span className="os-muted">
              {[
                m.form && codeLabel('MaterialForm', m.form),
                copiesText(m),
                names.size > 1 ? materialUse(m, (c) => names.get(c) ?? c) : '',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ol>
      {notes.map((n) => (
        <p key={n} className="os-note">
          {n}
        </p>
      ))}
    </details>
  );
}
