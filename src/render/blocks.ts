/**
 * Answer -> Slack Block Kit message. Every guide or user string placed in mrkdwn goes through escapeMrkdwn
 * (or markdownToMrkdwn for guide prose); plain_text (headers, button labels) is left raw (see escape.ts).
 *
 * Conventions the Slack listeners rely on:
 * - follow-up buttons: action_id `compbot_run_<n>` (n = 0, 1, … unique), value = the follow-up's /comp words;
 * - "Share in channel": action_id `compbot_share`, value = answer.command; only when `shareable` is set, only on
 *   band, regions, level, level-lookup, company, role and catalog answers (never on scripts or offer checks);
 * - `sharedBy` (a Slack user id) adds "Shared by <@U…>" when it looks like a user id;
 * - "Check my offer": action_id `compbot_offer_open`, value = `<company> <role> <region-slug>`; only when
 *   `offerCheck` is set, only on band answers (it opens the offer modal, whose answer is private).
 */
import type { Button, KnownBlock, SectionBlock } from "@slack/types";
import type {
  Answer,
  AnswerKind,
  BandAnswer,
  CatalogAnswer,
  CompanyAnswer,
  FollowUp,
  GuideFacts,
  HelpAnswer,
  LevelAnswer,
  LevelLookupAnswer,
  NotFoundAnswer,
  OfferAnswer,
  RegionNotFoundAnswer,
  RegionsAnswer,
  RoleAnswer,
  ScriptAnswer,
} from "../answers/types.ts";
import { DISCLAIMER } from "../answers/types.ts";
import type { Band } from "../guides/types.ts";
import {
  annualFormula,
  annualLabels,
  askedPhrase,
  assumedCurrencyNote,
  bandFigures,
  companyName,
  currencyCode,
  DOT,
  equivalenceLabel,
  FIGURE_LABELS,
  guideTitle,
  levelLine,
  levelSummary,
  mismatchHint,
  mismatchLine,
  mismatchOfferCurrency,
  offerFollowUps,
  offerLineText,
  offerMoneyCurrency,
  offerRows,
  offerTitle,
  oneLine,
  overdueLine,
  partialNote,
  regionChoices,
  regionName,
  sameCompany,
  signingLine,
  slashCommand,
  sourceParts,
  summaryText,
  targetFigure,
  unreadableParts,
  unreadableTrailer,
} from "./describe.ts";
import { escapeMrkdwn as e, markdownToMrkdwn } from "./escape.ts";
import { plural } from "./format.ts";
import {
  actionsBlocks,
  buttonElement,
  contextBlock,
  ELLIPSIS,
  finalizeMessage,
  headerBlock,
  MAX_BLOCKS,
  MAX_BLOCKS_JSON,
  MAX_SECTION_TEXT,
  type SlackMessage,
  sectionBlock,
  truncate,
  truncateMrkdwn,
} from "./limits.ts";

export interface RenderOptions {
  /** Add a "Share in channel" button (shareable kinds only). Default false. */
  shareable?: boolean;
  /** Slack user id of the person who shared the answer ("U123"); adds "Shared by <@U123>". */
  sharedBy?: string;
  /** Add a "Check my offer" button (band answers only). Default false. */
  offerCheck?: boolean;
}

export const RUN_ACTION_PREFIX = "compbot_run_";
export const SHARE_ACTION_ID = "compbot_share";
export const SHARE_BUTTON_TEXT = "Share in channel";
export const OFFER_OPEN_ACTION_ID = "compbot_offer_open";
export const OFFER_BUTTON_TEXT = "Check my offer";
/** Follow-up buttons shown at most; the rest are counted in a context line. */
export const MAX_RUN_BUTTONS = 20;
const SHAREABLE: ReadonlySet<AnswerKind> = new Set<AnswerKind>([
  "band",
  "regions",
  "level",
  "level-lookup",
  "company",
  "role",
  "catalog",
]);
const USER_ID = /^[UW][A-Z0-9]+$/;
/** Longest name (company, role, region) put in a list line or a title before cutting. */
const NAME_MAX = 120;
/** Longest single list line. */
const LINE_MAX = 600;
/** Budget (JSON characters) for the per-region sections of a regions answer. */
const REGIONS_JSON_BUDGET = 8000;
/** Budget (JSON characters) for all buttons of a message (long commands make big buttons). */
const BUTTONS_JSON_BUDGET = 3500;
/** Longest sources line. */
const SOURCES_MAX = 600;
/** Most sections a long script is split into. */
const MAX_SCRIPT_SECTIONS = 3;
/** Offer lines per section (two fields each, 10 fields at most). */
const OFFER_LINES_PER_SECTION = 5;
/** Longest user-typed text (an unreadable figure) quoted back. */
const UNREADABLE_MAX = 200;
/** Longest provenance line. */
const PROVENANCE_MAX = 600;
/** Budget (characters) for all provenance lines of an offer check; the rest are counted. */
const PROVENANCE_BUDGET = 2400;

