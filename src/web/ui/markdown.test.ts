import { createElement } from 'react';
// React's string renderer, not Tandem's server: the boundary rule matches the word.
// eslint-disable-next-line no-restricted-imports
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownText } from './markdown';

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text }));

describe('Markdown descriptions', () => {
  it('renders GitHub-flavoured Markdown: emphasis, lists, tables and task lists', () => {
    const html = render('**Why**: faster setup\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done');
    expect(html).toContain('<strong>Why</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<table>');
    expect(html).toContain('type="checkbox"');
  });

  it('never renders raw HTML from the text', () => {
    const html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>\n\n<div onclick="x()">block</div>');
    expect(html).not.toMatch(/<script|<img|onerror|<b>|<div onclick|onclick/);
    expect(html).toContain('Hello');
  });

  it('drops javascript: links and opens the others in a new tab without an opener', () => {
    const html = render('[evil](javascript:alert(1)) and [docs](https://example.com/docs)');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('href="https://example.com/docs"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});
