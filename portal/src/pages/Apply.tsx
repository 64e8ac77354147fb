import type { DataElement, RegionOption, ResolvedItem } from '@oneseal/schemas';
import { regionTree } from '@oneseal/schemas';
import { createForm, onFieldValueChange } from '@formily/core';
import { toJS } from '@formily/reactive';
import type { BundleOutcome, FieldChecks, MergedForm } from '@oneseal/runtime/web';
import {
  cleanAnswers,
  deriveForm,
  ensureAllFields,
  FormRenderer,
  mergeForms,
  useRequest,
} from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { Alert, Button, Card, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, receipts } from '../api';
import { Loaded } from './Status';
import { MaterialChecklist } from './MaterialChecklist';

/** What a 一件事 page hands over: the bundle and what the applicant's answers decided. */
export interface BundleChoice {
  bundle: string;
  name: string;
  outcome: BundleOutcome;
}

/** Moves the reader to the first field that needs fixing. */
function focusFirstError() {
  // After the next render (a large form may just have drawn its remaining sections).
  setTimeout(() => {
    const item = document.querySelector('.ant-formily-item-error');
    item?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    item?.querySelector<HTMLElement>('input, textarea, [tabindex]')?.focus({ preventScroll: true });
  }, 50);
}

function ApplicationForm({
  region,
  items,
  merged,
  checks,
  regions,
  choice,
}: {
  region: string;
  items: ResolvedItem[];
  merged: MergedForm;
  checks: FieldChecks;
  regions: RegionOption[];
  choice?: BundleChoice;
}) {
  const navigate = useNavigate();
  const derived = useMemo(() => deriveForm(merged.form, checks), [merged, checks]);
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const [drawAll, setDrawAll] = useState(false);
  const form = useMemo(
    () =>
      createForm({
        validateFirst: true,
        effects() {
          // A fixed answer clears the server's message about it.
          onFieldValueChange('*', (field) => {
            if ('setFeedback' in field)
              field.setFeedback({ type: 'error', code: 'ServerError', messages: [] });
          });
        },
      }),
    [],
  );
  const names = new Map(items.map((i) => [i.code, i.name]));
  const provenance = useMemo(
    () =>
      items.length > 1
        ? Object.fromEntries(
            Object.entries(merged.provenance).map(([key, codes]) => [
              key,
              codes.map((c) => names.get(c) ?? c),
            ]),
          )
        : {},
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [merged, items],
  );
  const outcome = choice?.outcome;
  // The bundle's answers drop some materials and make others compulsory.
  const materials = merged.materials
    .filter((m) => !outcome?.excluded.some((e) => e.material === m.material))
    .map((m) =>
      outcome?.required.some((r) => r.material === m.material) ? { ...m, necessity: '1' as const } : m,
    );
  const notes = outcome
    ? [
        ...outcome.notes.map((n) => `${names.get(n.item) ?? n.item}：${n.note}`),
        ...[...outcome.excluded, ...outcome.required].flatMap((r) => (r.note ? [r.note] : [])),
      ]
    : [];

  const submit = async () => {
    setProblem(undefined);
    ensureAllFields(form);
    try {
      await form.validate();
    } catch {
      setProblem('有些内容需要修改，请查看标红的地方');
      // Every section drawn, so the first field to fix is on the page to be focused.
      setDrawAll(true);
      focusFirstError();
      return;
    }
    setSending(true);
    try {
      const data = cleanAnswers(toJS(form.values)) as Record<string, unknown>;
      const { reference, queryCode } = await api.submit({ region, items: items.map((i) => i.code), data });
      receipts.save(reference, queryCode);
      navigate(`/receipt/${reference}`);
    } catch (error) {
      const apiProblem = error instanceof ApiProblem ? error : new ApiProblem(0, 'error', String(error));
      setProblem(apiProblem.message);
      for (const detail of apiProblem.details) {
        // A message about one chosen option (/data/members/1) belongs to the field (members).
        const path = detail.path
          .replace(/^\/data\/?/, '')
          .replace(/\/\d+$/, '')
          .split('/')
          .filter(Boolean)
          .join('.');
        if (path)
          form.setFieldState(path, (state) => {
            state.feedbacks = [{ type: 'error', code: 'ServerError', messages: [detail.message] }];
          });
      }
      focusFirstError();
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {items.length > 1 ? (
        <Card size="small" className="os-merged-items" title={`本表同时申请 ${items.length} 个事项`}>
          <ol>
            {items.map((i) => (
              <li key={i.code}>
                {i.name} <Tag>第 {i.version} 版</Tag>
              </li>
            ))}
          </ol>
          <p className="os-muted">相同的信息只需填写一次，字段下方注明了它用于哪些事项。</p>
        </Card>
      ) : null}
      <MaterialChecklist materials={materials} names={names} notes={notes} />
      <h2>填写申请信息</h2>
      <p className="os-muted">带 * 的为必填项。</p>
      <FormRenderer
        form={form}
        schema={derived.formily}
        provenance={provenance}
        regions={regions}
        drawAll={drawAll}
      />
      {problem ? <Alert type="error" showIcon message={problem} role="alert" /> : null}
      <Button type="primary" size="large" block loading={sending} onClick={submit} className="os-submit">
        提交申请
      </Button>
    </>
  );
}

async function loadApplication(region: string, codes: string[]) {
  const [items, elements, regions, checks] = await Promise.all([
    Promise.all(codes.map((c) => api.item(region, c))),
    api.dataElements(),
    api.regions(),
    api.fieldChecks(region, codes),
  ]);
  return {
    items,
    merged: mergeForms(items, elements as DataElement[]),
    checks,
    regions: regionTree(regions, region),
  };
}

/** The application for one item, several chosen items, or a 一件事: one form, each answer asked once. */
export function Apply() {
  const { region = '' } = useParams();
  const [search] = useSearchParams();
  const choice = (useLocation().state as { choice?: BundleChoice } | null)?.choice;
  const codes = (search.get('items') ?? '').split(',').filter((c) => /^\d{10}$/.test(c));
  const state = useRequest(() => loadApplication(region, codes), [region, codes.join(',')]);
  return (
    <div className="os-page">
      <p className="os-breadcrumb">
        <Link to={`/regions/${region}`}>返回事项清单</Link>
      </p>
      <Loaded state={state}>
        {({ items, merged, checks, regions }) => (
          <>
            <h1>{choice?.name ?? (items.length === 1 ? `申请：${items[0]!.name}` : '一表申请')}</h1>
            {merged.conflicts.length > 0 ? (
              <Alert
                type="error"
                showIcon
                message="这些事项暂时不能合并在一张表里申请，请分别申请"
                description={
                  <ul>
                    {merged.conflicts.map((c) => (
                      <li key={c.field}>{c.message}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <ApplicationForm
                region={region}
                items={items}
                merged={merged}
                checks={checks}
                regions={regions}
                choice={choice}
              />
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