/** Escaped one-line name, cut to NAME_MAX. */
function name(text: string): string {
  return e(truncate(oneLine(text), NAME_MAX));
}

function sharedByBlock(options: RenderOptions): KnownBlock[] {
  const id = options.sharedBy;
  return typeof id === "string" && USER_ID.test(id) ? [contextBlock([`Shared by <@${id}>`])] : [];
}

/**
 * The trailing blocks: a context line when some follow-ups were left out, then the actions block(s).
 * `share` is the command to share, or null for no share button. `extra` buttons (always kept) come after the
 * follow-ups and before the share button.
 */
function actionBlocks(
  followUps: FollowUp[] | undefined,
  share: string | null,
  extra: Button[] = [],
): KnownBlock[] {
  const usable = (followUps ?? []).filter(
    (f) => typeof f.command === "string" && f.command.trim() !== "" && f.command.length <= 2000,
  );
  const buttons: Button[] = [];
  const shareButton =
    share === null
      ? null
      : buttonElement({ text: SHARE_BUTTON_TEXT, actionId: SHARE_ACTION_ID, value: share });
  let size = [shareButton, ...extra].reduce((n, b) => n + (b ? JSON.stringify(b).length : 0), 0);
  for (const f of usable) {
    if (buttons.length >= MAX_RUN_BUTTONS) break;
    const b = buttonElement({
      text: oneLine(f.label) || slashCommand(f.command),
      actionId: `${RUN_ACTION_PREFIX}${buttons.length}`,
      value: f.command,
    });
    if (!b) continue;
    size += JSON.stringify(b).length;
    if (size > BUTTONS_JSON_BUDGET) break;
    buttons.push(b);
  }
  const hidden = usable.length - buttons.length;
  buttons.push(...extra);
  if (shareButton) buttons.push(shareButton);
  const out: KnownBlock[] = [];
  if (hidden > 0) out.push(contextBlock([`${plural(hidden, "more option")} not shown`]));
  out.push(...actionsBlocks(buttons, "compbot_actions"));
  return out;
}

function shareCommand(answer: Answer, options: RenderOptions): string | null {
  if (options.shareable !== true || !SHAREABLE.has(answer.kind)) return null;
  const command = "command" in answer ? answer.command : "";
  return typeof command === "string" && command.trim() !== "" ? command : null;
}

/** Context line(s) under band-like answers: sources, data quarter, last update, overdue warning. */
function factsContext(facts: GuideFacts, extra: string[] = []): KnownBlock {
  const parts = [...extra];
  const sources = sourceParts(facts.guide);
  if (sources.length > 0) parts.push(truncateMrkdwn(e(sources.join(DOT)), SOURCES_MAX));
  const overdue = overdueLine(facts);
  if (overdue) parts.push(e(overdue));
  return contextBlock(parts.length > 0 ? parts : ["Source: the negotiation guide"]);
}

/** The four figure fields of a band. */
function bandFields(band: Band): string[] {
  const f = bandFigures(band);
  return [
    `*${FIGURE_LABELS.base}*\n${e(f.base)}`,
    `*${FIGURE_LABELS.stock}*\n${e(f.stock)}`,
    `*${FIGURE_LABELS.bonus}*\n${e(f.bonus)}`,
    `*${FIGURE_LABELS.total}*\n${e(f.total)}`,
  ];
}

/**
 * Lines (already mrkdwn) joined under an optional title, as many as fit in one section (and at most maxItems),
 * then "…and N more <noun>".
 */
