import type { Form } from '@formily/core';
import { createForm } from '@formily/core';
import { toJS } from '@formily/reactive';
import type { ItemForm, RegionOption } from '@oneseal/schemas';
import type { FieldChecks } from '@oneseal/runtime/web';
import { deriveForm, FormRenderer, importFieldChecks } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { Alert, Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { Component, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api';
import { useUser } from '../shell/auth';
import { loadRegions } from '../shell/regions';
import { previewRegions } from './previewRegions';

/** A form the renderer cannot draw (a half-typed one) shows a message instead of taking the designer down. */
class RenderGuard extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    return this.state.error ? (
      <Alert type="error" showIcon message="预览无法显示此表单" description={this.state.error.message} />
    ) : (
      this.props.children
    );
  }
}

function useRegions(): RegionOption[] {
  const { regionCode } = useUser();
  const [regions, setRegions] = useState<RegionOption[]>([]);
  useEffect(() => {
    let current = true;
    loadRegions().then(
      (all) => current && setRegions(previewRegions(all, { regionCode })),
      () => undefined, // Without regions the picker is empty; the rest of the preview still works.
    );
    return () => {
      current = false;
    };
  }, [regionCode]);
  return regions;
}

/**
 * The field checks of the form as edited, compiled by the server as it compiles the portal's (the page compiles
 * none), fetched `delay` ms after the last change. An unsafe or invalid pattern is refused by the server: the
 * problem is shown and the last good checks stay.
 */
function useFieldChecks(value: ItemForm, delay = 400): { checks?: FieldChecks; problem?: ApiProblem } {
  const key = JSON.stringify(value);
  const [state, setState] = useState<{ checks?: FieldChecks; problem?: ApiProblem }>({});
  useEffect(() => {
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      try {
        const source = await api.post('/preview/form-checks.js', {
          body: { form: JSON.parse(key) as ItemForm },
          signal: controller.signal,
        });
        const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
        try {
          const checks = await importFieldChecks(url);
          if (!controller.signal.aborted) setState({ checks });
        } finally {
          URL.revokeObjectURL(url);
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        const problem =
          error instanceof ApiProblem ? error : new ApiProblem(0, 'network', '网络连接失败，校验规则未更新');
        setState((s) => ({ ...s, problem }));
      }
    }, delay);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [key, delay]);
  return state;
}

/**
 * The form as the citizen sees it in the portal: the runtime's own renderer and rules, so a mobile field bound to
 * 手机号码 refuses "12345" here exactly as it will online. Answers typed here survive edits to the form.
 */
export function Preview({ value }: { value: ItemForm }) {
  const regions = useRegions();
  const { checks, problem } = useFieldChecks(value);
  const [round, setRound] = useState(0);
  const [verdict, setVerdict] = useState<string>();
  const previous = useRef<Form>();
  const cleared = useRef(false);
  const derived = useMemo(() => {
    try {
      return { schema: deriveForm(value, checks).formily };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [value, checks]);
  // A new Formily form for each version of the form (its rules change), holding the answers typed so far.
  const form = useMemo(() => {
    const values = previous.current && !cleared.current ? toJS(previous.current.values) : {};
    cleared.current = false;
    const next = createForm({ values });
    previous.current = next;
    return next;
  }, [derived, round]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => setVerdict(undefined), [form]);

  const validate = async () => {
    try {
      await form.validate();
      setVerdict('填写内容全部通过校验');
    } catch {
      setVerdict(undefined);
    }
  };

  return (
    <section className="fd-preview" aria-label="实时预览">
      <div className="fd-preview-bar">
        <h2 className="fd-panel-title">实时预览</h2>
        <Space size="small">
          <Button size="small" onClick={validate}>
            校验
          </Button>
          <Button
            size="small"
            onClick={() => {
              cleared.current = true;
              setRound((n) => n + 1);
            }}
          >
            清空
          </Button>
        </Space>
      </div>
      <p className="fd-hint">与群众在网上申请时看到的一致，可试填以检查校验规则。</p>
      {problem ? (
        <Alert
          type="warning"
          showIcon
          message={`校验规则未更新：${problem.message}`}
          description={
            problem.details.length > 0 ? (
              <ul>
                {problem.details.map((d) => (
                  <li key={d.path}>{d.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <div className="fd-preview-form">
        {value.title ? <p className="fd-preview-title">{value.title}</p> : null}
        {'error' in derived ? (
          <Alert type="error" showIcon message="预览无法显示此表单" description={derived.error} />
        ) : Object.keys(value.properties).length === 0 ? (
          <p className="fd-hint">表单还没有字段。</p>
        ) : (
          <RenderGuard key={form.id}>
            <FormRenderer form={form} schema={derived.schema!} regions={regions} />
          </RenderGuard>
        )}
        {verdict ? <Alert type="success" showIcon message={verdict} role="status" /> : null}
      </div>
    </section>
  );
}
