import { pinyin } from 'pinyin-pro';

/** Lower-case letters only: a query typed as pinyin (full or initials), as opposed to Chinese text. */
export const PINYIN_QUERY = /^[a-z]+$/;

/**
 * Search keys of a name and its aliases: "nccmzjdhjf… nongcuncunminzhaijidi…" so that both the initials
 * ("zjd") and the full pinyin ("zhaijidi") of any part of the name match with a substring search.
 */
export function pinyinKeys(...texts: string[]): string {
  const keys = texts.flatMap((text) => {
    const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' });
    return [syllables.map((s) => s[0] ?? '').join(''), syllables.join('')];
  });
  return keys.join(' ').toLowerCase();
}

/**
 * A LIKE pattern for "contains". Wildcards in user text are dropped rather than escaped: item names never hold
 * them, and SQLite and MySQL disagree on the default escape character.
 */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, '')}%`;
}
