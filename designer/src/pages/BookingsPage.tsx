import type { BookingSettings, StaffBooking, WeekdayKey, WindowHours } from '@oneseal/schemas';
import { ApiProblem, WEEKDAY_LABELS } from '@oneseal/schemas';
import { useRequest } from '@oneseal/runtime/web';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import { can, useUser } from '../shell/auth';
import { Loaded } from '../shell/Loaded';
import { loadRegions, regionName } from '../shell/regions';

/** 预约办理 for the hall's staff: the day's bookings slot by slot, and the window's hours that open the slots. */
export function BookingsPage() {
  const { code = '' } = useParams();
  // ?date=2026-12-07 opens that day (a link from elsewhere); today otherwise.
  const [search] = useSearchParams();
  const [date, setDate] = useState<Dayjs>(() => dayjs(search.get('date') ?? undefined));
  const day = date.format('YYYY-MM-DD');
  const regions = useRequest(loadRegions, []);
  const list = useRequest(
    () => api.get('/townships/:code/bookings', { params: { code }, query: { date: day } }),
    [code, day],
  );
  return (
    <div className="ds-page">
      <div className="ds-toolbar">
        <h1>{regions.data ? regionName(regions.data, code) : code} · 预约办理</h1>
        <DatePicker
          aria-label="日期"
          allowClear={false}
          value={date}
          onChange={(d) => d && setDate(d)}
          format="YYYY-MM-DD dddd"
        />
      </div>
      <Loaded state={list}>
        {({ bookings }) => (
          <Table
            rowKey="code"
            size="middle"
            pagination={false}
            dataSource={bookings}
            locale={{ emptyText: `${day} 没有预约` }}
            columns={[
              {
                title: '时段',
                width: 130,
                // One cell per slot, over the slot's bookings (the list comes in slot order).
                onCell: (b: StaffBooking, i = 0) => ({
                  rowSpan:
                    i > 0 && bookings[i - 1]!.start === b.start
                      ? 0
                      : bookings.slice(i).findIndex((o) => o.start !== b.start) === -1
                        ? bookings.length - i
                        : bookings.slice(i).findIndex((o) => o.start !== b.start),
                }),
                render: (_v, b: StaffBooking) => `${b.start.slice(11)}—${b.end}`,
              },
              { title: '事项', render: (_v, b: StaffBooking) => b.item.name },
              { title: '预约人', dataIndex: 'name', width: 120 },
              { title: '手机号码', dataIndex: 'phone', width: 130 },
              {
                title: '预约码',
                dataIndex: 'code',
                width: 120,
                render: (c: string) => (
                  <code className="ds-booking-code">{`${c.slice(0, 4)}-${c.slice(4)}`}</code>
                ),
              },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (_v, b: StaffBooking) => (
                  <Tag color={b.status === 'booked' ? 'blue' : 'default'}>{b.statusLabel}</Tag>
                ),
              },
            ]}
          />
        )}
      </Loaded>
      <SettingsCard township={code} />
    </div>
  );
}

const WEEKDAY_KEYS = Object.keys(WEEKDAY_LABELS) as WeekdayKey[];

/** "08:30-12:00, 14:30-17:30" ⇄ the periods of a day; what cannot be read is left for the server to name. */
const hoursText = (hours: WindowHours | undefined) =>
  (hours ?? []).map((p) => `${p.from}-${p.to}`).join(', ');
const parseHours = (text: string | undefined): WindowHours =>
  (text ?? '')
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((period) => {
      const [from = '', to = ''] = period.split(/[-—–~至]/);
      return { from: from.trim(), to: to.trim() };
    });

type SettingsForm = Record<WeekdayKey, string> & { slotMinutes: number; capacity: number };

/** The window's hours per weekday, slot length and seats per slot; public holidays close, 调休 days open. */
function SettingsCard({ township }: { township: string }) {
  const user = useUser();
  const { message } = App.useApp();
  const state = useRequest(
    () => api.get('/townships/:code/booking-settings', { params: { code: township } }),
    [township],
  );
  const [problems, setProblems] = useState<string[]>([]);
  const save = async (values: SettingsForm) => {
    // What this form does not show (adjustedWorkday, closedDays) is kept as it was.
    const settings: BookingSettings = {
      ...state.data?.settings,
      weekdays: Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, parseHours(values[d])])),
      slotMinutes: values.slotMinutes,
      capacity: values.capacity,
    };
    try {
      await api.put('/townships/:code/booking-settings', { params: { code: township }, body: settings });
      setProblems([]);
      message.success('预约设置已保存');
      state.reload();
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setProblems([error.message, ...error.details.map((d) => `${d.path}：${d.message}`)]);
    }
  };
  return (
    <Card title="窗口办公时段和预约设置" className="ds-gap">
      <Loaded state={state}>
        {({ settings }) => (
          <Form<SettingsForm>
            layout="horizontal"
            labelCol={{ span: 4 }}
            disabled={!can.editTownship(user.role)}
            onFinish={save}
            initialValues={{
              ...Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, hoursText(settings?.weekdays[d])])),
              slotMinutes: settings?.slotMinutes,
              capacity: settings?.capacity,
            }}
          >
            {settings ? null : (
              <Alert
                type="info"
                showIcon
                className="ds-gap"
                message="本乡镇还没有预约设置，群众端不提供网上预约。填写窗口办公时段后保存即开放。"
              />
            )}
            {WEEKDAY_KEYS.map((d) => (
              <Form.Item
                key={d}
                label={WEEKDAY_LABELS[d]}
                name={d}
                extra={
                  d === 'mon'
                    ? '如 08:30-12:00, 14:30-17:30；不办公留空。法定节假日不开放，调休上班日按星期一的时段开放。'
                    : undefined
                }
              >
                <Input placeholder="不办公" />
              </Form.Item>
            ))}
            <Form.Item
              label="每个时段（分钟）"
              name="slotMinutes"
              rules={[{ required: true, message: '请填写时段长度' }]}
            >
              <InputNumber min={5} max={240} />
            </Form.Item>
            <Form.Item
              label="每个时段可约人数"
              name="capacity"
              rules={[{ required: true, message: '请填写人数' }]}
            >
              <InputNumber min={1} max={100} />
            </Form.Item>
            {problems.length ? (
              <Alert
                type="error"
                showIcon
                className="ds-gap"
                message={problems[0]}
                description={problems.slice(1).join('；')}
              />
            ) : null}
            <Button type="primary" htmlType="submit">
              保存预约设置
            </Button>
          </Form>
        )}
      </Loaded>
    </Card>
  );
}
