import { CalendarOutlined, CloseCircleFilled } from '@ant-design/icons';
import { DatePicker, Select } from '@formily/antd-v5';
import type { Field, GeneralField } from '@formily/core';
import { observer, useField } from '@formily/react';
import type { RegionOption } from '@oneseal/schemas';
import { Cascader } from 'antd';
import type { ComponentType, ReactNode } from 'react';
import { createContext, useContext, useEffect, useState } from 'react';
import { DrawPlanContext } from './drawPlan';

/** Division tree for the region picker (the model's regionTree), given by the host page (the renderer never fetches). */
export const RegionsContext = createContext<RegionOption[]>([]);

/**
 * Antd inputs do not take the label Formily draws beside them, so each control gets its field's title as its
 * accessible name, and states its error and requirement to screen readers.
 */
export function labelled<P extends object>(Control: ComponentType<P>, extra: Record<string, unknown> = {}) {
  const Labelled = observer((props: P) => {
    const field = useField() as GeneralField;
    const state = field as Field;
    const aria = {
      'aria-label': typeof field.title === 'string' ? field.title : undefined,
      'aria-required': state.required || undefined,
      'aria-invalid': state.selfErrors?.length > 0 || undefined,
    };
    return <Control {...extra} {...aria} {...props} />;
  });
  Labelled.displayName = `Labelled(${Control.displayName ?? Control.name ?? 'Control'})`;
  return Labelled;
}

/**
 * antd's Select puts an aria-label on its outer box as well as on its combobox, which axe rightly refuses; a
 * visually hidden <label for> names the combobox alone.
 */
export const LabelledSelect = observer((props: Record<string, unknown>) => {
  const field = useField() as GeneralField;
  const id = `os-field-${String(field.address).replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <>
      <label htmlFor={id} className="os-visually-hidden">
        {String(field.title ?? '')}
      </label>
      <Select placeholder="请选择" {...props} id={id} />
    </>
  );
});

/** Groups of choices are named as a group; each option is named by its own label. */
export function group<P extends object>(Control: ComponentType<P>) {
  const Group = observer((props: P) => {
    const field = useField() as GeneralField;
    return (
      <div role="group" aria-label={typeof field.title === 'string' ? field.title : undefined}>
        <Control {...props} />
      </div>
    );
  });
  Group.displayName = `Group(${Control.displayName ?? 'Control'})`;
  return Group;
}

/** Draws a section's fields once it comes within a screen of the viewport (see drawPlan). */
function useDrawn(address: string): [boolean, (element: HTMLElement | null) => void] {
  const plan = useContext(DrawPlanContext);
  const [near, setNear] = useState(false);
  const [element, setElement] = useState<HTMLElement | null>(null);
  const drawn = plan.all || plan.eager.has(address) || near;
  useEffect(() => {
    if (drawn || !element) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setNear(true),
      {
        rootMargin: '100% 0px',
      },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawn, element]);
  return [drawn, setElement];
}

/** A titled part of the form (a void section, or an item's own fields in a one-table form). */
export const Section = observer(({ children }: { children?: ReactNode }) => {
  const field = useField();
  const address = field.address.toString();
  const plan = useContext(DrawPlanContext);
  const [drawn, placeholder] = useDrawn(address);
  const description = (field as unknown as { description?: unknown }).description;
  return (
    <section className="os-section" aria-label={String(field.title ?? '')}>
      {field.title ? <h2 className="os-section-title">{String(field.title)}</h2> : null}
      {typeof description === 'string' && description ? (
        <p className="os-section-description">{description}</p>
      ) : null}
      {drawn ? (
        children
      ) : (
        <div
          ref={placeholder}
          className="os-section-pending"
          style={{ height: `${(plan.fields.get(address) ?? 1) * 96}px` }}
          aria-busy="true"
        >
          正在显示…
        </div>
      )}
    </section>
  );
});

/** County → township → village cascade; the answer is the chosen division's code. */
export const RegionPicker = observer(
  (props: { value?: string; onChange?: (value: string | undefined) => void }) => {
    const regions = useContext(RegionsContext);
    const field = useField();
    const path = (options: RegionOption[], code: string | undefined): string[] => {
      if (!code) return [];
      for (const option of options) {
        if (option.value === code) return [code];
        const below = path(option.children ?? [], code);
        if (below.length > 0) return [option.value, ...below];
      }
      return [];
    };
    return (
      <Cascader
        aria-label={String(field.title ?? '')}
        options={regions}
        value={path(regions, props.value)}
        changeOnSelect
        showSearch
        placeholder="请选择"
        onChange={(value) => props.onChange?.(value ? String(value[value.length - 1]) : undefined)}
      />
    );
  },
);

/**
 * Electronic copies are handed in at the counter for now: the online form names what to bring instead of
 * pretending to keep files it cannot store.
 */
export const UploadAtCounter = () => (
  <p className="os-upload-note">此项材料请在受理时提交原件或复印件（网上暂不接收电子文件）。</p>
);

/**
 * Typed dates are read in these shapes (the first is how the answer is shown and kept): a phone's number pad has
 * no hyphen, so 19700312 is taken too.
 */
export const DATE_INPUT_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY/MM/DD', 'YYYY.MM.DD'];

/**
 * The calendar opens below its field, shifted onto the screen where the field is near an edge (antd would flip it
 * off a phone's screen), after the field has been scrolled up to leave room for it.
 */
const POPUP_ON_SCREEN = { overflow: { adjustX: 1, adjustY: 1, shiftX: true, shiftY: true } };

/** Room the calendar needs under its field, in CSS pixels (its height in 大字模式, with a margin). */
const CALENDAR_ROOM = 480;

function makeRoomBelow() {
  const input = document.activeElement;
  if (!(input instanceof HTMLElement)) return;
  const below = window.innerHeight - input.getBoundingClientRect().bottom;
  if (below < CALENDAR_ROOM) window.scrollBy({ top: CALENDAR_ROOM - below, behavior: 'instant' });
}

/** A date typed (any of DATE_INPUT_FORMATS) or picked from a calendar that stays on screen. */
export const DateInput = labelled(DatePicker, {
  style: { width: '100%' },
  format: DATE_INPUT_FORMATS,
  placeholder: '如 1970-03-12',
  inputMode: 'numeric',
  // The icons are named in English by default: the calendar's is decorative (the field has its label).
  suffixIcon: <CalendarOutlined aria-hidden aria-label={undefined} />,
  allowClear: { clearIcon: <CloseCircleFilled aria-label="清除" /> },
  popupAlign: POPUP_ON_SCREEN,
  onOpenChange: (open: boolean) => open && makeRoomBelow(),
});