function listText(
  title: string | null,
  lines: string[],
  noun: [string, string],
  options: { maxItems?: number; alsoMissing?: number } = {},
): string {
  const maxItems = options.maxItems ?? 40;
  const moreLine = (n: number) => `${ELLIPSIS}and ${plural(n, noun[0], noun[1])}`;
  const reserve = 64;
  let text = title ?? "";
  let shown = 0;
  for (const raw of lines) {
    if (shown >= maxItems) break;
    const line = truncateMrkdwn(raw, LINE_MAX);
    const next = text === "" ? line : `${text}\n${line}`;
    if (next.length > MAX_SECTION_TEXT - reserve) break;
    text = next;
    shown++;
  }
  const more = lines.length - shown + (options.alsoMissing ?? 0);
  if (more > 0) text = text === "" ? moreLine(more) : `${text}\n${moreLine(more)}`;
  return text;
}

/** Split mrkdwn into pieces of at most `max` characters, at whitespace outside `<…>` and entities. */
function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = -1;
    for (let i = max; i > max / 2; i--) {
      if (/\s/.test(rest.charAt(i))) {
        const head = rest.slice(0, i);
        const lt = head.lastIndexOf("<");
        if (lt < 0 || head.indexOf(">", lt) >= 0) {
          cut = i;
          break;
        }
      }
    }
    if (cut < 0) {
      pieces.push(truncateMrkdwn(rest, max));
      const kept = pieces[pieces.length - 1]?.length ?? max;
      rest = rest.slice(Math.max(1, kept - 1));
      continue;
    }
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim() !== "") pieces.push(rest);
  return pieces;
}

