import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeBlocks } from '../../shared/plan/richText';
import type { Block } from '../../shared/plan/types';
import { RichTextView } from '../../client/editor/RichTextView';

// Hur as a reader sees it in a card's details: the whole rich text as elements, with
// nothing to type into, markup shown as characters and only safe links.

function render(blocks: Block[]): string {
  const fragment = new Y.Doc().getXmlFragment('how');
  writeBlocks(fragment, blocks);
  return renderToStaticMarkup(createElement(RichTextView, { fragment, labelledBy: 'how-label', empty: 'Inget angivet' }));
}

describe('reading Hur without an editor', () => {
  it('shows headings, formatting, line breaks, lists and safe links, and nothing editable', () => {
    const html = render([
      { type: 'heading', level: 1, runs: [{ text: 'Mål' }] },
      { type: 'paragraph', runs: [{ text: 'Läs ', bold: true }, { text: 'mer', link: 'https://sekom.se' }, { text: '\nrad två', italic: true }] },
      { type: 'orderedList', items: [[{ text: 'ett' }], [{ text: 'två' }]] },
    ]);
    expect(html).toBe(
      '<div class="rich-text-view" role="group" aria-labelledby="how-label"><h3><span>Mål</span></h3>' +
        '<p><span><strong>Läs </strong></span><span><a href="https://sekom.se/" target="_blank" rel="noopener noreferrer nofollow">mer</a></span><span><em><br/>rad två</em></span></p>' +
        '<ol><li><span>ett</span></li><li><span>två</span></li></ol></div>',
    );
    expect(html).not.toMatch(/contenteditable|<input|<textarea|role="textbox"/);
  });

  it('shows markup as the characters it is and drops links that are not web or e-mail addresses', () => {
    const html = render([{ type: 'paragraph', runs: [{ text: '<img src=x onerror=alert(1)>', link: 'javascript:alert(1)' }] }]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<a');
  });

  it('says so when there is no text', () => {
    expect(render([{ type: 'paragraph', runs: [] }])).toContain('<p class="rich-text-empty">Inget angivet</p>');
  });
});
