// A small strict XML reader for the tests: it throws on anything a conforming parser would reject
// that the flowchart could plausibly produce (unbalanced or mismatched tags, unquoted or duplicate
// attributes, a raw "<" or a bare "&" in text or attribute values, unknown entities, two roots).

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /^[A-Za-z_][\w.:-]*/;

function decodeEntities(raw: string, where: number): string {
  if (raw.includes('<')) throw new Error(`raw "<" in character data near ${where}`);
  return raw.replace(/&([^;\s]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`bare "&" near ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body] as string;
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (!numeric) throw new Error(`unknown entity &${body}; near ${where}`);
    return String.fromCodePoint(numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]));
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const skipSpace = (): void => {
    while (i < source.length && /\s/.test(source[i] as string)) i++;
  };
  const readName = (): string => {
    const match = NAME.exec(source.slice(i, i + 100));
    if (!match) return fail('expected a name');
    i += match[0].length;
    return match[0];
  };

  if (source.startsWith('<?xml')) i = source.indexOf('?>') + 2;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (source.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (source[i] !== '>') fail('expected ">"');
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`closing </${name}> does not match <${open?.name ?? ''}>`);
    } else if (source[i] === '<') {
      i++;
      const element: XmlElement = { name: readName(), attributes: {}, children: [] };
      for (;;) {
        const before = i;
        skipSpace();
        if (source.startsWith('/>', i)) {
          i += 2;
          break;
        }
        if (source[i] === '>') {
          i++;
          break;
        }
        if (i === before) fail('expected whitespace before an attribute');
        const name = readName();
        if (name in element.attributes) fail(`duplicate attribute ${name}`);
        if (source[i] !== '=') fail('expected "="');
        i++;
        const quote = source[i];
        if (quote !== '"' && quote !== "'") return fail('unquoted attribute value');
        const end = source.indexOf(quote, i + 1);
        if (end < 0) fail('unterminated attribute value');
        element.attributes[name] = decodeEntities(source.slice(i + 1, end), i);
        i = end + 1;
      }
      const selfClosing = source[i - 2] === '/';
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail('a second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
    } else {
      const end = source.indexOf('<', i);
      const text = source.slice(i, end < 0 ? source.length : end);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(decodeEntities(text, i));
      else if (text.trim() !== '') fail('text outside the root element');
      i = end < 0 ? source.length : end;
    }
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap((child) => (typeof child === 'string' ? [] : allElements(child)))];
}

export function hasClass(element: XmlElement, name: string): boolean {
  return (element.attributes.class ?? '').split(/\s+/).includes(name);
}

/** Elements with every one of the given classes. */
export function byClass(root: XmlElement, ...names: string[]): XmlElement[] {
  return allElements(root).filter((element) => names.every((name) => hasClass(element, name)));
}

export function textContent(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textContent).join('');
}
