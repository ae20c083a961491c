import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CommentBody } from '../../shared/discussion/commentBody';
import { sanitizeCommentBody } from '../../shared/discussion/sanitizeCommentBody';
import { CommentBodyView } from '../../client/comments/CommentBodyView';

// How the browser shows a comment: React elements built from the stored JSON, so text
// never becomes markup, and links open in a new tab without access to the board.

const render = (body: CommentBody) => renderToStaticMarkup(createElement(CommentBodyView, { body }));

describe('showing a comment', () => {
  it('shows markup typed into a comment as the characters it is', () => {
    const html = render(sanitizeCommentBody('<img src=x onerror=alert(1)><script>alert(2)</script>').body);
    expect(html).toBe('<div class="comment-body"><p><span>&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;</span></p></div>');
  });

  it('renders formatting, lists, mentions and safe links', () => {
    const { body } = sanitizeCommentBody({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Läs', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://sekom.se' } }] }, { type: 'hardBreak' }, { type: 'mention', attrs: { id: 'u1', label: 'Anna' } }] },
        { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'två', marks: [{ type: 'italic' }] }] }] }] },
      ],
    });
    expect(render(body)).toBe(
      '<div class="comment-body"><p><span><a href="https://sekom.se/" target="_blank" rel="noopener noreferrer nofollow"><strong>Läs</strong></a></span><br/>' +
        '<span class="mention" data-mention-id="u1">@Anna</span></p><ol start="2"><li><p><span><em>två</em></span></p></li></ol></div>',
    );
  });

  it('renders no link and no unknown node even if a stored body held one', () => {
    const forged = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'klick', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'image', attrs: { src: 'x', onerror: 'alert(1)' } },
      ],
    } as unknown as CommentBody;
    expect(render(forged)).toBe('<div class="comment-body"><p><span>klick</span></p></div>');
  });
});
