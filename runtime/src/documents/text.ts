import type { Contact, ContactKind, ResolvedMaterial } from '@oneseal/schemas';
import { codeLabel, dialablePhone } from '@oneseal/schemas';

/** "原件1份、复印件3份", "原件1张" — the counts a material states, in its unit; '' when it states none. */
export function copiesText(m: Pick<ResolvedMaterial, 'originals' | 'copies' | 'unit'>): string {
  const unit = m.unit ? codeLabel('MaterialUnit', m.unit)! : '份';
  return [m.originals ? `原件${m.originals}${unit}` : '', m.copies ? `复印件${m.copies}${unit}` : '']
    .filter(Boolean)
    .join('、');
}

/** Labels of several codes of one list, joined with 、; '' for none (an unstated list prints nothing). */
export function labels<L extends Parameters<typeof codeLabel>[0]>(
  list: L,
  values: readonly string[] | undefined,
): string {
  return (values ?? []).map((v) => codeLabel(list, v) ?? v).join('、');
}

/** A code's label, or '' when the code is unstated. */
export function label<L extends Parameters<typeof codeLabel>[0]>(list: L, value: string | undefined): string {
  return value === undefined ? '' : (codeLabel(list, value) ?? value);
}

// Texts that number themselves ("1.", "（一）", "①") must not be numbered again by the document.
const OWN_NUMBER = /^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]|[①-⑳])/;

/** Should a list of texts be printed with numbers of its own? Not when it has one entry or numbers itself. */
export function needsNumbers(texts: readonly string[]): boolean {
  return texts.length > 1 && !texts.some((t) => OWN_NUMBER.test(t));
}

// Each row names its use, so a notice listing every contact in one table stays clear.
const CONTACT_LABELS: Record<ContactKind | 'unnamed', { phone: string; channel: string }> = {
  consult: { phone: '咨询电话', channel: '咨询途径' },
  complaint: { phone: '投诉电话', channel: '投诉渠道' },
  supervision: { phone: '监督电话', channel: '监督渠道' },
  unnamed: { phone: '联系电话', channel: '联系途径' },
};

/** One contact as a label–value row: its phone with the region's area code, or its other channel. */
export function contactRows(
  contacts: readonly Contact[],
  regionCode: string | undefined,
): { label: string; value: string }[] {
  return contacts.flatMap((c) => {
    const labels = CONTACT_LABELS[c.kind ?? 'unnamed'];
    return [
      ...(c.phone ? [{ label: labels.phone, value: dialablePhone(c.phone, regionCode) }] : []),
      ...(c.channel ? [{ label: labels.channel, value: c.channel }] : []),
    ];
  });
}

/**
 * A CSS string literal that is safe inside a <style> element whatever the text holds: everything but letters,
 * digits and spaces becomes a CSS escape, so `"`, `\`, `<` and `</style>` cannot end the string or the element.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
