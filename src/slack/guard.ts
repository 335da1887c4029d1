/**
 * Every listener runs inside `guarded`: an error anywhere is logged as ONE error line (no payload, no secrets) and
 * the user gets a short apology instead of silence. The error line comes first (before the apology is tried); an
 * apology that fails too (often for the same reason, e.g. channel_not_found) adds a warning, not a second error.
 * Nothing is rethrown, so one bad request never takes the process down.
 */
import type { Logger } from "@slack/bolt";
import { describeError } from "./log.ts";

export async function guarded(
  logger: Logger,
  where: string,
  work: () => Promise<void>,
  apologize: () => Promise<unknown>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.error(`${where} failed: ${describeError(error)}`);
    try {
      await apologize();
    } catch (second) {
      logger.warn(`${where}: the apology could not be sent either: ${describeError(second)}`);
    }
  }
}
