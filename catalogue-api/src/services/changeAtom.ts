import type { ChangeEntry } from '@oneseal/schemas';
import { codeLabel } from '@oneseal/schemas';

/** Text for XML: the five characters XML reserves escaped, and characters XML 1.0 cannot carry dropped. */
export function xmlText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- exactly the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** "发布：农村村民宅基地和建房（规划许可）审批（第 2 版）". */
export function changeTitle(entry: ChangeEntry): string {
  const version = entry.toVersion ?? entry.fromVersion;
  return `${codeLabel('ChangeKind', entry.kind)}：${entry.itemName}${version ? `（第 ${version} 版）` : ''}`;
}

/** The entry as plain zh text: reason, effective date and each line of the summary. */
export function changeText(entry: ChangeEntry): string {
  return [
    `理由：${entry.reason}`,
    ...(entry.effectiveDate ? [`生效日期：${entry.effectiveDate}`] : []),
    ...entry.summary,
  ].join('\n');
}

export interface AtomFeed {
  /** The feed's own address (rel="self"), also its id. */
  self: string;
  /** Where a reader sees the region's items on the portal. */
  portal: string;
  regionName: string;
  entries: ChangeEntry[];
}

/** An Atom 1.0 feed (RFC 4287) of a region's changes, newest first. */
export function atomFeed(feed: AtomFeed): string {
  const updated = feed.entries[0]?.at ?? new Date(0).toISOString();
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>urn:uuid:${entry.eventId}</id>
    <title>${xmlText(changeTitle(entry))}</title>
    <updated>${entry.at}</updated>
    <author><name>${xmlText(entry.author)}</name></author>
    <link rel="alternate" href="${xmlText(`${feed.portal}/items/${entry.itemCode}`)}"/>
    <category term="${entry.kind}" label="${xmlText(codeLabel('ChangeKind', entry.kind) ?? entry.kind)}"/>
    <content type="text">${xmlText(changeText(entry))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xmlText(feed.self)}</id>
  <title>${xmlText(`${feed.regionName} 事项清单变更记录`)}</title>
  <subtitle>事项的发布、撤回和取消，附理由和修改内容（政务公开）</subtitle>
  <updated>${updated}</updated>
  <author><name>${xmlText(feed.regionName)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(feed.portal)}"/>
${entries.join('\n')}
</feed>
`;
}
