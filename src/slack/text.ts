/**
 * Slack message text -> the plain words CompBot's parser reads.
 *
 * Slack encodes `&`, `<`, `>` as entities and wraps mentions, channels and links in `<…>`. We drop the bot's
 * own mention, turn the other tokens into readable words (`<!here>` -> "@here", `<url|label>` -> "label") and
 * decode the entities. The renderer escapes whatever we echo back, so nothing here can ping anyone.
 */

const TOKEN = /<([^<>]*)>/g;

function tokenToWords(inner: string, botUserId: string | undefined): string {
  const [target = "", label] = inner.split("|", 2);
  if (target.startsWith("@")) {
    const id = target.slice(1);
    if (botUserId !== undefined && id === botUserId) return " ";
    return label ? ` @${label} ` : " ";
  }
  if (target.startsWith("#")) return label ? ` #${label} ` : " ";
  if (target.startsWith("!")) {
    const special = target.slice(1).split("^")[0] ?? "";
    return label ? ` ${label} ` : ` @${special} `;
  }
  return ` ${label ?? target} `;
}

export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The question in a mention or DM: bot mention removed, Slack markup flattened, whitespace collapsed. */
export function questionFromSlackText(text: string, botUserId?: string): string {
  let out = text.replace(TOKEN, (_m, inner: string) => tokenToWords(inner, botUserId));
  // Without a known bot id, a leading user mention is taken to be the bot's (it is an app_mention).
  if (botUserId === undefined) out = out.replace(/^\s*@\S+\s*/, "");
  return decodeEntities(out).replace(/\s+/g, " ").trim();
}
