import type { BaseItem, ItemImplementation } from '@oneseal/schemas';
import { resolveItem } from '@oneseal/schemas';
import { GuideSections, guideSections, useRequest } from '@oneseal/runtime/web';
import { Alert, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api';
import { Preview as FormPreview } from '../formDesigner/Preview';
import { loadLibrary } from '../shell/library';

/** The flowchart of the base item's process as the runtime draws it (the township cannot change the process). */
function useFlowchart(base: BaseItem): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if ((base.process ?? []).length === 0) return undefined;
    let objectUrl: string | undefined;
    const controller = new AbortController();
    api
      .post('/preview/flowchart.svg', { body: { item: base }, signal: controller.signal })
      .then((svg) => {
        objectUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
        setUrl(objectUrl);
      })
      .catch(() => setUrl(undefined));
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [base]);
  return url;
}

/**
 * A township's draft as the public will see it once published, while it is edited: the 办事指南 merged from the
 * base item and the draft as the portal shows it, the application form, and the flowchart.
 */
export function ItemPreview({
  base,
  draft,
  regionName,
}: {
  base: BaseItem;
  draft: ItemImplementation;
  regionName: string;
}) {
  const library = useRequest(loadLibrary, []);
  const flowchart = useFlowchart(base);
  const resolved = useMemo(() => {
    const names = new Map((library.data ?? []).map((e) => [e.document.code, e.document.name]));
    try {
      return { item: resolveItem(base, draft, { regionName, materialName: (code) => names.get(code) }) };
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    }
  }, [base, draft, regionName, library.data]);
  return (
    <Tabs
      items={[
        {
          key: 'guide',
          label: '办事指南',
          children:
            'item' in resolved && resolved.item ? (
              <div className="ds-guide-preview">
                <h2>{resolved.item.name}</h2>
                <GuideSections
                  sections={guideSections(resolved.item, { hasFlowchart: flowchart !== undefined })}
                  flowchart={flowchart}
                />
              </div>
            ) : (
              <Alert
                type="warning"
                showIcon
                message="草稿还不能生成办事指南"
                description={resolved.problem}
              />
            ),
        },
        ...(base.form ? [{ key: 'form', label: '申请表', children: <FormPreview value={base.form} /> }] : []),
        ...(flowchart
          ? [
              {
                key: 'flowchart',
                label: '流程图',
                children: <img className="ds-flowchart-preview" src={flowchart} alt="办理流程图" />,
              },
            ]
          : []),
      ]}
    />
  );
}
