import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

// Links leave Tandem in a new tab and carry no referrer or opener; react-markdown
// already drops javascript: and other unsafe URLs.
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer nofollow" />,
};

/**
 * Markdown as people write it in descriptions (GitHub-flavoured: tables, task
 * lists, strikethrough). Raw HTML in the text is dropped, never rendered, so a
 * description cannot inject markup or script.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {text}
      </Markdown>
    </div>
  );
}