/** The script as mrkdwn quote sections (`>` on every line), split when long. */
function quoteSections(title: string, scriptText: string): SectionBlock[] {
  const body = markdownToMrkdwn(scriptText.trim());
  // Room for the title and one ">" per line.
  const lineCount = body.split("\n").length;
  const room = MAX_SECTION_TEXT - title.length - 2 - Math.min(lineCount, 200) - 8;
  const chunks = splitMrkdwn(body, Math.max(500, room));
  const shown = chunks.slice(0, MAX_SCRIPT_SECTIONS);
  if (chunks.length > MAX_SCRIPT_SECTIONS && shown.length > 0) {
    const lastIndex = shown.length - 1;
    shown[lastIndex] = `${shown[lastIndex] ?? ""} ${ELLIPSIS}`;
  }
  return shown.map((chunk, i) => {
    const quoted = chunk
      .split("\n")
      .map((l) => `>${l}`)
      .join("\n");
    return sectionBlock(i === 0 ? `${title}\n${quoted}` : quoted);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One function per answer kind
// ---------------------------------------------------------------------------------------------------------------

function band(answer: BandAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const blocks: KnownBlock[] = [
    headerBlock(`${guideTitle(guide)}${DOT}${regionName(answer.band)}`),
    ...sharedByBlock(options),
    sectionBlock(`All figures in *${e(currencyCode(answer.band))}*`, bandFields(answer.band)),
  ];
  const level = levelLine(guide);
  if (level) blocks.push(sectionBlock(`*Level mapping*\n${e(level)}`));
  blocks.push(factsContext(answer));
  blocks.push(...actionBlocks(answer.followUps, shareCommand(answer, options), offerButton(answer, options)));
  return blocks;
}

/** "Check my offer" for a band answer (value: `<company> <role> <region-slug>`), when asked for. */
function offerButton(answer: BandAnswer, options: RenderOptions): Button[] {
  if (options.offerCheck !== true) return [];
  const words = [answer.guide.company, answer.guide.role, answer.band.regionSlug].map(oneLine);
  if (words.some((w) => w === "" || /\s/.test(w))) return [];
  const button = buttonElement({
    text: OFFER_BUTTON_TEXT,
    actionId: OFFER_OPEN_ACTION_ID,
    value: words.join(" "),
  });
  return button ? [button] : [];
}

function regionSection(b: Band): SectionBlock {
  return sectionBlock(`*${name(regionName(b))}*${DOT}${e(currencyCode(b))}`, bandFields(b));
}

function regions(answer: RegionsAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const head: KnownBlock[] = [headerBlock(guideTitle(guide)), ...sharedByBlock(options)];
  const tail: KnownBlock[] = [
    factsContext(answer),
    ...actionBlocks(answer.followUps, shareCommand(answer, options)),
  ];
  const bands = answer.bands ?? [];
  const middle: KnownBlock[] = [];
  if (bands.length === 0) middle.push(sectionBlock("This guide has no regional bands."));
  const room = MAX_BLOCKS - head.length - tail.length - 1; // 1 for the "more regions" line
  // What the other blocks leave of the JSON budget, less room for the "more regions" line.
  const budget = Math.min(
    REGIONS_JSON_BUDGET,
    MAX_BLOCKS_JSON - JSON.stringify([...head, ...tail]).length - 1300,
  );
  let used = 0;
  let shown = 0;
  for (const b of bands) {
    const section = regionSection(b);
    const size = JSON.stringify(section).length;
    if (shown >= room || used + size > budget) break;
    middle.push(section);
    used += size;
    shown++;
  }
  const rest = bands.slice(shown);
  if (rest.length > 0) {
    const names = rest.map((b) => name(regionName(b))).join(", ");
    middle.push(
      sectionBlock(truncateMrkdwn(`${ELLIPSIS}and ${plural(rest.length, "more region")}: ${names}`, 1000)),
    );
  }
  return [...head, ...middle, ...tail];
}

function company(answer: CompanyAnswer, options: RenderOptions): KnownBlock[] {
  const display = oneLine(answer.company.display) || oneLine(answer.company.key);
  const roles = answer.roles ?? [];
  const lines = roles.map((r) => {
    const regionsText = (r.regions ?? []).map(oneLine).filter((x) => x !== "");
    const roleLabel = name(oneLine(r.display) || oneLine(r.key));
    return regionsText.length > 0 ? `• *${roleLabel}* — ${e(regionsText.join(", "))}` : `• *${roleLabel}*`;
  });
  const title = `*${plural(roles.length, "role guide")} at ${name(display)}*`;
  return [
    headerBlock(display || "Company"),
    ...sharedByBlock(options),
    sectionBlock(
      roles.length > 0
        ? listText(title, lines, ["more role", "more roles"])
        : `No role guides for ${name(display)} yet.`,
    ),
    ...actionBlocks(answer.followUps, shareCommand(answer, options)),
  ];
}

function role(answer: RoleAnswer, options: RenderOptions): KnownBlock[] {
  const display = oneLine(answer.role.display) || oneLine(answer.role.key);
  const companies = answer.companies ?? [];
  const lines = companies.map((c) => {
    const regionsText = (c.regions ?? []).map(oneLine).filter((x) => x !== "");
    const label = name(oneLine(c.display) || oneLine(c.key));
    return regionsText.length > 0 ? `• *${label}* — ${e(regionsText.join(", "))}` : `• *${label}*`;
  });
  const title = `*${name(display)} guides at ${plural(companies.length, "company", "companies")}*`;
  return [
    headerBlock(display || "Role"),
    ...sharedByBlock(options),
    sectionBlock(
      companies.length > 0
        ? listText(title, lines, ["more company", "more companies"])
        : `No company has a ${name(display)} guide yet.`,
    ),
    ...actionBlocks(answer.followUps, shareCommand(answer, options)),
  ];
}

function catalog(answer: CatalogAnswer, options: RenderOptions): KnownBlock[] {
  const companies = answer.companies ?? [];
  const lines = companies.map((c) => {
    const roles = (c.roles ?? []).map((r) => oneLine(r.display) || oneLine(r.key)).filter((x) => x !== "");
    const label = name(oneLine(c.display) || oneLine(c.key));
    return roles.length > 0 ? `• *${label}* — ${e(truncate(roles.join(", "), 400))}` : `• *${label}*`;
  });
  // Companies the answer did not include (truncated) still count as "more".
  const missing = Math.max(0, (answer.companyCount ?? companies.length) - companies.length);
  const title = `*${plural(answer.guideCount ?? 0, "guide")} across ${plural(answer.companyCount ?? companies.length, "company", "companies")}*`;
  const text =
    companies.length === 0 && missing === 0
      ? "No guides are loaded."
      : listText(title, lines, ["more company", "more companies"], { alsoMissing: missing });
  return [
    headerBlock("CompBot guides"),
    ...sharedByBlock(options),
    sectionBlock(text),
    contextBlock([
      "Ask `/comp &lt;company&gt;` for a company's roles, or `/comp &lt;company&gt; &lt;role&gt;` for a band.",
    ]),
    ...actionBlocks([], shareCommand(answer, options)),
  ];
}

function script(answer: ScriptAnswer, options: RenderOptions, keep: Set<KnownBlock>): KnownBlock[] {
  const { guide } = answer;
  const blocks: KnownBlock[] = [
    headerBlock(`Negotiation script${DOT}${guideTitle(guide)}`),
    ...sharedByBlock(options),
  ];
  if (answer.band) {
    blocks.push(
      sectionBlock(
        `*${name(regionName(answer.band))}*${DOT}all figures in *${e(currencyCode(answer.band))}*`,
        bandFields(answer.band),
      ),
    );
  }
  const dna = oneLine(answer.dnaSummary);
  if (dna !== "")
    blocks.push(
      sectionBlock(truncateMrkdwn(`*Negotiation DNA*\n${markdownToMrkdwn(dna)}`, MAX_SECTION_TEXT)),
    );
  const levers = (answer.levers ?? []).map((l, i) => {
    const title = oneLine(l.title);
    const quote = oneLine(l.quote);
    const head = title !== "" ? `*${markdownToMrkdwn(title)}*` : "";
    const said = quote !== "" ? `"${markdownToMrkdwn(quote)}"` : "";
    return `${i + 1}. ${[head, said].filter((x) => x !== "").join(" — ") || "(no details)"}`;
  });
  if (levers.length > 0)
    blocks.push(sectionBlock(listText("*Levers*", levers, ["more lever", "more levers"])));
  const scriptText = answer.script?.text ?? "";
  if (scriptText.trim() !== "") blocks.push(...quoteSections("*Script*", scriptText));
  const threshold = oneLine(answer.script?.acceptThreshold?.text);
  if (threshold !== "") blocks.push(sectionBlock(`*Accept if above* ${e(truncate(threshold, 500))}`));
  if (dna === "" && levers.length === 0 && scriptText.trim() === "") {
    blocks.push(sectionBlock(`The ${name(guideTitle(guide))} guide has no negotiation script yet.`));
  }
  const disclaimer = factsContext(answer, [e(oneLine(answer.disclaimer) || DISCLAIMER)]);
  // The disclaimer survives any cut made to fit Slack's size limits.
  keep.add(disclaimer);
  blocks.push(disclaimer);
  // Scripts are private: never a share button.
  blocks.push(...actionBlocks(answer.followUps, null));
  return blocks;
}

function level(answer: LevelAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const summary = levelSummary(guide);
  const own = oneLine(answer.internal) || summary.own;
  // The guide's own level is shown as the title, not repeated in the list.
  const eqs = (answer.equivalences ?? []).filter(
    (eq) => equivalenceLabel(eq) !== "" && !(own && sameCompany(eq, guide)),
  );
  const lines = eqs.map((eq) => {
    const lvl = oneLine(eq.level);
    return lvl !== "" ? `• *${name(eq.company)}* — ${e(truncate(lvl, 300))}` : `• *${name(eq.company)}*`;
  });
  const raw = oneLine(answer.raw);
  let text: string;
  if (lines.length > 0) {
    const title = own
      ? `*${name(companyName(guide))} level:* ${e(truncate(own, 300))}\n*Equivalent to*`
      : "*Equivalent to*";
    text = listText(title, lines, ["more equivalence", "more equivalences"]);
  } else if (raw !== "") {
    text = truncateMrkdwn(`*As written in the guide*\n${markdownToMrkdwn(raw)}`, MAX_SECTION_TEXT);
  } else {
    text = "This guide has no level mapping.";
  }
  return [
    headerBlock(`Level mapping${DOT}${guideTitle(guide)}`),
    ...sharedByBlock(options),
    sectionBlock(text),
    factsContext(answer),
    ...actionBlocks(answer.followUps, shareCommand(answer, options)),
  ];
}

function levelLookup(answer: LevelLookupAnswer, options: RenderOptions): KnownBlock[] {
  const asked = `${oneLine(answer.company)} ${oneLine(answer.level)}`.trim() || "that level";
  const matches = answer.matches ?? [];
  const blocks: KnownBlock[] = [headerBlock(`Guides mapped to ${asked}`), ...sharedByBlock(options)];
  if (matches.length > 0) {
    const lines = matches.map(
      (m) => `• *${name(guideTitle(m.guide))}* — ${e(truncate(equivalenceLabel(m.equivalence), 300))}`,
    );
    blocks.push(sectionBlock(listText(null, lines, ["more guide", "more guides"])));
  } else {
    const hint =
      (answer.followUps ?? []).length > 0
        ? "These might help:"
        : "Try `/comp list` to see every guide, or `/comp level &lt;company&gt; &lt;role&gt;` for one guide's mapping.";
    blocks.push(sectionBlock(`No guide maps to *${name(asked)}*.\n${hint}`));
  }
  blocks.push(...actionBlocks(answer.followUps, shareCommand(answer, options)));
  return blocks;
}

function notFound(answer: NotFoundAnswer, options: RenderOptions): KnownBlock[] {
  const lines = [`I don't have ${e(truncate(askedPhrase(answer.asked), 500))}.`];
  const unknown = (answer.unknown ?? []).map(oneLine).filter((w) => w !== "");
  if (unknown.length > 0) {
    const words = unknown.slice(0, 10).map((w) => `“${e(truncate(w, 100))}”`);
    const more = unknown.length > 10 ? ` and ${unknown.length - 10} more` : "";
    lines.push(`I didn't recognise ${words.join(", ")}${more}.`);
  }
  const suggestions = answer.suggestions ?? [];
  lines.push(suggestions.length > 0 ? "*Did you mean…*" : "Try `/comp list` to see every guide.");
  return [...sharedByBlock(options), sectionBlock(lines.join("\n")), ...actionBlocks(suggestions, null)];
}

function regionNotFound(answer: RegionNotFoundAnswer, options: RenderOptions): KnownBlock[] {
  const { guide } = answer;
  const available = (answer.available ?? []).map((b) => name(regionName(b)));
  const asked = name(oneLine(answer.askedRegion) || "that region");
  const head = `No *${asked}* band for ${name(guideTitle(guide))}`;
  const text =
    available.length > 0
      ? truncateMrkdwn(`${head} — we have: ${available.join(", ")}`, MAX_SECTION_TEXT)
      : `${head} — the guide has no regional bands.`;
  return [
    headerBlock(guideTitle(guide)),
    ...sharedByBlock(options),
    sectionBlock(text),
    factsContext(answer),
    ...actionBlocks(regionChoices(answer), null),
  ];
}

/** User text inside a `code` span: escaped, one line, and without backticks (which would end the span). */
function code(text: string, max: number): string {
  return `\`${e(truncate(oneLine(text).replace(/`/g, "'"), max))}\``;
}

