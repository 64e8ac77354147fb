import type { Booking, BookingDay, BookingSlots } from '@oneseal/schemas';
import { ApiProblem, WEEKDAY_LABELS, weekdayOf } from '@oneseal/schemas';
import { Alert, Button, Card, Form, Input, Popconfirm, Result } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatBookingCode, normaliseBookingCode, useRequest } from '@oneseal/runtime/web';
import { api } from '../api';
import { Loaded } from './Status';

/**
 * 预约办理 for one item: pick a day and a slot, give name and phone, get the booking code (shown large, to be
 * read out at the window); the same page looks a booking up by code and phone and cancels it.
 */
export function BookingPage() {
  const { region = '', item = '' } = useParams();
  const [version, setVersion] = useState(0);
  const state = useRequest(() => api.slots(region, item), [region, item, version]);
  const [booked, setBooked] = useState<{ booking: Booking; phone: string }>();
  return (
    <div className="os-page os-booking">
      <Loaded state={state}>
        {(slots) => (
          <>
            <p className="os-breadcrumb">
              <Link to="/">选择乡镇</Link> / <Link to={`/regions/${region}`}>{slots.regionName}</Link> /{' '}
              <Link to={`/regions/${region}/items/${item}`}>{slots.item?.name}</Link>
            </p>
            <h1>预约办理</h1>
            <p className="os-muted">
              {slots.regionName}便民服务中心 · {slots.item?.name}
            </p>
            {booked ? (
              <BookedCard
                booking={booked.booking}
                phone={booked.phone}
                onCancelled={(booking) => {
                  setBooked({ ...booked, booking });
                  setVersion((v) => v + 1);
                }}
              />
            ) : slots.offered ? (
              <BookingForm slots={slots} onBooked={(booking, phone) => setBooked({ booking, phone })} />
            ) : (
              <Alert type="info" showIcon message="暂不能网上预约" description={slots.message} />
            )}
            <FindBooking onCancelled={() => setVersion((v) => v + 1)} />
          </>
        )}
      </Loaded>
    </div>
  );
}

