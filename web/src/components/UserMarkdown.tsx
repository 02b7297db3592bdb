// Markdown that people wrote (motions, amendments), rendered with markdown-it and its raw HTML switched off: a
// `<script>` or an `onerror=` in the text stays text. Links keep markdown-it's check of their address (no
// `javascript:`, `vbscript:`, `file:` or `data:`) and are marked as external; images are not rendered, so a text
// cannot make every reader's browser fetch an address of the writer's choosing, which would tell them who reads it.
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true }).disable('image');

const defaultLink = markdown.renderer.rules.link_open
  ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index].attrSet('rel', 'external noopener noreferrer nofollow');
  tokens[index].attrSet('target', '_blank');
  return defaultLink(tokens, index, options, env, self);
};

/** The HTML markdown-it makes of <text>; exported for the tests. */
export const renderMarkdown = (text: string) => markdown.render(text);

export function UserMarkdown({ text }: { text: string }) {
  return <div className="user-text" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
