import type { TextRun } from '../plan/types';
import { escapeValue, unescapeText } from './escapes';

// Inline markup of the text part, a small subset of Markdown: **bold**, *italic*,
// <https://…> (a link showing its address) and [text](address). Stars toggle, so
// `***` after text closes or opens both marks, which is what the writer emits.

const HREF = '[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>\\\\]*';
const AUTOLINK = new RegExp(`^<(${HREF})>`);
const AUTOLINK_HREF = new RegExp(`^${HREF}$`);
const LINK = /^\[((?:\\[\s\S]|[^\\\]])*)\]\(((?:\\[\s\S]|[^\\)])*)\)/;

/** Runs of one paragraph, heading or list item; adjacent runs alike are merged. */
export function parseInline(raw: string): TextRun[] {
  const runs: TextRun[] = [];
  let bold = false;
  let italic = false;
  const add = (text: string, link?: string) => {
    if (text === '') return;
    const last = runs[runs.length - 1];
    if (last && !!last.bold === bold && !!last.italic === italic && last.link === link) {
      last.text += text;
      return;
    }
    const run: TextRun = { text };
    if (bold) run.bold = true;
    if (italic) run.italic = true;
    if (link !== undefined) run.link = link;
    runs.push(run);
  };
  for (let i = 0; i < raw.length; ) {
    const c = raw[i];
    const escaped = c === '\\' && i + 1 < raw.length ? escapeValue(raw[i + 1]) : null;
    if (escaped !== null) {
      add(escaped);
      i += 2;
    } else if (c === '*') {
      const double = raw[i + 1] === '*';
      if (double) bold = !bold;
      else italic = !italic;
      i += double ? 2 : 1;
    } else {
      const auto = c === '<' ? AUTOLINK.exec(raw.slice(i)) : null;
      const link = c === '[' ? LINK.exec(raw.slice(i)) : null;
      if (auto) add(auto[1], auto[1]);
      else if (link) add(unescapeText(link[1]), unescapeText(link[2]));
      else add(c);
      i += auto?.[0].length ?? link?.[0].length ?? 1;
    }
  }
  return runs;
}

const TEXT_ESCAPES: Record<string, string> = { '\\': '\\\\', '*': '\\*', '<': '\\<', '[': '\\[', '\t': '\\t', '\r': '\\r', '\n': '\\n' };
const escapeText = (text: string, keepLineBreaks: boolean) =>
  text.replace(/[\\*<[\t\r\n]/g, (c) => (c === '\n' && keepLineBreaks ? c : TEXT_ESCAPES[c]));
const escapeInLink = (text: string) => text.replace(/[\\\t\r\n\])]/g, (c) => TEXT_ESCAPES[c] ?? `\\${c}`);

const renderLink = (text: string, href: string) =>
  text === href && AUTOLINK_HREF.test(href) ? `<${href}>` : `[${escapeInLink(text)}](${escapeInLink(href)})`;

/**
 * Runs as markup. With keepLineBreaks a line break stays a real one (the caller
 * makes sure it does not leave an empty line); otherwise it is written `\n`.
 */
export function renderInline(runs: TextRun[], keepLineBreaks: boolean): string {
  let out = '';
  let bold = false;
  let italic = false;
  const marks = (b: boolean, i: boolean) => {
    if (b !== bold) out += '**';
    if (i !== italic) out += '*';
    bold = b;
    italic = i;
  };
  for (const run of runs) {
    marks(!!run.bold, !!run.italic);
    out += run.link !== undefined ? renderLink(run.text, run.link) : escapeText(run.text, keepLineBreaks);
  }
  marks(false, false);
  return out;
}
