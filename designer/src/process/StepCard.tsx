import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Space, Tooltip } from 'antd';
import type { BranchKind, ProcessStep, StepBranch, StepStage } from '@oneseal/schemas';
import { codeOptions } from '@oneseal/schemas';
import { useEffect, useState } from 'react';
import { TimeLimitInput } from './TimeLimitInput';
import { idProblem, stepLabel } from './steps';

const STAGES = codeOptions('StepStage');
const BRANCH_KINDS = codeOptions('BranchKind');
/** The Select value standing for a branch without `to`: the process ends there. */
const ENDS = '';

export interface StepCardProps {
  steps: ProcessStep[];
  index: number;
  /** Problems the preview found in this step, in the editor's words. */
  problems: string[];
  onChange: (step: ProcessStep) => void;
  onRename: (to: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** Sets or clears an optional field, so that an emptied field leaves the document rather than staying "". */
function withField<K extends keyof ProcessStep>(
  step: ProcessStep,
  key: K,
  value: ProcessStep[K] | undefined,
) {
  const copy = { ...step };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete copy[key];
  else copy[key] = value;
  return copy;
}

function withBranchField<K extends keyof StepBranch>(
  branch: StepBranch,
  key: K,
  value: StepBranch[K] | undefined,
) {
  const copy = { ...branch };
  if (value === undefined || value === '') delete copy[key];
  else copy[key] = value;
  return copy;
}

/** The step's id: committed on leaving the field, when it is valid and free; every link to the step follows. */
function StepIdInput({
  steps,
  index,
  onRename,
}: {
  steps: ProcessStep[];
  index: number;
  onRename: (to: string) => void;
}) {
  const current = steps[index]!.id;
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(current), [current]);
  const problem = draft === current ? undefined : idProblem(steps, index, draft);
  const commit = () => {
    if (draft !== current && !problem) onRename(draft);
  };
  const id = `pe-${index}-id`;
  return (
    <Form.Item
      label="环节编号"
      htmlFor={id}
      validateStatus={problem ? 'error' : undefined}
      help={problem ?? '流程中引用本环节时使用；修改后引用随之更新'}
    >
      <Input
        id={id}
        translate="no"
        className="ds-code-input"
        value={draft}
        maxLength={32}
        onChange={(e) => setDraft(e.target.value.trim())}
        onBlur={commit}
        onPressEnter={commit}
      />
    </Form.Item>
  );
}

function BranchRow({
  steps,
  index,
  at,
  branch,
  onChange,
  onRemove,
}: {
  steps: ProcessStep[];
  index: number;
  at: number;
  branch: StepBranch;
  onChange: (branch: StepBranch) => void;
  onRemove: () => void;
}) {
  const prefix = `pe-${index}-branch-${at}`;
  const label = `第 ${at + 1} 个分支`;
  return (
    <div className="pe-branch" role="group" aria-label={label}>
      <Row gutter={8}>
        <Col xs={24} md={8}>
          <Form.Item label="类别" htmlFor={`${prefix}-kind`}>
            <Select<BranchKind>
              id={`${prefix}-kind`}
              value={branch.kind}
              options={BRANCH_KINDS}
              onChange={(kind) => onChange({ ...branch, kind })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="转到" htmlFor={`${prefix}-to`}>
            <Select<string>
              id={`${prefix}-to`}
              value={branch.to ?? ENDS}
              onChange={(to) => onChange(withBranchField(branch, 'to', to))}
              options={[
                { value: ENDS, label: '流程在此结束（如不予受理）' },
                ...steps.map((s) => ({ value: s.id, label: stepLabel(steps, s.id) })),
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="条件" htmlFor={`${prefix}-label`}>
            <Input
              id={`${prefix}-label`}
              value={branch.label ?? ''}
              placeholder="如：材料不齐全"
              maxLength={200}
              onChange={(e) => onChange(withBranchField(branch, 'label', e.target.value))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="文书" htmlFor={`${prefix}-document`}>
            <Input
              id={`${prefix}-document`}
              value={branch.document ?? ''}
              placeholder="如：补正材料通知书"
              maxLength={200}
              onChange={(e) => onChange(withBranchField(branch, 'document', e.target.value))}
            />
          </Form.Item>
        </Col>
        <Col xs={20} md={7}>
          <Form.Item label="时限" htmlFor={`${prefix}-limit`}>
            <TimeLimitInput
              id={`${prefix}-limit`}
              label={`${label}时限`}
              value={branch.timeLimit}
              onChange={(limit) => onChange(withBranchField(branch, 'timeLimit', limit))}
            />
          </Form.Item>
        </Col>
        <Col xs={4} md={1} className="pe-branch-remove">
          <Tooltip title="删除此分支">
            <Button
              type="text"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={`删除${label}`}
              onClick={onRemove}
            />
          </Tooltip>
        </Col>
      </Row>
    </div>
  );
}

/** One step of the process: its fields, where it leads, its branches, and its place in the list. */
export function StepCard({ steps, index, problems, onChange, onRename, onMove, onRemove }: StepCardProps) {
  const step = steps[index]!;
  const id = (field: string) => `pe-${index}-${field}`;
  const set = <K extends keyof ProcessStep>(key: K, value: ProcessStep[K] | undefined) =>
    onChange(withField(step, key, value));
  const branches = step.branches ?? [];
  const setBranches = (next: StepBranch[]) => set('branches', next);
  const title = `第 ${index + 1} 步 · ${step.name || '未命名环节'}`;

  return (
    <Card
      size="small"
      className={problems.length > 0 ? 'pe-step pe-step-problem' : 'pe-step'}
      title={<span className="pe-step-title">{title}</span>}
      extra={
        <Space size={0}>
          <Tooltip title="上移">
            <Button
              type="text"
              icon={<ArrowUpOutlined aria-hidden />}
              aria-label={`上移${title}`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            />
          </Tooltip>
          <Tooltip title="下移">
            <Button
              type="text"
              icon={<ArrowDownOutlined aria-hidden />}
              aria-label={`下移${title}`}
              disabled={index === steps.length - 1}
              onClick={() => onMove(1)}
            />
          </Tooltip>
          <Popconfirm
            title="删除这个环节？"
            description="指向它的环节将改为指向它的后续环节。"
            okText="删除"
            cancelText="不删除"
            onConfirm={onRemove}
            disabled={steps.length === 1}
          >
            <Tooltip title={steps.length === 1 ? '流程至少要有一个环节' : '删除环节'}>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`删除${title}`}
                disabled={steps.length === 1}
              />
            </Tooltip>
          </Popconfirm>
        </Space>
      }
    >
      {problems.length > 0 && (
        <Alert
          className="pe-step-alert"
          type="error"
          showIcon
          message={
            problems.length === 1 ? (
              problems[0]
            ) : (
              <ul className="pe-problems">
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form layout="vertical" component="div" className="pe-form">
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item
              label="环节名称"
              htmlFor={id('name')}
              required
              validateStatus={step.name.trim() ? undefined : 'error'}
              help={step.name.trim() ? undefined : '必须填写'}
            >
              <Input
                id={id('name')}
                value={step.name}
                maxLength={200}
                onChange={(e) => set('name', e.target.value)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="环节类别" htmlFor={id('stage')}>
              <Select<StepStage>
                id={id('stage')}
                value={step.stage}
                options={STAGES}
                allowClear
                placeholder="未载明"
                onChange={(stage) => set('stage', stage)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="岗位" htmlFor={id('post')}>
              <Input
                id={id('post')}
                value={step.post ?? ''}
                maxLength={200}
                placeholder="未载明"
                onChange={(e) => set('post', e.target.value.trim() ? e.target.value : undefined)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="时限" htmlFor={id('limit')}>
              <TimeLimitInput
                id={id('limit')}
                label="本环节时限"
                value={step.timeLimit}
                onChange={(limit) => set('timeLimit', limit)}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="产生的文书" htmlFor={id('documents')} help="输入文书名称后按回车，可填多个">
              <Select<string[]>
                id={id('documents')}
                mode="tags"
                value={step.documents ?? []}
                tokenSeparators={['、', '，']}
                open={false}
                suffixIcon={null}
                placeholder="如：受理通知书"
                onChange={(documents) => set('documents', documents.map((d) => d.trim()).filter(Boolean))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="说明" htmlFor={id('description')}>
              <Input.TextArea
                id={id('description')}
                value={step.description ?? ''}
                autoSize={{ minRows: 1, maxRows: 5 }}
                maxLength={2000}
                onChange={(e) => set('description', e.target.value || undefined)}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="后续环节"
              htmlFor={id('next')}
              help={(step.next ?? []).length === 0 ? '没有后续环节：流程在此办结' : undefined}
            >
              <Select<string[]>
                id={id('next')}
                mode="multiple"
                value={step.next ?? []}
                placeholder="无（此环节后办结）"
                options={steps
                  .filter((s) => s.id !== step.id)
                  .map((s) => ({ value: s.id, label: stepLabel(steps, s.id) }))}
                onChange={(next) => set('next', next)}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="转入条件"
              htmlFor={id('nextLabel')}
              help="印在流程图中通往后续环节（或办结）的箭头上；没有条件时不填"
            >
              <Input
                id={id('nextLabel')}
                value={step.nextLabel ?? ''}
                maxLength={200}
                placeholder="如：材料齐全并符合法定形式"
                onChange={(e) => set('nextLabel', e.target.value.trim() ? e.target.value : undefined)}
              />
            </Form.Item>
          </Col>
        </Row>
        <fieldset className="pe-branches">
          <legend>分支（不予受理、补正材料、不予批准、退回重办）</legend>
          {branches.map((branch, at) => (
            <BranchRow
              key={at}
              steps={steps}
              index={index}
              at={at}
              branch={branch}
              onChange={(b) => setBranches(branches.map((x, i) => (i === at ? b : x)))}
              onRemove={() => setBranches(branches.filter((_, i) => i !== at))}
            />
          ))}
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setBranches([...branches, { kind: 'refuse' }])}
            aria-label={`为${title}添加分支`}
          >
            添加分支
          </Button>
        </fieldset>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <StepIdInput steps={steps} index={index} onRename={onRename} />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
