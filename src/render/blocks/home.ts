/**
 * The App Home view: what CompBot does, the catalogue's freshness, company -> role -> region pickers that search
 * as the user types (`external_select`; the options come from src/answers/catalogue.ts through a
 * `block_suggestion` request), a "Check an offer" button, and the answer to the picked band shown in the view.
 */
import type {
  ActionsBlock,
  Button,
  ExternalSelect,
  HomeView,
  KnownBlock,
  PlainTextOption,
} from "@slack/types";
import type { Freshness, PickOption } from "../../answers/catalogue.ts";
import { DOT } from "../describe.ts";
import { plural } from "../format.ts";
import {
  buttonElement,
  contextBlock,
  headerBlock,
  plainText,
  type SlackMessage,
  sectionBlock,
  truncate,
} from "../limits.ts";

/** Slack's limit for a Home view, and for one option's text and value. */
export const HOME_MAX_BLOCKS = 100;
const OPTION_TEXT_MAX = 75;
const OPTION_VALUE_MAX = 150;

export const HOME_PICK = {
  company: "home_pick_company",
  role: "home_pick_role",
  region: "home_pick_region",
} as const;
export const OFFER_START_ACTION_ID = "compbot_offer_start";
export const OFFER_START_TEXT = "Check an offer";

export interface HomeSelection {
  company?: PickOption;
  role?: PickOption;
  region?: PickOption;
}

export const HOME_INTRO = [
  "*Pay bands* for a role at a company, per region: base, stock, bonus and total comp.",
  "*Offer checks*: where your offer sits in the band and what to counter with (only you see it).",
  "*Levels and scripts*: how a role maps across companies, and how to negotiate it.",
];

/** An option object, or null when the value cannot travel in one (too long). */
export function pickOption(option: PickOption): PlainTextOption | null {
  if (option.value === "" || option.value.length > OPTION_VALUE_MAX) return null;
  return { text: plainText(truncate(option.label, OPTION_TEXT_MAX), OPTION_TEXT_MAX), value: option.value };
}

function picker(actionId: string, placeholder: string, selected: PickOption | undefined): ExternalSelect {
  const initial = selected ? pickOption(selected) : null;
  return {
    type: "external_select",
    action_id: actionId,
    placeholder: plainText(placeholder, 150),
    min_query_length: 0,
    ...(initial ? { initial_option: initial } : {}),
  };
}

export function freshnessLine(f: Freshness): string {
  const parts = [`${plural(f.guides, "guide")}`, `${f.overdue} overdue for review`];
  if (f.newestUpdate) parts.push(`newest update ${f.newestUpdate}`);
  return parts.join(DOT);
}

/** The metadata the Home view carries between clicks: the picked company and role. */
export function homeMetadata(selection: HomeSelection): string {
  return JSON.stringify({ company: selection.company ?? null, role: selection.role ?? null });
}

/**
 * The Home view. `answer` (a rendered band, say) is shown under the pickers; its blocks are cut so that the view
 * stays within Slack's 100 blocks.
 */
export function homeView(freshness: Freshness, selection: HomeSelection, answer?: SlackMessage): HomeView {
  const elements: ActionsBlock["elements"] = [picker(HOME_PICK.company, "Company", selection.company)];
  if (selection.company) elements.push(picker(HOME_PICK.role, "Role", selection.role));
  if (selection.company && selection.role) {
    elements.push(picker(HOME_PICK.region, "Region", selection.region));
  }
  const offer = buttonElement({ text: OFFER_START_TEXT, actionId: OFFER_START_ACTION_ID, value: "home" });
  if (offer) elements.push(offer as Button);
  // A new block_id when the company or role changes, so Slack does not keep a stale pick in the next select.
  const pickersId = truncate(
    `home_pickers:${selection.company?.value ?? "-"}:${selection.role?.value ?? "-"}`,
    255,
  );
  const blocks: KnownBlock[] = [
    headerBlock("CompBot"),
    sectionBlock(HOME_INTRO.join("\n")),
    contextBlock([freshnessLine(freshness)]),
    { type: "divider" },
    sectionBlock("*Browse the guides*: pick a company, then a role, then a region. Type to search."),
    { type: "actions", block_id: pickersId, elements },
  ];
  if (answer !== undefined && answer.blocks.length > 0) {
    blocks.push({ type: "divider" }, ...answer.blocks.slice(0, HOME_MAX_BLOCKS - blocks.length - 1));
  }
  return { type: "home", blocks, private_metadata: homeMetadata(selection) };
}
