import type { Bundle } from '@oneseal/schemas';
import { Alert, Button, Checkbox, Radio } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { applyBundle, useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api } from '../api';
import type { BundleChoice } from './Apply';
import { Loaded } from './Status';

/** The bundle and which of its items this township has published. */
async function loadBundle(region: string, code: string) {
  const bundle = (await api.bundles()).find((b) => b.code === code);
  if (!bundle) throw new ApiProblem(404, 'not-found', '没有这个“一件事”');
  const published = await Promise.all(
    bundle.items.map((i) =>
      api.item(region, i.itemCode).then(
        (item) => item.code,
        () => undefined,
      ),
    ),
  );
  return { bundle, published: new Set(published.filter((c): c is string => Boolean(c))) };
}

function Questions({ bundle, published }: { bundle: Bundle; published: Set<string> }) {
  const { region = '' } = useParams();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const unanswered = bundle.questions.filter((q) => answers[q.id] === undefined);
  const outcome = applyBundle(bundle, answers);
  const missing = outcome.items.filter((c) => !published.has(c));
  const start = () => {
    const choice: BundleChoice = {
      bundle: bundle.code,
      name: bundle.name,
      outcome: { ...outcome, items: outcome.items.filter((c) => published.has(c)) },
    };
    navigate(`/regions/${region}/apply?items=${choice.outcome.items.join(',')}`, { state: { choice } });
  };
  return (
    <>
      <p>{bundle.description}</p>
      <h2>请先回答 {bundle.questions.length} 个问题</h2>
      {bundle.questions.map((q, i) => (
        <fieldset key={q.id} className="os-question">
          <legend>
            {i + 1}. {q.text}
          </legend>
          {q.help ? <p className="os-muted">{q.help}</p> : null}
          {q.type === 'multiple' ? (
            <Checkbox.Group
              options={q.options?.map((o) => ({ label: o.label, value: o.value as string }))}
              onChange={(v) => setAnswers({ ...answers, [q.id]: v })}
            />
          ) : (
            <Radio.Group
              optionType="button"
              size="large"
              options={
                q.type === 'boolean'
                  ? [
                      { label: '是', value: true },
                      { label: '否', value: false },
                    ]
                  : (q.options ?? []).map((o) => ({ label: o.label, value: o.value }))
              }
              value={answers[q.id]}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
            />
          )}
        </fieldset>
      ))}
      {missing.length > 0 && unanswered.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          message={`本乡镇尚未发布其中 ${missing.length} 个事项，请到便民服务中心咨询`}
        />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        disabled={unanswered.length > 0 || outcome.items.length === missing.length}
        onClick={start}
      >
        {unanswered.length > 0 ? `还有 ${unanswered.length} 个问题未回答` : '开始填写（一表申请）'}
      </Button>
    </>
  );
}

/** A 一件事: situational questions decide the items and materials, then one merged form. */
export function BundlePage() {
  const { region = '', bundle: code = '' } = useParams();
  const state = useRequest(() => loadBundle(region, code), [region, code]);
  return (
    <div className="os-page">
      <p className="os-breadcrumb">
        <Link to={`/regions/${region}`}>返回事项清单</Link>
      </p>
      <Loaded state={state}>
        {({ bundle, published }) => (
          <>
            <h1>{bundle.name}</h1>
            <Questions bundle={bundle} published={published} />
          </>
        )}
      </Loaded>
    </div>
  );
}
