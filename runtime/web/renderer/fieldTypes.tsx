// The React half of the field-type registry (the rest is FIELD_TYPES in @oneseal/schemas): for each FieldComponent
// of the code list, the control that edits its answer and its icon in the designer's palette. Both maps are typed
// by the code list's union, so a field type without a control or an icon does not compile.
import {
  AlignLeftOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CheckSquareOutlined,
  DownSquareOutlined,
  EnvironmentOutlined,
  FontSizeOutlined,
  GroupOutlined,
  HomeOutlined,
  IdcardOutlined,
  MobileOutlined,
  NumberOutlined,
  OrderedListOutlined,
  PaperClipOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { ArrayTable, Checkbox, Input, NumberPicker, Radio } from '@formily/antd-v5';
import type { FieldComponent } from '@oneseal/schemas';
import type { ComponentType, ReactNode } from 'react';
import {
  DateInput,
  group,
  labelled,
  LabelledSelect,
  RegionPicker,
  Section,
  UploadAtCounter,
} from './components';

/** The control of each field type; Formily calls it with the props its schema gives. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each control takes its own props
export const FIELD_CONTROLS: Record<FieldComponent, ComponentType<any>> = {
  text: labelled(Input, { autoComplete: 'off' }),
  // Fixed heights: an auto-sizing textarea measures its text with a forced layout at every mount.
  textarea: labelled(Input.TextArea, { rows: 3 }),
  // No step buttons: people type numbers (arrow keys still step), and antd's buttons are named in English.
  number: labelled(NumberPicker, { style: { width: '100%' }, controls: false }),
  select: LabelledSelect,
  radio: group(Radio.Group),
  checkbox: group(Checkbox.Group),
  date: DateInput,
  'id-card': labelled(Input, { maxLength: 18, autoComplete: 'off', placeholder: '18 位公民身份号码' }),
  mobile: labelled(Input, {
    maxLength: 11,
    inputMode: 'tel',
    autoComplete: 'tel',
    placeholder: '11 位手机号码',
  }),
  uscc: labelled(Input, { maxLength: 18, autoComplete: 'off', placeholder: '18 位统一社会信用代码' }),
  region: RegionPicker,
  address: labelled(Input.TextArea, {
    rows: 2,
    autoComplete: 'street-address',
    placeholder: '县（市、区）、乡镇、村（社区）、组及门牌号',
  }),
  upload: UploadAtCounter,
  // The renderer gives a table its columns, an add button and a remove button per row (FormRenderer's tableItems).
  table: ArrayTable,
  section: Section,
  step: Section,
};

/** The icon of each field type in the designer's palette, canvas and property panel. */
export const FIELD_ICONS: Record<FieldComponent, ReactNode> = {
  text: <FontSizeOutlined />,
  textarea: <AlignLeftOutlined />,
  number: <NumberOutlined />,
  select: <DownSquareOutlined />,
  radio: <CheckCircleOutlined />,
  checkbox: <CheckSquareOutlined />,
  date: <CalendarOutlined />,
  'id-card': <IdcardOutlined />,
  mobile: <MobileOutlined />,
  uscc: <BankOutlined />,
  region: <EnvironmentOutlined />,
  address: <HomeOutlined />,
  upload: <PaperClipOutlined />,
  table: <TableOutlined />,
  section: <GroupOutlined />,
  step: <OrderedListOutlined />,
};
