/**
 * What Slack's response_url endpoint accepts (docs: "Handling user interaction", "response_url"): a JSON body
 * (`Content-type: application/json`), a message (`text` and/or `blocks`) unless it deletes the original,
 * `response_type` of "ephemeral" or "in_channel", boolean `replace_original` / `delete_original`, blocks within
 * Slack's limits; a URL can be used at most 5 times (within 30 minutes).
 */
import { messageError } from "../slack-limits.ts";

export type Json = Record<string, unknown>;

export const RESPONSE_URL_MAX_USES = 5;

/** Slack's refusal of a response_url post: HTTP status and error code, or null when accepted. */
export function respondError(
  contentType: string,
  body: Json | null,
  usesBefore: number,
): { status: number; error: string } | null {
  if (usesBefore >= RESPONSE_URL_MAX_USES) return { status: 404, error: "used_url" };
  if (!contentType.includes("application/json") || body === null)
    return { status: 400, error: "invalid_payload" };
  const rt = body.response_type;
  if (rt !== undefined && rt !== "ephemeral" && rt !== "in_channel")
    return { status: 400, error: "invalid_response_type" };
  for (const flag of ["replace_original", "delete_original"]) {
    if (body[flag] !== undefined && typeof body[flag] !== "boolean")
      return { status: 400, error: "invalid_payload" };
  }
  if (body.delete_original === true) return null;
  const error = messageError(body);
  return error === null ? null : { status: 400, error };
}
