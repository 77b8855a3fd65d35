import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { parseImageUrl, srcsetOf } from './content.image-urls.js';

/**
 * Editors' Markdown → HTML for the site and the office preview (ADR 0014). Two layers:
 * markdown-it with `html: false` turns any HTML an editor types into visible text and refuses
 * javascript:/vbscript:/data: links; sanitize-html then keeps only the tags and attributes
 * Markdown itself makes, so a bug or a future option in the first layer still cannot put
 * script, styles, frames or event handlers into a page.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const ALLOWED_TAGS = [
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  's',
  'a',
  'blockquote',
  'code',
  'pre',
  'hr',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'srcset', 'sizes', 'loading'],
    // No style attribute at all: the site's CSP allows no inline style (table alignment goes).
    ol: ['start'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  // Images only from our own origin: the site makes no request to another host (ADR 0011).
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // The page's title is its only h1: the text's headings sit one level below it.
  transformTags: {
    h1: 'h2',
    // An uploaded image gets all its widths, so the browser picks the smallest that fits.
    img: (tagName, attribs) => {
      const own = parseImageUrl(attribs.src ?? '');
      if (!own) return { tagName, attribs };
      return {
        tagName,
        attribs: {
          ...attribs,
          srcset: srcsetOf(own.id, own.maxWidth),
          sizes: '(min-width: 48rem) 48rem, 100vw',
          loading: 'lazy',
        },
      };
    },
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return {
        tagName,
        attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
      };
    },
  },
};

/** Safe HTML for a Markdown text written by an editor. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), SANITIZE);
}

/** The first paragraph as plain text, for a news list and the page description. */
export function summaryOf(source: string, max = 240): string {
  const html = renderMarkdown(source);
  const first = /<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const text = sanitizeHtml(first, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
