import { Alert, Card, Spin, Tabs, Typography } from 'antd';
import type { ProcessStep } from '@oneseal/schemas';
import dayjs from 'dayjs';
import type { Preview } from './usePreview';
import { issuePlace } from './steps';

/** The SVG as an image: it is shown, never inserted into the page (no markup of it reaches the DOM). */
const svgSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function Status({ preview }: { preview: Preview }) {
  if (preview.pending)
    return (
      <span className="pe-status">
        <Spin size="small" /> 正在更新预览…
      </span>
    );
  if (preview.problem) return <span className="pe-status pe-status-stale">预览未更新</span>;
  return preview.updatedAt ? (
    <span className="pe-status">已按当前内容更新（{dayjs(preview.updatedAt).format('HH:mm:ss')}）</span>
  ) : null;
}

/** Why the latest edit could not be previewed: each problem where it lies. */
function Problem({ preview, steps }: { preview: Preview; steps: ProcessStep[] }) {
  const problem = preview.problem;
  if (!problem) return null;
  const denied = problem.status === 403;
  return (
    <Alert
      className="pe-preview-alert"
      type={denied ? 'info' : 'warning'}
      showIcon
      message={denied ? '预览仅对编辑人员和管理员开放' : `预览未更新：${problem.message}`}
      description={
        problem.details.length > 0 ? (
          <ul className="pe-problems">
            {problem.details.map((d, i) => (
              <li key={i}>
                {issuePlace(steps, d.path).text}：{d.message}
              </li>
            ))}
          </ul>
        ) : preview.svg ? (
          '下方仍是上一次成功的预览。'
        ) : undefined
      }
    />
  );
}

/** The runtime's own flowchart and guide for the item as edited, side by side with the editor. */
export function PreviewPane({
  preview,
  steps,
  name,
}: {
  preview: Preview;
  steps: ProcessStep[];
  name: string;
}) {
  const stale = preview.problem !== undefined || preview.pending;
  const empty = (
    <div className="pe-preview-empty">
      {preview.pending ? <Spin /> : <Typography.Text>暂无预览</Typography.Text>}
    </div>
  );
  return (
    <Card size="small" className="pe-preview" title="实时预览" extra={<Status preview={preview} />}>
      <div aria-live="polite" className="pe-live">
        <Problem preview={preview} steps={steps} />
      </div>
      <Tabs
        size="small"
        items={[
          {
            key: 'flowchart',
            label: '流程图',
            children: preview.svg ? (
              <div className={stale ? 'pe-flowchart pe-stale' : 'pe-flowchart'}>
                <img src={svgSource(preview.svg)} alt={`${name} 办理流程图`} />
              </div>
            ) : (
              empty
            ),
          },
          {
            key: 'guide',
            label: '办事指南',
            children: preview.html ? (
              <iframe
                className={stale ? 'pe-guide pe-stale' : 'pe-guide'}
                title={`${name} 办事指南预览`}
                // No permissions at all: the guide cannot run script, navigate, or reach this page.
                sandbox=""
                srcDoc={preview.html}
              />
            ) : (
              empty
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="pe-preview-note">
        按正在编辑、尚未保存的内容生成。乡镇设定的要素（实施主体、地点、电话等）以“由各乡镇（街道）填写”占位。
      </Typography.Paragraph>
    </Card>
  );
}
