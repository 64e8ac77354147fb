import type { BookingSettings } from '@oneseal/schemas';
import { MAX_SLOT_RANGE_DAYS } from '@oneseal/schemas';
import { BOOKING_CODE_PATTERN } from '@oneseal/runtime';
import type { Role } from '../auth/roles';
import type { RouteSpec } from '../http/routeTable';
import type { BookingInput } from '../services/bookings';
import {
  BOOKING_HORIZON_DAYS,
  book,
  bookableSlots,
  bookingSettings,
  cancelBooking,
  dayBookings,
  findBooking,
  saveBookingSettings,
} from '../services/bookings';
import { model, pick, shape, townshipParam } from './common';

// Who runs a township's hall: the same roles that write its list.
const STAFF: readonly Role[] = ['township-editor', 'county-admin', 'city-admin'];

const bookingCode = {
  description: '预约码（8 位，不区分大小写）',
  schema: { type: 'string', pattern: BOOKING_CODE_PATTERN },
};
const date = (description: string) => ({ description, schema: model.isoDate });

// Wrong phone numbers count against the booking from every address, as for applications (RateLimits.byPhone).
const phoneGuessKey = (code: string) => `booking:${code.toUpperCase()}`;

export const bookingRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/public/regions/:code/slots',
    tag: '预约办理',
    summary: '乡镇可预约的日期和时段（尚可预约人数）',
    description: `按乡镇设置的窗口时段、时段长度和人数，法定节假日不开放、调休上班日开放；一次至多 ${MAX_SLOT_RANGE_DAYS} 天（默认从今天起 14 天），只含未开始的、${BOOKING_HORIZON_DAYS} 天以内的时段。乡镇未设置时 offered 为 false。`,
    access: 'public',
    params: { code: townshipParam },
    query: {
      from: date('开始日期（默认今天）'),
      to: date('结束日期（含）'),
      item: { description: '要办理的事项（须为本乡镇已发布事项）', schema: model.basicCode },
    },
    responses: {
      200: { description: '可预约的日期和时段', schema: shape('BookingSlots') },
      ...pick(400, 404),
    },
    async handle(ctx, { store }) {
      ctx.set('Cache-Control', 'no-store');
      const { from, to, item } = ctx.query as { from?: string; to?: string; item?: string };
      ctx.body = await bookableSlots(store, ctx.params.code!, { from, to, item });
    },
  },
  {
    method: 'post',
    path: '/public/bookings',
    tag: '预约办理',
    summary: '预约一个时段办理事项',
    description: '返回预约码，并通过通知渠道（短信或日志）发送预约确认；时段已约满时 409。',
    access: 'public',
    rateLimit: 'submit',
    body: shape('BookingRequest'),
    responses: {
      201: { description: '已预约', schema: shape('Booking') },
      ...pick(400, 404, 409, 422),
    },
    async handle(ctx, { store, notifier }) {
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = await book(store, notifier, ctx.request.body as BookingInput);
      ctx.status = 201;
    },
  },
  {
    method: 'get',
    path: '/public/bookings/:code',
    tag: '预约办理',
    summary: '凭预约码和手机号码查看预约',
    access: 'public',
    rateLimit: 'lookup',
    params: { code: bookingCode },
    query: {
      phone: {
        description: '预约时填写的手机号码',
        schema: { type: 'string', pattern: '^1[3-9]\\d{9}$' },
        required: true,
      },
    },
    responses: { 200: { description: '预约', schema: shape('Booking') }, ...pick(400, 404) },
    async handle(ctx, { store, limits }) {
      ctx.set('Cache-Control', 'private, no-store');
      const code = ctx.params.code!;
      const phone = String(ctx.query.phone);
      ctx.body = await limits.byPhone(phoneGuessKey(code), () => findBooking(store, code, phone));
    },
  },
  {
    method: 'post',
    path: '/public/bookings/:code/cancel',
    tag: '预约办理',
    summary: '凭预约码和手机号码取消预约（时段开始前）',
    access: 'public',
    rateLimit: 'lookup',
    params: { code: bookingCode },
    body: shape('BookingCancelRequest'),
    responses: {
      200: { description: '已取消的预约', schema: shape('Booking') },
      ...pick(400, 404, 409, 422),
    },
    async handle(ctx, { store, limits }) {
      ctx.set('Cache-Control', 'private, no-store');
      const code = ctx.params.code!;
      const { phone } = ctx.request.body as { phone: string };
      ctx.body = await limits.byPhone(phoneGuessKey(code), () => cancelBooking(store, code, phone));
    },
  },
  {
    method: 'get',
    path: '/townships/:code/booking-settings',
    tag: '预约办理',
    summary: '乡镇的预约设置',
    access: STAFF,
    scope: (ctx) => ctx.params.code!,
    params: { code: townshipParam },
    responses: {
      200: { description: '预约设置', schema: shape('BookingSettingsView') },
      ...pick(401, 403, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await bookingSettings(store, ctx.params.code!);
    },
  },
  {
    method: 'put',
    path: '/townships/:code/booking-settings',
    tag: '预约办理',
    summary: '设置乡镇窗口的办公时段、预约时段长度和每时段人数',
    description: '已有的预约不受影响；新的设置从下一次预约起生效。',
    access: STAFF,
    scope: (ctx) => ctx.params.code!,
    params: { code: townshipParam },
    body: shape('BookingSettings'),
    responses: {
      200: { description: '保存后的设置', schema: shape('BookingSettingsView') },
      ...pick(400, 401, 403, 404, 422),
    },
    async handle(ctx, { store }) {
      ctx.body = await saveBookingSettings(
        store,
        ctx.state.principal!,
        ctx.params.code!,
        ctx.request.body as BookingSettings,
      );
    },
  },
  {
    method: 'get',
    path: '/townships/:code/bookings',
    tag: '预约办理',
    summary: '乡镇一天的预约（按时段）',
    access: STAFF,
    scope: (ctx) => ctx.params.code!,
    params: { code: townshipParam },
    query: { date: { ...date('日期'), required: true } },
    responses: {
      200: { description: '当天的预约', schema: shape('DayBookings') },
      ...pick(400, 401, 403, 404),
    },
    async handle(ctx, { store }) {
      ctx.body = await dayBookings(store, ctx.params.code!, String(ctx.query.date));
    },
  },
];