/** "I couldn't read `stock 12O` — did you mean `120k`?" for each, then what happened to them. */
function unreadableSection(answer: OfferAnswer): KnownBlock[] {
  const unreadable = (answer.unreadable ?? []).map(unreadableParts);
  if (unreadable.length === 0) return [];
  const lines = unreadable.map((u) => {
    const said = `I couldn't read ${code(u.text, UNREADABLE_MAX)}`;
    return u.suggestion ? `${said} — did you mean ${code(u.suggestion, UNREADABLE_MAX)}?` : `${said}.`;
  });
  return [
    sectionBlock(
      listText(null, lines, ["more unreadable figure", "more unreadable figures"], { maxItems: 20 }),
    ),
    contextBlock([unreadableTrailer(unreadable.length)]),
  ];
}

/** Offer figures and the band side by side, each in its own currency; nothing compared. */
function mismatchBlocks(answer: OfferAnswer): KnownBlock[] {
  const offerCurrency = mismatchOfferCurrency(answer);
  const offerCode = oneLine(answer.currencyMismatch?.offer) || "as written";
  const rows = offerRows(answer, offerCurrency).map(([label, fig]) => `${e(label)}: ${e(fig)}`);
  const f = bandFigures(answer.band);
  const bandCode = oneLine(answer.currencyMismatch?.band) || currencyCode(answer.band);
  const bandRows = [
    `${FIGURE_LABELS.base}: ${e(f.base)}`,
    `${FIGURE_LABELS.stock}: ${e(f.stock)}`,
    `${FIGURE_LABELS.bonus}: ${e(f.bonus)}`,
    `${FIGURE_LABELS.total}: ${e(f.total)}`,
  ];
  const hint = mismatchHint(answer);
  const where = hint
    ? e(truncate(hint, 500))
    : `Compare with a band in *${e(truncate(offerCode, 50))}* instead:`;
  return [
    sectionBlock(`*${e(mismatchLine(answer))}*`, [
      `*Your offer (${e(truncate(offerCode, 50))})*\n${rows.length > 0 ? rows.join("\n") : "No figures read."}`,
      `*${name(regionName(answer.band))} band (${e(truncate(bandCode, 50))})*\n${bandRows.join("\n")}`,
    ]),
    sectionBlock(where),
  ];
}

