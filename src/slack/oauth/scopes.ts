/**
 * The bot scopes CompBot asks for when a workspace installs it: read from manifest.yml at start, so the project
 * has one list of scopes (the manifest Slack is configured with), not two.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "../../runtime/zod.ts";

/** manifest.yml at the project root (the same three levels up from src/slack/oauth and from a built dist/). */
export const MANIFEST_PATH = fileURLToPath(new URL("../../../manifest.yml", import.meta.url));

const scope = z.string().regex(/^[a-z][a-z_.]*(?::[a-z_.]+)*$/, { error: "is not a Slack scope name" });
const manifestScopes = z.object({
  oauth_config: z.object({ scopes: z.object({ bot: z.array(scope).min(1, { error: "lists no scope" }) }) }),
});

/** The manifest cannot be read or has no usable bot scopes. `message` is one line naming the file and field. */
export class ManifestError extends Error {
  override readonly name = "ManifestError";
}

export function botScopesFrom(text: string, where = "manifest.yml"): string[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ManifestError(`${where} is not valid YAML: ${reason}`);
  }
  const result = manifestScopes.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path.join(".") || "oauth_config.scopes.bot";
    throw new ManifestError(
      `${where}: ${path} ${issue?.code === "invalid_type" ? "is missing or not a list of scopes" : (issue?.message ?? "is not valid")}`,
    );
  }
  return result.data.oauth_config.scopes.bot;
}

/** Read the bot scopes from manifest.yml. Throws ManifestError (one line). */
export function botScopes(path = MANIFEST_PATH): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new ManifestError(`${path} cannot be read (${code}): OAuth mode takes the bot scopes from it`);
  }
  return botScopesFrom(text, path);
}
