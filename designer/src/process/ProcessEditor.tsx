import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Row, Typography } from 'antd';
import type { BaseItem, ProcessStep } from '@oneseal/schemas';
import { useMemo } from 'react';
import { prune } from '../shell/useDocumentForm';
import { PreviewPane } from './PreviewPane';
import './process.css';
import { StepCard } from './StepCard';
import { appendStep, issuePlace, moveStep, removeStep, renameStep } from './steps';
import { usePreview } from './usePreview';

export interface ProcessEditorProps {
  value: ProcessStep[];
  onChange: (steps: ProcessStep[]) => void;
  /** The base item being edited (with `value` as its process), for the live flowchart and guide previews. */
  item: BaseItem;
}

/**
 * The 办理流程 of a base item: steps added, removed, reordered and edited, each leading to the next steps and
 * branching (不予受理, 补正 …) to others or to an end; beside it, the flowchart and guide the runtime draws from
 * the item as edited, updated shortly after each change.
 */
export function ProcessEditor({ value, onChange, item }: ProcessEditorProps) {
  const { message } = App.useApp();
  const steps = useMemo(() => value ?? [], [value]);
  // The page's form values hold empty groups and cleared texts it created itself: prune them as the page does
  // before saving. An empty process is sent as it is: the preview then names /item/process (at least one step).
  const edited = { ...item, process: steps as BaseItem['process'] };
  const preview = usePreview(prune(edited, edited) as BaseItem);

  // The preview's problems, on the step they belong to.
  const problems = useMemo(() => {
    const byStep = new Map<number, string[]>();
    for (const d of preview.problem?.details ?? []) {
      const place = issuePlace(steps, d.path);
      if (place.step === undefined) continue;
      byStep.set(place.step, [...(byStep.get(place.step) ?? []), `${place.text}：${d.message}`]);
    }
    return byStep;
  }, [preview.problem, steps]);

  const remove = (index: number) => {
    const removed = steps[index]?.name ?? '';
    const { steps: next, relinked } = removeStep(steps, index);
    onChange(next);
    message.info(
      relinked.length > 0
        ? `已删除“${removed}”；${relinked.map((n) => `“${n}”`).join('、')}原来指向它，已改为指向它的后续环节`
        : `已删除“${removed}”`,
    );
  };

  return (
    <Row gutter={[16, 16]} className="pe">
      <Col xs={24} xl={12}>
        <Typography.Paragraph type="secondary" className="pe-intro">
          按办理顺序列出环节。每个环节指向它的后续环节（不填则在此办结），分支用于不予受理、补正材料等情形，
          可转到其他环节或在此结束。右侧的流程图和办事指南随修改自动更新。
        </Typography.Paragraph>
        <ol className="pe-steps" aria-label="办理环节">
          {steps.map((step, index) => (
            // By id, so that focus stays with a step that moves; a repeated id (an error the preview names) by place.
            <li key={steps.findIndex((s) => s.id === step.id) === index ? step.id : `${step.id}@${index}`}>
              <StepCard
                steps={steps}
                index={index}
                problems={problems.get(index) ?? []}
                onChange={(changed) => onChange(steps.map((s, i) => (i === index ? changed : s)))}
                onRename={(to) => onChange(renameStep(steps, step.id, to))}
                onMove={(by) => onChange(moveStep(steps, index, by))}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
        <Button
          type="dashed"
          block
          icon={<PlusOutlined aria-hidden />}
          onClick={() => onChange(appendStep(steps))}
        >
          添加环节
        </Button>
      </Col>
      <Col xs={24} xl={12} className="pe-preview-col">
        <PreviewPane preview={preview} steps={steps} name={item.name || '本事项'} />
      </Col>
    </Row>
  );
}
