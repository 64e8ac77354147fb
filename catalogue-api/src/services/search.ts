import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import type { Transaction } from 'sequelize';
import { Op } from 'sequelize';
import type { SqlValue } from '../db/driverSelect';
import { placeholders } from '../db/driverSelect';
import type { SearchTextRow } from '../db/models';
import type { ModelStore } from './store';

/** Lower-case letters only: a query typed as pinyin (full or initials), as opposed to Chinese text. */
export const PINYIN_QUERY = /^[a-z]+$/;

/** The pinyin of a text as syllables, without tones; characters other than Chinese are left out. */
const syllables = (text: string) => pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed' });

/**
 * Search keys of a name and its aliases: "nccmzjdhjf… nongcuncunminzhaijidi…" so that both the initials
 * ("zjd") and the full pinyin ("zhaijidi") of any part of the name match with a substring search.
 */
export function pinyinKeys(...texts: string[]): string {
  const keys = texts.flatMap((text) => {
    const s = syllables(text);
    return [s.map((x) => x[0] ?? '').join(''), s.join('')];
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

/** The searchable text of an item and the terms it is found by. */
export interface SearchEntry extends SearchTextRow {
  terms: string[];
}

/** The runs of `n` neighbouring characters of a word. */
const grams = (chars: string[], n: number) =>
  chars.slice(0, Math.max(chars.length - n + 1, 0)).map((_, i) => chars.slice(i, i + n).join(''));

/**
 * A stored word is indexed by its runs of one, two and three characters. A query word is looked up by its
 * runs of three (of its length, when shorter): the rarest terms it has. A text holding every run of a query
 * word is then checked for the whole word, so the index finds exactly what a substring search would.
 */
function wordTerms(word: string, stored: boolean): string[] {
  const chars = Array.from(word);
  return stored ? [1, 2, 3].flatMap((n) => grams(chars, n)) : grams(chars, Math.min(chars.length, 3));
}

const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);

/** The search text of a name and its aliases (keywords): the words, their pinyin, and a key naming the content. */
export function searchEntry(name: string, keywords: readonly string[] = []): SearchEntry {
  const texts = [name, ...keywords];
  const pinyinWords = texts.flatMap((text) => words(pinyinKeys(text)));
  const haystackWords = [...new Set([...texts.flatMap(words), ...pinyinWords])];
  const [initials = '', full = ''] = words(pinyinKeys(name));
  const haystack = haystackWords.join(' ');
  return {
    textKey: createHash('sha256').update(haystack).digest('hex').slice(0, 32),
    name,
    initials,
    pinyin: full,
    haystack,
    terms: [...new Set(haystackWords.flatMap((w) => wordTerms(w, true)))],
  };
}

/** Stores search texts and their terms, each once: texts are keyed by their content and never change. */
export async function indexSearchEntries(
  store: ModelStore,
  t: Transaction,
  entries: readonly SearchEntry[],
): Promise<void> {
  const m = store.models;
  const distinct = new Map(entries.map((e) => [e.textKey, e]));
  const stored = await m.SearchText.findAll({
    attributes: ['textKey'],
    where: { textKey: { [Op.in]: [...distinct.keys()] } },
    transaction: t,
    raw: true,
  });
  for (const { textKey } of stored) distinct.delete(textKey);
  if (distinct.size === 0) return;
  const fresh = [...distinct.values()];
  // Another writer may store the same new text at the same time: whoever comes second changes nothing.
  await m.SearchText.bulkCreate(
    fresh.map(({ terms: _terms, ...text }) => text),
    { transaction: t, ignoreDuplicates: true },
  );
  await m.SearchTerm.bulkCreate(
    fresh.flatMap((e) => e.terms.map((term) => ({ term, textKey: e.textKey }))),
    { transaction: t, ignoreDuplicates: true },
  );
}

/** How well a text matches: 0 the name itself, 1 the start of the name, 2 anywhere (by Chinese or pinyin). */
export type MatchRank = 0 | 1 | 2;

/** A query as the index looks it up: its words (lower-cased) and the terms every matching text holds. */
export interface SearchQuery {
  words: string[];
  terms: string[];
}

export function searchQuery(query: string): SearchQuery {
  const wanted = words(query);
  return { words: wanted, terms: [...new Set(wanted.flatMap((w) => wordTerms(w, false)))] };
}

/**
 * SQL for the keys of the search texts holding every term of `query` (`search_key IN (…)`), through the term
 * index: its cost depends on how many texts of the catalogue share the query's terms, not on how many items
 * are published.
 */
export function textsWithTerms(query: SearchQuery): { sql: string; values: SqlValue[] } {
  return {
    sql:
      `SELECT text_key FROM search_terms WHERE term IN (${placeholders(query.terms.length)}) ` +
      'GROUP BY text_key HAVING COUNT(*) = ?',
    values: [...query.terms, query.terms.length],
  };
}

/**
 * How a text the index found matches `query`: not at all when it lacks a whole word (a word longer than
 * three characters is looked up by its runs of three), else its rank.
 */
export function matchRank(
  query: SearchQuery,
  text: Pick<SearchTextRow, 'name' | 'initials' | 'pinyin' | 'haystack'>,
): MatchRank | undefined {
  if (!query.words.every((w) => text.haystack.includes(w))) return undefined;
  const whole = query.words.join(' ');
  const names = [text.name.toLowerCase(), text.initials, text.pinyin];
  return names.includes(whole) ? 0 : names.some((n) => n.startsWith(whole)) ? 1 : 2;
}
