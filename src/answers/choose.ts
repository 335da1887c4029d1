/**
 * Questions that need one more choice: a bare `level`, `script`, `offer`, "how old is this data" (which
 * guide?), a company with several roles (which role?), "how much should I ask for" at a guide with several
 * regions (which region?). The answer lists a few choices as buttons and says how to type the question.
 */
import type { Guide } from "../guides/types.ts";
import type { ChooseAnswer, FollowUp } from "./types.ts";

/** Choices shown as buttons; with more guides the answer says how many and how to type the question. */
export const CHOOSE_LIMIT = 10;

/** The intents that are about one guide and cannot be answered without knowing which. */
export type GuideIntent = "level" | "script" | "offer" | "targets" | "freshness";

export const GUIDE_INTENTS: ReadonlySet<string> = new Set<GuideIntent>([
  "level",
  "script",
  "offer",
  "targets",
  "freshness",
]);

/** What is chosen for: an intent, or "pay" (an offer check of pay someone has now, never called an offer). */
export type ChooseFor = GuideIntent | "pay";

const WHAT: Record<ChooseFor, { question: string; usage: string; kind: FollowUp["kind"] }> = {
  level: { question: "level mapping", usage: "level <company> <role>", kind: "level" },
  script: { question: "negotiation script", usage: "script <company> <role> [region]", kind: "script" },
  offer: {
    question: "guide should I check your offer against",
    usage: "offer <company> <role> <region> base 150k stock 120k bonus 10%",
    kind: "offer",
  },
  pay: {
    question: "guide should I place your pay in",
    usage: "<company> <role> <region> currently base 150k",
    kind: "offer",
  },
  targets: {
    question: "targets (what to ask for)",
    usage: "targets <company> <role> <region>",
    kind: "script",
  },
  freshness: { question: "dates (how old its data is)", usage: "updated <company> <role>", kind: "band" },
};

/** "Which guide's level mapping?" with one button a guide (the first CHOOSE_LIMIT). */
export function chooseGuide(
  intent: ChooseFor,
  guides: readonly Guide[],
  label: (g: Guide) => string,
  command: (g: Guide) => string,
  among: string | null = null,
): ChooseAnswer {
  const what = WHAT[intent];
  const shown = guides.slice(0, CHOOSE_LIMIT);
  const which =
    intent === "offer" || intent === "pay" ? `Which ${what.question}` : `Which guide's ${what.question}`;
  return {
    kind: "choose",
    question: `${which}${among ? ` (${among})` : ""}?`,
    options: shown.map((g) => ({ label: label(g), command: command(g), kind: what.kind })),
    total: guides.length,
    usage: what.usage,
    example: shown[0] ? command(shown[0]) : null,
  };
}

/** "Which region?" for what to ask for at a guide with several regional bands. */
export function chooseRegion(guide: Guide, command: (regionSlug: string) => string): ChooseAnswer {
  const shown = guide.bands.slice(0, CHOOSE_LIMIT);
  return {
    kind: "choose",
    question: `What to ask for as ${guide.roleDisplay} at ${guide.companyDisplay}: which region?`,
    options: shown.map((b) => ({ label: b.region, command: command(b.regionSlug), kind: "script" as const })),
    total: guide.bands.length,
    usage: `targets ${guide.company} ${guide.role} <region>`,
    example: shown[0] ? command(shown[0].regionSlug) : null,
  };
}
