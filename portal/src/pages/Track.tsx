import type { DataElement } from '@oneseal/schemas';
import { createForm } from '@formily/core';
import { Alert, Button, Card, Form, Input, Radio, Tag, Timeline } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { MergedForm } from '@oneseal/runtime/web';
import { deriveForm, FormRenderer, mergeForms, normaliseQueryCode, useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import type { SubmissionStatusView } from '@oneseal/schemas';
import { api, documentUrl } from '../api';
import { Loaded } from './Status';

const STATUS_COLORS: Record<string, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  correction: 'orange',
  refused: 'red',
  completed: 'green',
};

/** The form exactly as it was when the application was made: the item versions it names, not today's. */
async function formAtSubmission(submission: SubmissionStatusView): Promise<MergedForm> {
  const region = submission.reference.slice(0, 9);
  const [items, elements] = await Promise.all([
    Promise.all(submission.items.map((i) => api.itemVersion(region, i.code, i.version))),
    api.dataElements(),
  ]);
  return mergeForms(items, elements as DataElement[]);
}

function Answers({ submission }: { submission: SubmissionStatusView }) {
  const state = useRequest(() => formAtSubmission(submission), [submission.reference]);
  return (
    <Loaded state={state}>{(merged) => <ReadOnlyForm merged={merged} values={submission.data} />}</Loaded>
  );
}

function ReadOnlyForm({ merged, values }: { merged: MergedForm; values: Record<string, unknown> }) {
  const schema = useMemo(() => deriveForm(merged.form).formily, [merged]);
  const form = useMemo(() => createForm({ readPretty: true, values }), [values]);
  return <FormRenderer form={form} schema={schema} />;
}

function Progress({ submission, code }: { submission: SubmissionStatusView; code?: string }) {
  return (
    <Card title={`受理编号 ${submission.reference}`} className="os-progress">
      <p>
        当前状态：<Tag color={STATUS_COLORS[submission.status]}>{submission.statusLabel}</Tag>
      </p>
      <p>
        申请事项：
        {submission.items.map((i) => `${i.name}（第 ${i.version} 版）`).join('、')}
      </p>
      <Timeline
        items={submission.history.map((h) => ({
          children: (
            <>
              {new Date(h.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}{' '}
              <strong>{h.label}</strong>
              {h.note ? <div>{h.note}</div> : null}
            </>
          ),
        }))}
      />
      {code ? (
        <p>
          <a
            href={documentUrl.submission(submission.reference, code, 'application.pdf')}
            target="_blank"
            rel="noreferrer"
          >
            下载申请表（PDF）
          </a>{' '}
          ·{' '}
          <a
            href={documentUrl.submission(submission.reference, code, 'notice.pdf')}
            target="_blank"
            rel="noreferrer"
          >
            一次性告知单（PDF）
          </a>
        </p>
      ) : (
        <p className="os-muted">凭受理编号和查询码可查看完整申请、下载申请表；也可到受理窗口打印。</p>
      )}
      <h2>申请内容</h2>
      <p className="os-muted">
        按提交时的表单版本显示{submission.masked ? '；证件号码和电话已部分隐藏' : ''}。
      </p>
      <Answers submission={submission} />
    </Card>
  );
}

type Way = 'code' | 'phone';

/**
 * 办件查询: reference + 查询码 shows the whole application on any device; reference + the mobile number given on
 * the form shows its progress with numbers partly hidden. Nothing is shown for a wrong pair.
 */
export function Track() {
  const [search] = useSearchParams();
  const [way, setWay] = useState<Way>('code');
  const [found, setFound] = useState<{ submission: SubmissionStatusView; code?: string }>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const lookUp = async ({ reference, secret }: { reference: string; secret: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const code = way === 'code' ? normaliseQueryCode(secret) : undefined;
      const submission = await api.submission(reference.trim(), code ? { code } : { phone: secret.trim() });
      setFound({ submission, code });
    } catch (error) {
      setFound(undefined);
      setProblem(error instanceof ApiProblem ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="os-page">
      <h1>办件查询</h1>
      <Form
        layout="vertical"
        size="large"
        onFinish={lookUp}
        initialValues={{ reference: search.get('reference') ?? '' }}
        requiredMark={false}
      >
        <Form.Item
          label="查询方式"
          extra={
            way === 'code' ? '查看完整申请，下载申请表和告知单' : '只查看办理进度，证件号码和电话部分隐藏'
          }
        >
          <Radio.Group
            value={way}
            onChange={(e) => setWay(e.target.value as Way)}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'code', label: '查询码' },
              { value: 'phone', label: '手机号码' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="受理编号"
          name="reference"
          rules={[
            { required: true, message: '请输入受理编号' },
            { pattern: /^\s*\d{9}-\d{8}-\d{4,}\s*$/, message: '受理编号形如 450321100-20261126-0001' },
          ]}
        >
          <Input placeholder="如 450321100-20261126-0001" autoComplete="off" />
        </Form.Item>
        {way === 'code' ? (
          <Form.Item
            key="code"
            label="查询码"
            name="secret"
            extra="提交申请时显示、印在申请表上的 10 位查询码，不区分大小写"
            rules={[
              { required: true, message: '请输入查询码' },
              {
                validator: async (_rule, value: string) => {
                  if (value && !normaliseQueryCode(value))
                    throw new Error('查询码为 10 位字母和数字，如 AB3CD-7EFGH');
                },
              },
            ]}
          >
            <Input placeholder="如 AB3CD-7EFGH" autoComplete="off" autoCapitalize="characters" />
          </Form.Item>
        ) : (
          <Form.Item
            key="phone"
            label="申请时填写的手机号码"
            name="secret"
            rules={[
              { required: true, message: '请输入手机号码' },
              { pattern: /^\s*1[3-9]\d{9}\s*$/, message: '请输入 11 位手机号码' },
            ]}
          >
            <Input inputMode="tel" maxLength={11} autoComplete="tel" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          查询
        </Button>
      </Form>
      {problem ? <Alert type="error" showIcon message={problem} role="alert" className="os-gap" /> : null}
      {found ? <Progress submission={found.submission} code={found.code} /> : null}
    </div>
  );
}
