import { SaxesParser } from 'saxes';
import { ImportError } from '../../../shared/import/ImportError';

/** An element of a Word part: its name as `w:p`, `r:id`, …, its attributes and children. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

// Names are read by namespace, not by the prefix a file happens to use: Word writes
// `w:`, but any prefix bound to the same namespace means the same. Strict Office Open
// XML has namespaces of its own for the same elements.
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'cp',
  'http://purl.oclc.org/ooxml/officeDocument/customProperties': 'cp',
  'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes': 'vt',
  'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes': 'vt',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
};

interface Scope {
  prefixes: Record<string, string>;
  names: Map<string, string>;
}

/** A name as `w:p`, its prefix the one this program uses for the namespace; unprefixed attributes stay as they are. */
function resolve(scope: Scope, name: string, element: boolean): string {
  const key = element ? `<${name}` : name;
  let known = scope.names.get(key);
  if (known === undefined) {
    const colon = name.indexOf(':');
    known = colon < 0 ? (element ? `${scope.prefixes[''] ?? '?'}:${name}` : name) : `${scope.prefixes[name.slice(0, colon)] ?? '?'}:${name.slice(colon + 1)}`;
    scope.names.set(key, known);
  }
  return known;
}

/** Only these hold text that matters; the white space between other elements is layout. */
const TEXT_ELEMENTS = new Set(['w:t', 'w:delText', 'w:instrText', 'vt:lpwstr', 'rel:Relationship']);

/**
 * Parses one XML part of a Word file into a small tree. A part that declares a DTD is
 * refused before anything in it is used: entity declarations are how XML is made to
 * read files or to grow a few bytes into gigabytes, and Word never writes one.
 */
export function parseXml(part: string, bytes: Uint8Array): XmlElement {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('BAD_XML', null, `${part} is not UTF-8 XML`, { part });
  }
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  // Prefixes are resolved here rather than by saxes (its namespace mode is twice as slow):
  // each element's scope is its parent's, with the declarations it makes itself, and
  // the names met in a scope are resolved once.
  const scopes: Scope[] = [{ prefixes: { xml: 'xml' }, names: new Map() }];
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw new ImportError('XML_DTD', null, `${part} declares a DTD, which a Word file never does; it is refused`, { part });
  });
  const declares = (name: string) => name === 'xmlns' || name.startsWith('xmlns:');
  parser.on('opentag', (tag) => {
    let scope = scopes[scopes.length - 1];
    const attributes = tag.attributes as Record<string, string>;
    for (const name in attributes) {
      if (!declares(name)) continue;
      if (scope === scopes[scopes.length - 1]) scope = { prefixes: { ...scope.prefixes }, names: new Map() };
      scope.prefixes[name === 'xmlns' ? '' : name.slice(6)] = PREFIXES[attributes[name]] ?? '?';
    }
    scopes.push(scope);
    const attrs: Record<string, string> = {};
    for (const name in attributes) if (!declares(name)) attrs[resolve(scope, name, false)] = attributes[name];
    const element: XmlElement = { name: resolve(scope, tag.name, true), attrs, children: [] };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
    scopes.pop();
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (TEXT_ELEMENTS.has(top.name)) top.children.push(t);
  });
  parser.on('cdata', (t) => {
    const top = stack[stack.length - 1];
    if (TEXT_ELEMENTS.has(top.name)) top.children.push(t);
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError('BAD_XML', null, `${part} is not well-formed XML (${(err as Error).message})`, { part });
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!top) throw new ImportError('BAD_XML', null, `${part} is empty`, { part });
  return top;
}

export const elements = (el: XmlElement): XmlElement[] => el.children.filter((c): c is XmlElement => typeof c !== 'string');
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined => el && elements(el).find((c) => c.name === name);
export const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

/** An on/off property such as `<w:b/>`: on unless its value says off. */
export const isOn = (el: XmlElement | undefined): boolean | undefined => {
  if (!el) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
};
