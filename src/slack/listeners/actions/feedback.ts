/**
 * Feedback on an answer (`compbot_feedback` feedback_buttons, `compbot_feedback_up` / `_down` buttons) and
 * "Report outdated figure" (`compbot_report_outdated`). Negative feedback and reports go to FEEDBACK_CHANNEL for
 * the guide owners (which guide file, which region, which figures were shown, who reported: see
 * render/blocks/feedback.ts), or are logged at info level when it is not set. The figures come from the guide as
 * loaded now, never from the user's offer. The user is thanked privately, once per answer; a second click on
 * the same answer neither thanks nor reports again, at whichever replica it lands: "already done" is a claim in
 * the store (shared in PostgreSQL, kept 1 hour like event claims), keyed by a hash of user, message and what was
 * done, so no user id is stored.
 */
import { createHash } from "node:crypto";
import {
  type FeedbackRef,
  feedbackReport,
  parseFeedbackValue,
  refCommand,
} from "../../../render/blocks/feedback.ts";
import { postMessage } from "../../deliver.ts";
import type { ListenerDeps } from "../../deps.ts";
import { guarded } from "../../guard.ts";
import { describeError } from "../../log.ts";
import { APOLOGY, notice } from "../../messages.ts";
import { Interaction } from "../../surface-payloads.ts";
import { type ButtonArgs, replyPrivately } from "./reply.ts";

export const THANKS = {
  up: "Thanks for the feedback: glad it helped.",
  down: "Thanks for telling us. I passed it on to the people who keep the guides up to date.",
  outdated: "Thanks for the report. The guide owners can see which figures you saw and will check them.",
} as const;

/** Where a report goes: FEEDBACK_CHANNEL, else the log (info). A failed post is logged with the report itself. */
async function sendReport(
  deps: ListenerDeps,
  args: ButtonArgs,
  ref: FeedbackRef & { verdict: "down" | "outdated" },
  user: string,
): Promise<void> {
  const { answer } = deps.bot.ask(refCommand(ref), { surface: "slash" });
  if (!("guide" in answer)) {
    deps.logger.warn(
      `feedback: the guide ${refCommand(ref).slice(0, 200)} is no longer loaded; report dropped`,
    );
    return;
  }
  const band = answer.kind === "band" ? answer.band : null;
  const report = feedbackReport(ref, answer.guide, band, user);
  const line = `Feedback report (${ref.verdict}): ${report.blocks
    .map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""))
    .join(" ")
    .replace(/\s+/g, " ")}`;
  if (deps.feedbackChannel === undefined) {
    deps.logger.info(`${line} [FEEDBACK_CHANNEL is not set]`);
    return;
  }
  try {
    await postMessage(args.client, deps.feedbackChannel, report);
  } catch (error) {
    deps.logger.error(`feedback: could not post to FEEDBACK_CHANNEL: ${describeError(error)}`);
    deps.logger.info(line);
  }
}

/** The store key of "done once" for feedback: a hash, so that the store holds no user id. */
export function feedbackClaim(user: string, where: string, what: string): string {
  return `feedback:${createHash("sha256").update(`${user}\0${where}\0${what}`).digest("hex").slice(0, 40)}`;
}

export function feedback(deps: ListenerDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await guarded(
      deps.logger,
      `button ${args.action.action_id.slice(0, 60)}`,
      async () => {
        const click = Interaction.parse({ body: args.body, action: args.action });
        const ref = parseFeedbackValue(click.action.value ?? "");
        if (ref === null) {
          deps.logger.warn("feedback ignored: a value CompBot did not write");
          return;
        }
        const user = click.body.user.id;
        const where = click.body.container?.message_ts ?? click.body.container?.view_id ?? "-";
        const firstTime = (what: string): Promise<boolean> =>
          deps.store.claimEvent(feedbackClaim(user, where, what));
        const { verdict } = ref;
        if (verdict !== "up") {
          if (await firstTime(`report:${verdict}`)) await sendReport(deps, args, { ...ref, verdict }, user);
          else deps.logger.debug(`feedback: ${verdict} on this answer already reported`);
        }
        // One thanks per answer for 👍/👎 (whichever came first), one for a report.
        if (await firstTime(verdict === "outdated" ? "thanks:outdated" : "thanks:feedback")) {
          await replyPrivately(args, notice(THANKS[verdict]));
        } else {
          deps.logger.debug("feedback: already thanked for this answer");
        }
      },
      () => replyPrivately(args, notice(APOLOGY)),
    );
  };
}