/** Each line: label, offered and the band in one field, the gauge and the position in the next. */
function offerLineSections(answer: OfferAnswer): KnownBlock[] {
  const currency = offerMoneyCurrency(answer);
  const note = assumedCurrencyNote(answer);
  const currencyLine = `Figures in *${e(currencyCode(answer.band))}*${note ? ` (${e(note)})` : ""}`;
  const partial = answer.annual?.partial === true;
  const lines = (answer.lines ?? []).map((l) => offerLineText(l, currency, partial));
  if (lines.length === 0) {
    return [sectionBlock(`${currencyLine}\nNo figures I could read to place in the band.`)];
  }
  const title = `${currencyLine}\n*Where your offer sits in the ${name(regionName(answer.band))} band*`;
  const sections: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += OFFER_LINES_PER_SECTION) {
    const fields = lines
      .slice(i, i + OFFER_LINES_PER_SECTION)
      .flatMap((l) => [
        `*${e(truncate(l.label, NAME_MAX))}*  ${e(l.offered)}\nband ${e(l.band)}`,
        `\`${l.gauge}\`\n${e(l.position)}`,
      ]);
    sections.push(sectionBlock(i === 0 ? title : null, fields));
  }
  return sections;
}

function annualSection(answer: OfferAnswer): KnownBlock[] {
  const formula = annualFormula(answer);
  const signing = signingLine(answer);
  if (!formula && !signing) return [];
  const labels = annualLabels(answer);
  const lines: string[] = [];
  if (formula) {
    lines.push(`*Annualised total*${labels ? ` (${e(truncate(labels, 200))})` : ""}`, e(formula));
    const partial = partialNote(answer);
    if (partial) lines.push(`_${e(partial)}_`);
  }
  if (signing) lines.push(e(signing));
  return [sectionBlock(truncateMrkdwn(lines.join("\n"), MAX_SECTION_TEXT))];
}

