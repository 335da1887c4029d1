/** What the catalogue holds: one company's roles, one role's companies, every guide. */
import type { KnownBlock } from "@slack/types";
import type { CatalogAnswer, CompanyAnswer, RoleAnswer } from "../../answers/types.ts";
import { oneLine } from "../describe.ts";
import { escapeMrkdwn as e } from "../escape.ts";
import { plural } from "../format.ts";
import { contextBlock, headerBlock, sectionBlock, truncate } from "../limits.ts";

import { actionBlocks, listText, name, type RenderOptions, shareCommand, sharedByBlock } from "./common.ts";

export function company(answer: CompanyAnswer, options: RenderOptions): KnownBlock[] {
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

export function role(answer: RoleAnswer, options: RenderOptions): KnownBlock[] {
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

export function catalog(answer: CatalogAnswer, options: RenderOptions): KnownBlock[] {
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
