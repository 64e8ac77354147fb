import { createForm } from '@formily/core';
import { deriveForm, FormRenderer, mergeForms, useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import type { DataElement, Item, SubmissionStatus } from '@oneseal/schemas';
import { codeLabel, codeOptions } from '@oneseal/schemas';
import { App, Button, Input, Modal, Select, Space, Table, Tag, Timeline } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { openDocument, request } from '../api';
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

interface Submission {
  reference: string;
  status: SubmissionStatus;
  next: SubmissionStatus[];
  items: { code: string; name: string; version: number }[];
  data: { form: Record<string, unknown> };
  history: { status: SubmissionStatus; label: string; at: string; by?: string; note?: string }[];
  submittedAt: string;
}

/** The application as the applicant filled it: the form of the item versions it names, not today's form. */
function Answers({ township, submission }: { township: string; submission: Submission }) {
  const state = useRequest(async () => {
    const [items, elements] = await Promise.all([
      Promise.all(
        submission.items.map((i) =>
          request<Item>(`/public/regions/${township}/items/${i.code}/versions/${i.version}`),
        ),
      ),
      request<DataElement[]>('/public/data-elements'),
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
  submission: Submission;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [target, setTarget] = useState<SubmissionStatus>();
  const [note, setNote] = useState('');
  const move = async () => {
    try {
      await request(`/townships/${township}/submissions/${submission.reference}/status`, {
        method: 'POST',
        body: { status: target, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      message.success(`已改为“${label(target!)}”`);
      setTarget(undefined);
      setNote('');
      onDone();
    } catch (error) {
      message.error(error instanceof ApiProblem ? error.message : String(error));
    }
  };
  const print = (document: 'application.pdf' | 'notice.pdf') =>
    openDocument(`/townships/${township}/submissions/${submission.reference}/${document}`).catch((error) =>
      message.error(error instanceof ApiProblem ? error.message : String(error)),
    );
  return (
    <>
      <Space wrap>
        <Button onClick={() => print('application.pdf')}>打印申请表</Button>
        <Button onClick={() => print('notice.pdf')}>打印一次性告知单</Button>
        {submission.next.map((s) => (
          <Button key={s} onClick={() => setTarget(s)} danger={s === 'refused'}>
            {label(s)}
          </Button>
        ))}
      </Space>
      <Modal
        title={target ? `改为“${label(target)}”` : ''}
        open={target !== undefined}
        onOk={move}
        onCancel={() => setTarget(undefined)}
        okText="确定"
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
  const regions = useRequest(loadRegions, []);
  const list = useRequest(
    () => request<Submission[]>(`/townships/${code}/submissions${status ? `?status=${status}` : ''}`),
    [code, status],
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
      </div>
      <Loaded state={list}>
        {(rows) => (
          <Table
            rowKey="reference"
            size="middle"
            dataSource={rows}
            locale={{ emptyText: '没有申请' }}
            expandable={{
              expandedRowRender: (s) => (
                <div className="ds-submission">
                  <StatusMove township={code} submission={s} onDone={list.reload} />
                  <Timeline
                    className="ds-gap"
                    items={s.history.map((h) => ({
                      children: `${new Date(h.at).toLocaleString('zh-CN')} ${h.label}${h.by ? `（${h.by}）` : ''}${h.note ? `：${h.note}` : ''}`,
                    }))}
                  />
                  <Answers township={code} submission={s} />
                </div>
              ),
            }}
            columns={[
              { title: '受理编号', dataIndex: 'reference', width: 230 },
              {
                title: '申请事项',
                render: (_v, s: Submission) =>
                  s.items.map((i) => `${i.name}（第 ${i.version} 版）`).join('、'),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 100,
                render: (st: SubmissionStatus) => <Tag color={COLORS[st]}>{label(st)}</Tag>,
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
