import { escapeHtml } from '../html/escapeHtml';
import type { MailLanguage } from './MailKind';

// One layout for every mail: its content as a few kinds of blocks, written out once as
// plain text and once as HTML. Escaping happens here and only here, so no renderer can
// forget it; every link is one the renderer built from the public address.

export type MailBlock =
  | { type: 'p'; text: string }
  | { type: 'heading'; text: string }
  /** Words someone wrote, shown set apart. */
  | { type: 'quote'; text: string }
  /** The mail's main action. */
  | { type: 'button'; label: string; url: string }
  | { type: 'list'; items: Array<{ text: string; url?: string; lines?: string[] }> };

export interface MailLayout {
  lang: MailLanguage;
  greeting: string;
  blocks: MailBlock[];
  /** Why the reader gets this, and where to change it. */
  footer: Array<{ text: string; link?: { label: string; url: string } }>;
}

export interface MailBody {
  text: string;
  html: string;
}

const quoteLines = (text: string) => text.split('\n').map((l) => `> ${l}`.trimEnd());

function textBlock(block: MailBlock): string {
  switch (block.type) {
    case 'p':
      return block.text;
    case 'heading':
      return `${block.text}\n${'='.repeat(Math.min(block.text.length, 60))}`;
    case 'quote':
      return quoteLines(block.text).join('\n');
    case 'button':
      return `${block.label}:\n${block.url}`;
    case 'list':
      return block.items
        .map((item) => [`- ${item.text}`, ...(item.lines ?? []).map((l) => `  ${l}`), ...(item.url ? [`  ${item.url}`] : [])].join('\n'))
        .join('\n');
  }
}

const A = 'color:#0b5cad;text-decoration:underline';

function htmlBlock(block: MailBlock): string {
  switch (block.type) {
    case 'p':
      return `<p style="margin:0 0 16px">${escapeHtml(block.text).replace(/\n/g, '<br>')}</p>`;
    case 'heading':
      return `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(block.text)}</h2>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #8a8f98;background:#f4f5f7;white-space:pre-wrap">${escapeHtml(block.text)}</blockquote>`;
    case 'button':
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(block.url)}" style="display:inline-block;padding:10px 16px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(block.label)}</a></p>`;
    case 'list':
      return `<ul style="margin:0 0 16px;padding-left:20px">${block.items
        .map((item) => {
          const head = item.url ? `<a href="${escapeHtml(item.url)}" style="${A}">${escapeHtml(item.text)}</a>` : escapeHtml(item.text);
          const lines = (item.lines ?? []).map((l) => `<br><span style="color:#4a4f57">${escapeHtml(l)}</span>`).join('');
          return `<li style="margin:0 0 8px">${head}${lines}</li>`;
        })
        .join('')}</ul>`;
  }
}

export function layoutMail(mail: MailLayout): MailBody {
  const footerText = mail.footer.map((f) => (f.link ? `${f.text} ${f.link.label}: ${f.link.url}` : f.text));
  const text = [mail.greeting, ...mail.blocks.map(textBlock), '-- ', ...footerText].join('\n\n').replace('\n\n-- \n\n', '\n\n-- \n') + '\n';
  const footerHtml = mail.footer
    .map((f) => `<p style="margin:0 0 8px">${escapeHtml(f.text)}${f.link ? ` <a href="${escapeHtml(f.link.url)}" style="${A}">${escapeHtml(f.link.label)}</a>` : ''}</p>`)
    .join('');
  const html =
    `<!doctype html><html lang="${mail.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>` +
    `<body style="margin:0;padding:24px;background:#ffffff;color:#1d2026;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">` +
    `<div style="max-width:600px">` +
    `<p style="margin:0 0 16px">${escapeHtml(mail.greeting)}</p>${mail.blocks.map(htmlBlock).join('')}` +
    `<hr style="border:0;border-top:1px solid #c4c8cf;margin:24px 0 16px">` +
    `<div style="font-size:14px;color:#4a4f57">${footerHtml}</div></div></body></html>`;
  return { text, html };
}
