/**
 * Escaping for Slack text objects.
 *
 * mrkdwn (section text and fields, context elements, the top-level `text` fallback): Slack uses `&`, `<` and
 * `>` as control characters (`<!channel>`, `<@U123>`, `<http://x|label>`), so every piece of guide or user text
 * goes through `escapeMrkdwn`, which replaces exactly those three with `&amp;`, `&lt;`, `&gt;` and nothing else
 * (Slack: "You shouldn't HTML entity-encode the entire text, as only the specific characters shown above will be
 * decoded for display").
 *
 * plain_text (header text, button text): NOT escaped. Slack's text-object reference says plain_text carries no
 * formatting (only `emoji`; `verbatim` and mention/link parsing apply to mrkdwn only), so `<!channel>` in a
 * plain_text object is shown as those characters and pings nobody. Slack accepts raw `&`, `<`, `>` there and
 * escapes them itself when it stores the message (slackapi/bolt-python#513 shows a button sent as "Answer & 1"
 * coming back as "Answer &amp; 1"); pre-escaping would risk showing a literal "&amp;" to the reader.
 *
 * Button `value` / `action_id`: never displayed, never parsed; they carry the exact /comp words the Slack
 * listeners run again, so they are not escaped either.
 */

/** & -> &amp;, < -> &lt;, > -> &gt; (exactly those three). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A URL fit for `<url|label>`: & escaped, and the characters that would end or split the link percent-encoded. */
function linkUrl(url: string): string {
  return url.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E").replace(/\|/g, "%7C");
}

/**
 * One pass over inline markdown. Tokens, in order of precedence at each position:
 *   `code`            kept as is (content escaped, not converted)
 *   [label](url)      <url|label> for http(s) urls, else the label alone
 *   **bold**          *bold*
 * Everything else is escaped and kept; nothing else is removed.
 */
const INLINE =
  /(`+)([^`\n]|[^`\n][\s\S]*?[^`\n])\1(?!`)|\[([^\]\n]*)\]\(([^()\s]*)\)|\*\*(?=\S)([^\n]*?\S)\*\*/g;

/**
 * GitHub markdown (as found in guide bodies) to Slack mrkdwn: `**bold**` -> `*bold*`, `[label](https://…)` ->
 * `<https://…|label>` (label escaped; other schemes or relative links keep only their label), inline code kept,
 * and all other text escaped with `escapeMrkdwn`. Headings, lists and quotes are left as written.
 */
export function markdownToMrkdwn(md: string): string {
  let out = "";
  let last = 0;
  // matchAll works on a copy of the regex, so the recursive calls below do not disturb this loop.
  for (const m of md.matchAll(INLINE)) {
    out += escapeMrkdwn(md.slice(last, m.index));
    last = m.index + m[0].length;
    const [whole, ticks, code, label, url, bold] = m;
    if (ticks !== undefined && code !== undefined) {
      out += escapeMrkdwn(whole);
    } else if (label !== undefined && url !== undefined) {
      const text = markdownToMrkdwn(label);
      if (/^https?:\/\/\S+$/i.test(url)) {
        out += text.trim() === "" ? `<${linkUrl(url)}>` : `<${linkUrl(url)}|${text}>`;
      } else {
        out += text;
      }
    } else if (bold !== undefined) {
      out += `*${markdownToMrkdwn(bold)}*`;
    } else {
      out += escapeMrkdwn(whole);
    }
  }
  return out + escapeMrkdwn(md.slice(last));
}