function counterOfferBlocks(answer: OfferAnswer): KnownBlock[] {
  const currency = offerMoneyCurrency(answer);
  const blocks: KnownBlock[] = [];
  const targets = (answer.targets ?? []).map((t) => {
    const how = oneLine(t.how);
    const head = `• *${e(truncate(oneLine(t.label) || "Figure", NAME_MAX))}* ${e(targetFigure(t, currency))}`;
    return how !== "" ? `${head} — ${e(truncate(how, 400))}` : head;
  });
  if (targets.length > 0)
    blocks.push(sectionBlock(listText("*Counter-offer*", targets, ["more figure", "more figures"])));
  const scriptText = oneLine(answer.script) === "" ? "" : (answer.script ?? "");
  if (scriptText !== "") blocks.push(...quoteSections("*Script with these figures*", scriptText));
  const threshold = answer.acceptThreshold;
  const thresholdText = oneLine(threshold?.text);
  if (thresholdText !== "") {
    blocks.push(sectionBlock(`*Accept if above* ${e(truncate(thresholdText, 500))}`));
    const how = oneLine(threshold?.how);
    if (how !== "") blocks.push(contextBlock([e(truncate(how, 1000))]));
  }
  const lines = (answer.provenance ?? []).map(oneLine).filter((p) => p !== "");
  const provenance: string[] = [];
  let used = 0;
  for (const p of lines) {
    const text = e(truncate(p, PROVENANCE_MAX));
    if (used + text.length > PROVENANCE_BUDGET) break;
    provenance.push(text);
    used += text.length;
  }
  if (provenance.length < lines.length)
    provenance.push(`${ELLIPSIS}and ${plural(lines.length - provenance.length, "more note")}`);
  if (provenance.length > 0) blocks.push(contextBlock(provenance));
  return blocks;
}

