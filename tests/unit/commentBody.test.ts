import { describe, expect, it } from 'vitest';
import { commentBodyText } from '../../shared/discussion/commentBody';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { safeHref } from '../../shared/discussion/safeHref';
import { codeOf } from './commentFixtures';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const link = (href: string) => ({ type: 'link', attrs: { href, target: '_self', onclick: 'alert(1)' } });

describe('comment bodies', () => {
  it('keeps the whitelisted rich text as written', () => {
    const input = doc(
      p(t('Bra '), t('förslag', [{ type: 'bold' }]), { type: 'hardBreak' }, t('se ', [{ type: 'italic' }]), t('sidan', [link('https://sekom.se/plan')])),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('ett'))] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(t('tre')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('djup'))] }] }] }] },
      p({ type: 'mention', attrs: { id: 'u1', label: 'Anna' } }),
    );
    const { body, mentions } = sanitizeCommentBody(input);
    expect(commentBodyText(body)).toBe('Bra förslag\nse sidan\nett\ntre\ndjup\n@Anna');
    expect(mentions).toEqual(['u1']);
    // Attributes outside the whitelist (target, onclick) are not kept.
    expect(JSON.stringify(body)).not.toMatch(/onclick|_self/);
    expect(body.content[0]).toEqual(
      p(t('Bra '), t('förslag', [{ type: 'bold' }]), { type: 'hardBreak' }, t('se ', [{ type: 'italic' }]), t('sidan', [{ type: 'link', attrs: { href: 'https://sekom.se/plan' } }])),
    );
  });

  it('refuses an empty comment, also one of spaces and empty paragraphs', () => {
    expect(codeOf(() => sanitizeCommentBody(doc()))).toBe('EMPTY_COMMENT');
    expect(codeOf(() => sanitizeCommentBody(doc(p(), p(t('   \n ')))))).toBe('EMPTY_COMMENT');
    expect(codeOf(() => sanitizeCommentBody(''))).toBe('EMPTY_COMMENT');
  });

  it('allows exactly 20,000 characters and refuses one more', () => {
    expect(sanitizeCommentBody(doc(p(t('a'.repeat(10_000))), p(t('b'.repeat(10_000))))).length).toBe(20_000);
    expect(codeOf(() => sanitizeCommentBody(doc(p(t('a'.repeat(10_000))), p(t('b'.repeat(10_001))))))).toBe('COMMENT_TOO_LONG');
  });

  it('refuses links that could run script, whatever their disguise', () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative', '//evil.example']) {
      expect(codeOf(() => sanitizeCommentBody(doc(p(t('klicka', [link(href)])))))).toBe('UNSAFE_LINK');
    }
    expect(safeHref('mailto:kansli@sekom.se')).toBe('mailto:kansli@sekom.se');
    expect(safeHref('HTTPS://Sekom.se')).toBe('https://sekom.se/');
  });

  it('refuses nodes and marks outside the whitelist rather than changing the comment silently', () => {
    expect(codeOf(() => sanitizeCommentBody(doc({ type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } })))).toBe('INVALID_BODY');
    expect(codeOf(() => sanitizeCommentBody(doc(p({ type: 'html', text: '<img src=x onerror=alert(1)>' }))))).toBe('INVALID_BODY');
    expect(codeOf(() => sanitizeCommentBody(doc({ type: 'codeBlock', content: [t('x')] })))).toBe('INVALID_BODY');
    expect(codeOf(() => sanitizeCommentBody(doc(p(t('x', [{ type: 'code' }])))))).toBe('INVALID_BODY');
    expect(codeOf(() => sanitizeCommentBody(doc({ type: 'bulletList', content: [p(t('not an item'))] })))).toBe('INVALID_BODY');
    expect(codeOf(() => sanitizeCommentBody({ type: 'doc', content: 'x' }))).toBe('INVALID_BODY');
    expect(codeOf(() => sanitizeCommentBody(42))).toBe('INVALID_BODY');
    expect(codeOf(() => sanitizeCommentBody(null))).toBe('INVALID_BODY');
  });

  it('keeps markup typed as text as plain, inert text', () => {
    const html = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const { body } = sanitizeCommentBody(html);
    expect(body).toEqual(doc(p(t(html))));
    expect(commentBodyText(sanitizeCommentBody(doc(p(t(html)))).body)).toBe(html);
  });

  it('shows mentions with the names the server knows, and an unknown person as text', () => {
    const names: Record<string, string> = { u1: 'Anna Andersson' };
    const { body, mentions } = sanitizeCommentBody(
      doc(p({ type: 'mention', attrs: { id: 'u1', label: 'Någon annan' } }, t(' och '), { type: 'mention', attrs: { id: 'nobody', label: 'Bertil' } })),
      { mentionName: (id) => names[id] ?? null },
    );
    expect(commentBodyText(body)).toBe('@Anna Andersson och @Bertil');
    expect(mentions).toEqual(['u1']);
  });

  it('refuses lists nested deeper than a person could type', () => {
    let node: unknown = p(t('botten'));
    for (let i = 0; i < 30; i++) node = { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('x')), node] }] };
    expect(codeOf(() => sanitizeCommentBody(doc(node)))).toBe('INVALID_BODY');
  });

  it('drops control characters and the empty paragraphs the editor leaves around the text', () => {
    const { body } = sanitizeCommentBody(doc(p(), p(t('hej\u0000\u0007 du')), p()));
    expect(body).toEqual(doc(p(t('hej du'))));
  });
});
