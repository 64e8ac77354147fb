import { createForm } from '@formily/core';
import { deriveForm, FormRenderer, mergeForms, useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import type { ReceivedSubmission, SubmissionStatus } from '@oneseal/schemas';
import { actorName, codeLabel, codeOptions, SUBMISSION_ACTIONS } from '@oneseal/schemas';
import { App, Button, Input, Modal, Select, Space, Table, Tag, Timeline } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, openDocument } from '../api';
import { Loaded } from '../shell/Loaded';
import { loadRegions, regionName } from '../shell/regions';

// Colours only: the statuses and their labels are the model's SubmissionStatus code list, and the API says
// which moves each application allows (`next`).
const COLORS: Record<SubmissionStatus, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  correction: 'orange',
  refused: 'red',
  completed: 'green',
};
const label = (status: SubmissionStatus) => codeLabel('SubmissionStatus', status);

/** The promised limit: before acceptance how long it will be, after it the date due (red once past). */
function TimeLimitCell({ limit }: { limit: ReceivedSubmission['timeLimit'] }) {
  if (!limit) return <span className="ds-muted">未规定</span>;
  if (!limit.due) return <span>受理后 {limit.promised}</span>;
  return (
    <span title={`承诺 ${limit.promised}，自受理之日起按工作日计算`}>
      {limit.due} 前{limit.overdue ? <Tag color="red">已超期</Tag> : null}
      {limit.unpublishedYears ? (
        <span className="ds-muted">（{limit.unpublishedYears.join('、')} 年节假日未公布，只扣周末）</span>
      ) : null}
    </span>
  );
}

/** The application as the applicant filled it: the form of the item versions it names, not today's form. */
function Answers({ township, submission }: { township: string; submission: ReceivedSubmission }) {
  const state = useRequest(async () => {
    const [items, elements] = await Promise.all([
      Promise.all(
        submission.items.map((i) =>
          api.get('/public/regions/:code/items/:itemCode/versions/:version', {
            params: { code: township, itemCode: i.code, version: String(i.version) },
          }),
        ),
      ),
      api.get('/public/data-elements'),
    ]);
    return deriveForm(mergeForms(items, elements).form).formily;
  }, [submission.reference]);
  const form = useMemo(() => createForm({ readPretty: true, values: submission.data.form }), [submission]);
  return <Loaded state={state}>{(schema) => <FormRenderer form={form} schema={schema} />}</Loaded>;
}

function StatusMove({
  township,
  submission,
  onDone,
}: {
  township: string;
  submission: ReceivedSubmission;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [target, setTarget] = useState<SubmissionStatus>();
  const [note, setNote] = useState('');
  const move = async () => {
    // The dialog is open only while a target is chosen.
    if (!target) return;
    try {
      await api.post('/townships/:code/submissions/:reference/status', {
        params: { code: township, reference: submission.reference },
        body: { status: target, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      message.success(`办件已改为“${label(target)}”`);
      setTarget(undefined);
      setNote('');
      onDone();
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : String(error));
    }
  };
  const print = (document: 'application.pdf' | 'notice.pdf') =>
    openDocument(() =>
      api.get(`/townships/:code/submissions/:reference/${document}`, {
        params: { code: township, reference: submission.reference },
      }),
    ).catch((error) => message.error(error instanceof ApiProblem ? error.message : String(error)));
  return (
    <>
      <Space wrap>
        <Button onClick={() => print('application.pdf')}>打印申请表</Button>
        <Button onClick={() => print('notice.pdf')}>打印一次性告知单</Button>
        {submission.next.map((s) => (
          <Button key={s} onClick={() => setTarget(s)} danger={s === 'refused'}>
            {SUBMISSION_ACTIONS[s]}
          </Button>
        ))}
      </Space>
      <Modal
        title={target ? `${SUBMISSION_ACTIONS[target]}：${submission.reference}` : ''}
        open={target !== undefined}
        onOk={move}
        onCancel={() => setTarget(undefined)}
        okText={target ? SUBMISSION_ACTIONS[target] : '确定'}
      >
        <Input.TextArea
          aria-label="办理意见"
          placeholder={
            target === 'correction'
              ? '请写明需要补正的材料'
              : target === 'refused'
                ? '请写明不予受理的理由'
                : '办理意见（可选）'
          }
          value={note}
          onChange={(e) => setNote(e.target.value)}
          autoSize={{ minRows: 3 }}
        />
      </Modal>
    </>
  );
}

/** Applications a township received online: read them as filled in, move them through their statuses. */
export function SubmissionsPage() {
  const { code = '' } = useParams();
  const [status, setStatus] = useState<SubmissionStatus>();
  const [search, setSearch] = useState('');
  const regions = useRequest(loadRegions, []);
  const list = useRequest(
    () =>
      api.get('/townships/:code/submissions', {
        params: { code },
        query: { status, ...(search ? { q: search } : {}) },
      }),
    [code, status, search],
  );
  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>{regions.data ? regionName(regions.data, code) : code} · 网上申请</h1>
        <Select
          allowClear
          aria-label="按状态筛选"
          placeholder="按状态筛选"
          className="ds-status-filter"
          value={status}
          onChange={setStatus}
          options={codeOptions('SubmissionStatus')}
        />
        <Input.Search
          allowClear
          aria-label="查找申请"
          placeholder="受理编号、申请人姓名或手机号码"
          className="ds-submission-search"
          maxLength={40}
          enterButton="查找"
          onSearch={(text) => setSearch(text.trim())}
        />
      </div>
      <Loaded state={list}>
        {(rows) => (
          <Table
            rowKey="reference"
            size="middle"
            dataSource={rows}
            locale={{ emptyText: search ? `没有与“${search}”相符的申请` : '没有申请' }}
            expandable={{
              expandedRowRender: (s) => (
                <div className="ds-submission">
                  <StatusMove township={code} submission={s} onDone={list.reload} />
                  <Timeline
                    className="ds-gap"
                    items={s.history.map((h) => ({
                      children: `${new Date(h.at).toLocaleString('zh-CN')} ${h.label}${h.by ? `（${actorName(h.by)}）` : ''}${h.note ? `：${h.note}` : ''}`,
                    }))}
                  />
                  <Answers township={code} submission={s} />
                </div>
              ),
            }}
            columns={[
              { title: '受理编号', dataIndex: 'reference', width: 230 },
              {
                title: '申请人',
                dataIndex: 'applicantName',
                width: 120,
              },
              {
                title: '申请事项',
                render: (_v, s: ReceivedSubmission) =>
                  s.items.map((i) => `${i.name}（第 ${i.version} 版）`).join('、'),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 100,
                render: (st: SubmissionStatus) => <Tag color={COLORS[st]}>{label(st)}</Tag>,
              },
              {
                title: '办结期限',
                width: 200,
                render: (_v, s: ReceivedSubmission) => <TimeLimitCell limit={s.timeLimit} />,
              },
              {
                title: '提交时间',
                dataIndex: 'submittedAt',
                width: 180,
                render: (at: string) => new Date(at).toLocaleString('zh-CN'),
              },
            ]}
          />
        )}
      </Loaded>
    </div>
  );
}