/**
 * `keep` receives the blocks finalizeMessage must not drop: the disclaimer and the "more options" line.
 * Offer checks are private: never a share button.
 */
function offer(answer: OfferAnswer, options: RenderOptions, keep: Set<KnownBlock>): KnownBlock[] {
  const blocks: KnownBlock[] = [headerBlock(offerTitle(answer)), ...sharedByBlock(options)];
  blocks.push(...unreadableSection(answer));
  // Never compared across currencies: no gauges, no total, no targets.
  const mismatch = answer.currencyMismatch !== null && answer.currencyMismatch !== undefined;
  if (mismatch) blocks.push(...mismatchBlocks(answer));
  else blocks.push(...offerLineSections(answer), ...annualSection(answer), ...counterOfferBlocks(answer));
  const disclaimer = factsContext(answer, [e(oneLine(answer.disclaimer) || DISCLAIMER)]);
  const actions = actionBlocks(mismatch ? offerFollowUps(answer) : answer.followUps, null);
  for (const b of [disclaimer, ...actions]) if (b.type !== "actions") keep.add(b);
  return [...blocks, disclaimer, ...actions];
}

function help(answer: HelpAnswer, options: RenderOptions): KnownBlock[] {
  const blocks: KnownBlock[] = [
    headerBlock("CompBot: pay bands from our negotiation guides"),
    ...sharedByBlock(options),
  ];
  // Why help is shown (the question was not understood) comes before the examples.
  const reason = oneLine(answer.reason);
  if (reason !== "") blocks.push(sectionBlock(e(truncate(reason, 1000))));
  const examples = (answer.examples ?? []).map((x) => {
    const desc = oneLine(x.description);
    const cmd = `\`${e(truncate(slashCommand(x.command), 300))}\``;
    return desc !== "" ? `• ${cmd} — ${e(truncate(desc, 280))}` : `• ${cmd}`;
  });
  blocks.push(
    sectionBlock(
      examples.length > 0
        ? listText("*Try:*", examples, ["more example", "more examples"])
        : "Ask `/comp &lt;company&gt; &lt;role&gt; &lt;region&gt;`, or `/comp list` for every guide.",
    ),
  );
  blocks.push(
    contextBlock([`${plural(answer.guideCount ?? 0, "guide")} loaded${DOT}\`/comp list\` shows them all`]),
  );
  return blocks;
}

function blocksFor(answer: Answer, options: RenderOptions, keep: Set<KnownBlock>): KnownBlock[] {
  switch (answer.kind) {
    case "band":
      return band(answer, options);
    case "regions":
      return regions(answer, options);
    case "company":
      return company(answer, options);
    case "role":
      return role(answer, options);
    case "catalog":
      return catalog(answer, options);
    case "script":
      return script(answer, options, keep);
    case "level":
      return level(answer, options);
    case "level-lookup":
      return levelLookup(answer, options);
    case "not-found":
      return notFound(answer, options);
    case "region-not-found":
      return regionNotFound(answer, options);
    case "help":
      return help(answer, options);
    case "offer":
      return offer(answer, options, keep);
    default:
      return unknownKind(answer);
  }
}

/** Runtime guard for a kind this renderer does not know yet (typed `never`: tsc flags a new kind here). */
function unknownKind(answer: never): KnownBlock[] {
  const kind = oneLine((answer as { kind?: unknown }).kind) || "unknown";
  return [sectionBlock(`CompBot cannot show this answer here yet (kind “${e(truncate(kind, 50))}”).`)];
}

/** Render an answer as a Slack message (blocks + escaped top-level `text`), within Block Kit limits. */
export function renderBlocks(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const keep = new Set<KnownBlock>();
  const blocks = blocksFor(answer, options, keep);
  return finalizeMessage(e(summaryText(answer)), blocks, "CompBot answer", keep);
}
