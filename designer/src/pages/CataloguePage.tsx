import type { BaseItem, BaseItemSummary } from '@oneseal/schemas';
import { codeLabel, codeOptions } from '@oneseal/schemas';
import { App, Button, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useRequest } from '@oneseal/runtime/web';
import { ApiProblem } from '@oneseal/schemas';
import { api } from '../api';
import { Loaded } from '../shell/Loaded';
import { STATUS_COLORS, statusName } from '../shell/types';

/** A new base item starts as a copy of a similar one (a base item has dozens of required elements). */
function CopyButton({ items, onDone }: { items: BaseItemSummary[]; onDone: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ from: string; code: string; name: string }>();
  const create = async () => {
    const { from, code, name } = await form.validateFields();
    try {
      // The list holds no item content: the template is read in full.
      const template = (await api.get('/base-items/:code', { params: { code: from } })).baseItem;
      const copy: BaseItem = { ...template, code, name, status: 'draft', version: 1 };
      await api.post('/base-items', { body: copy });
      message.success('已建立草稿');
      setOpen(false);
      onDone();
      navigate(`/catalogue/${code}`);
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, 'error', String(error));
      message.error(
        `${problem.message}${problem.details[0] ? `：${problem.details[0].path} ${problem.details[0].message}` : ''}`,
      );
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        新建事项
      </Button>
      <Modal
        title="新建基本目录事项（以相近事项为模板）"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={create}
        okText="建立草稿"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="from" label="模板事项" rules={[{ required: true, message: '请选择模板' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
            />
          </Form.Item>
          <Form.Item
            name="code"
            label="基本编码"
            rules={[
              {
                required: true,
                pattern: /^\d{10}$/,
                message: '10 位数字：类型 2 位 + 主项 5 位 + 子项 3 位',
              },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请输入事项名称' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The base catalogue (基本目录) the city and counties keep: list, filter, open, copy into a new item. */
export function CataloguePage() {
  const [type, setType] = useState<string>();
  const [q, setQ] = useState('');
  const list = useRequest(() => api.get('/base-items', { query: { type } }), [type]);
  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>基本目录</h1>
        <Input.Search
          allowClear
          placeholder="按名称或编码查找"
          aria-label="查找事项"
          className="ds-search"
          onChange={(e) => setQ(e.target.value)}
        />
        <Select
          allowClear
          placeholder="事项类型"
          aria-label="事项类型"
          className="ds-status-filter"
          value={type}
          onChange={setType}
          options={codeOptions('ItemType')}
        />
        {list.data ? <CopyButton items={list.data} onDone={list.reload} /> : null}
      </div>
      <Loaded state={list}>
        {(rows) => (
          <Table
            rowKey="code"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={rows.filter((r) => !q || r.code.includes(q) || r.name.includes(q))}
            columns={[
              { title: '基本编码', dataIndex: 'code', width: 120 },
              {
                title: '事项名称',
                render: (_v, r) => <Link to={`/catalogue/${r.code}`}>{r.name}</Link>,
              },
              {
                title: '类型',
                width: 100,
                render: (_v, r) => (r.type ? codeLabel('ItemType', r.type) : '未载明'),
              },
              {
                title: '状态',
                width: 100,
                render: (_v, r) => <Tag color={STATUS_COLORS[r.status]}>{statusName(r.status)}</Tag>,
              },
              {
                title: '已发布版本',
                width: 100,
                render: (_v, r) => (r.publishedVersion ? `第 ${r.publishedVersion} 版` : '—'),
              },
            ]}
          />
        )}
      </Loaded>
    </div>
  );
}
