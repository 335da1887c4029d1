/** Publishing the App Home view for one user (views.publish), and reading back what it carries. */
import type { webApi } from "@slack/bolt";
import { freshness } from "../answers/catalogue.ts";
import { realToday } from "../bot.ts";
import { type HomeSelection, homeView } from "../render/blocks/home.ts";
import type { SlackMessage } from "../render/limits.ts";
import { z } from "../runtime/zod.ts";
import type { ListenerDeps } from "./deps.ts";

const Pick = z.object({ value: z.string().min(1).max(150), label: z.string().max(200) });

/** The Home view's private_metadata (see homeMetadata): the picked company and role. */
export const HomeMetadata = z.object({ company: Pick.nullish(), role: Pick.nullish() });

/** The selection stored in a Home view's metadata; empty when it is missing or unreadable. */
export function readHomeMetadata(raw: unknown): HomeSelection {
  if (typeof raw !== "string" || raw === "") return {};
  try {
    const parsed = HomeMetadata.safeParse(JSON.parse(raw));
    if (!parsed.success) return {};
    return {
      ...(parsed.data.company ? { company: parsed.data.company } : {}),
      ...(parsed.data.role ? { role: parsed.data.role } : {}),
    };
  } catch {
    return {};
  }
}

export async function publishHome(
  deps: ListenerDeps,
  client: webApi.WebClient,
  user: string,
  selection: HomeSelection,
  answer?: SlackMessage,
): Promise<void> {
  const view = homeView(freshness(deps.bot.guides, realToday()), selection, answer);
  await client.views.publish({ user_id: user, view });
}