const dayLabel = (date: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${WEEKDAY_LABELS[weekdayOf(date)].replace('星期', '周')}`;
const slotLabel = (start: string, end: string) => `${start.slice(11)}—${end}`;

function BookingForm({
  slots,
  onBooked,
}: {
  slots: BookingSlots;
  onBooked: (booking: Booking, phone: string) => void;
}) {
  const open = slots.days.filter((d) => d.slots.some((s) => s.remaining > 0));
  const [date, setDate] = useState(open[0]?.date);
  const [start, setStart] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const day: BookingDay | undefined = slots.days.find((d) => d.date === date);
  if (open.length === 0)
    return <Alert type="warning" showIcon message="近两周的时段都已约满或不开放，请稍后再来看看" />;

  async function submit(values: { name: string; phone: string }) {
    if (!start) return setProblem('请选择一个时段');
    setSending(true);
    setProblem(undefined);
    try {
      onBooked(
        await api.book({ region: slots.region, item: slots.item!.code, start, ...values }),
        values.phone,
      );
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.message : '预约没有成功，请稍后再试');
    } finally {
      setSending(false);
    }
  }

  return (
    <Form name="booking" layout="vertical" onFinish={submit} requiredMark={false}>
      <h2>1. 选择日期</h2>
      <div className="os-choice-grid" role="radiogroup" aria-label="日期">
        {open.map((d) => (
          <Button
            key={d.date}
            role="radio"
            aria-checked={d.date === date}
            type={d.date === date ? 'primary' : 'default'}
            onClick={() => {
              setDate(d.date);
              setStart(undefined);
            }}
          >
            {dayLabel(d.date)}
          </Button>
        ))}
      </div>
      <h2>2. 选择时段</h2>
      <div className="os-choice-grid" role="radiogroup" aria-label="时段">
        {day?.slots.map((s) => (
          <Button
            key={s.start}
            role="radio"
            aria-checked={s.start === start}
            disabled={s.remaining === 0}
            type={s.start === start ? 'primary' : 'default'}
            onClick={() => setStart(s.start)}
          >
            <span>{slotLabel(s.start, s.end)}</span>
            <small>{s.remaining === 0 ? '已满' : `余 ${s.remaining}`}</small>
          </Button>
        ))}
      </div>
      <h2>3. 填写预约人</h2>
      <Form.Item
        label="姓名"
        name="name"
        rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
      >
        <Input maxLength={50} autoComplete="name" />
      </Form.Item>
      <Form.Item
        label="手机号码（接收预约确认和提醒）"
        name="phone"
        rules={[
          { required: true, message: '请填写手机号码' },
          { pattern: /^1[3-9]\d{9}$/, message: '请填写 11 位手机号码' },
        ]}
      >
        <Input inputMode="tel" maxLength={11} autoComplete="tel" />
      </Form.Item>
      {problem ? <Alert type="error" showIcon message={problem} role="alert" className="os-gap" /> : null}
      <Button type="primary" size="large" htmlType="submit" block loading={sending} disabled={!start}>
        {start ? `确认预约 ${dayLabel(start.slice(0, 10))} ${start.slice(11)}` : '请先选择时段'}
      </Button>
    </Form>
  );
}

function BookedCard({
  booking,
  phone,
  onCancelled,
}: {
  booking: Booking;
  phone: string;
  onCancelled: (booking: Booking) => void;
}) {
  const [problem, setProblem] = useState<string>();
  const cancelled = booking.status === 'cancelled';
  return (
    <Result
      status={cancelled ? 'info' : 'success'}
      title={cancelled ? '预约已取消' : '预约成功'}
      subTitle={
        <>
          <p>预约码</p>
          <p className="os-booking-code" aria-label={`预约码 ${booking.code.split('').join(' ')}`}>
            {formatBookingCode(booking.code)}
          </p>
          <p>
            {dayLabel(booking.start.slice(0, 10))} {slotLabel(booking.start, booking.end)}
            <br />
            {booking.regionName}便民服务中心 · {booking.item.name}
            <br />
            预约人：{booking.name}（{booking.phone}）
          </p>
          {cancelled ? null : <p>请记下预约码，按时到窗口出示预约码办理。</p>}
        </>
      }
      extra={
        cancelled ? null : (
          <>
            {problem ? (
              <Alert type="error" showIcon message={problem} role="alert" className="os-gap" />
            ) : null}
            <Popconfirm
              title="确定取消这次预约？"
              okText="取消预约"
              cancelText="不取消"
              onConfirm={async () => {
                try {
                  onCancelled(await api.cancelBooking(booking.code, phone));
                } catch (error) {
                  setProblem(error instanceof ApiProblem ? error.message : '取消没有成功，请稍后再试');
                }
              }}
            >
              <Button size="large">取消预约</Button>
            </Popconfirm>
          </>
        )
      }
    />
  );
}

/** A booking made earlier (or on another phone): found by code and phone, then shown with its cancel button. */
function FindBooking({ onCancelled }: { onCancelled: () => void }) {
  const [found, setFound] = useState<{ booking: Booking; phone: string }>();
  const [problem, setProblem] = useState<string>();
  return (
    <Card title="查看或取消已有的预约" className="os-gap">
      {found ? (
        <BookedCard
          booking={found.booking}
          phone={found.phone}
          onCancelled={(booking) => {
            setFound({ ...found, booking });
            onCancelled();
          }}
        />
      ) : (
        <Form
          name="find-booking"
          layout="vertical"
          requiredMark={false}
          onFinish={async ({ code, phone }: { code: string; phone: string }) => {
            setProblem(undefined);
            try {
              setFound({ booking: await api.booking(normaliseBookingCode(code)!, phone), phone });
            } catch (error) {
              setProblem(error instanceof ApiProblem ? error.message : '查询没有成功，请稍后再试');
            }
          }}
        >
          <Form.Item
            label="预约码"
            name="code"
            rules={[
              { required: true, message: '请填写预约码' },
              {
                validator: (_r, value: string) =>
                  !value || normaliseBookingCode(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error('预约码为 8 位字母和数字')),
              },
            ]}
          >
            <Input placeholder="如 AB3C-7EFG" autoComplete="off" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item
            label="预约时填写的手机号码"
            name="phone"
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请填写 11 位手机号码' }]}
          >
            <Input inputMode="tel" maxLength={11} autoComplete="tel" />
          </Form.Item>
          {problem ? <Alert type="error" showIcon message={problem} role="alert" className="os-gap" /> : null}
          <Button htmlType="submit" size="large" block>
            查询预约
          </Button>
        </Form>
      )}
    </Card>
  );
}
