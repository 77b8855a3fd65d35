/**
 * A second, stricter pass over an ad's description before it is put in a page. The ingest
 * already sanitised it; this pass assumes nothing of what is stored (a bug there, or a row
 * written by hand, must still not run script in a visitor's browser). It keeps a handful of
 * formatting elements with no attributes at all (links keep only an http(s) href), drops
 * every other tag (and the whole
 * content of script-like elements), and escapes any stray angle bracket.
 */
const KEPT = new Set([
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'h2',
  'h3',
  'h4',
  'blockquote',
]);
const DROPPED_WITH_CONTENT =
  /<(script|style|iframe|object|embed|template|noscript|textarea|title|svg|math|select)\b[\s\S]*?<\/\1\s*>/gi;
// Headings inside the ad sit under the page's own h2 "About the job".
const DEMOTED: Record<string, string> = { h2: 'h3', h3: 'h4', h4: 'h4' };

/** A link survives only to an http(s) address in a quoted href; nothing else of it. */
function link(tag: string): string {
  if (tag.startsWith('</')) return '</a>';
  const href = /\shref\s*=\s*"(https?:\/\/[^"<>\s]+)"/i.exec(tag)?.[1];
  if (!href) return '<a>';
  const safe = href.replace(/&(?!amp;)/g, '&amp;');
  return `<a href="${safe}" rel="nofollow noopener noreferrer">`;
}

export function safeDescriptionHtml(html: string): string {
  return html
    .replace(DROPPED_WITH_CONTENT, '')
    .replace(/<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|[<>]/g, (match, name) => {
      if (match.startsWith('<!--')) return '';
      if (!name) return match === '<' ? '&lt;' : '&gt;';
      const tag = DEMOTED[name.toLowerCase()] ?? name.toLowerCase();
      if (tag === 'a') return link(match);
      if (!KEPT.has(tag)) return '';
      if (tag === 'br') return '<br>';
      return match.startsWith('</') ? `</${tag}>` : `<${tag}>`;
    });
}

/** The description as plain text (Atom summary, JSON-LD keeps the HTML): tags out, spaces tidied. */
export function descriptionText(html: string, max = 500): string {
  const text = safeDescriptionHtml(html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
