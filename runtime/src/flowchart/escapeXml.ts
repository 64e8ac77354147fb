// Escaping for text and attribute values in SVG (XML). Every string the flowchart draws goes through
// here: item texts are editor-supplied and may hold "<script>", "onerror=", "{{" or "</style>".

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Not special to XML, but "{{" must not survive into markup that a template engine might read.
  '{': '&#123;',
  '}': '&#125;',
};

/* eslint-disable no-control-regex -- matching the control characters XML forbids is the point */
/** C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
const NOT_XML_CHAR =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/**
 * Escapes & < > " ' (and { }) and drops characters XML 1.0 does not allow, so the result is safe in
 * text content and in quoted attribute values.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"'{}]/g, (char) => ENTITIES[char] ?? char);
}
