/**
 * OAuth mode: a workspace removing CompBot. `app_uninstalled` (the app was removed) and `tokens_revoked` with bot
 * tokens (the bot token no longer works) delete that workspace's installation and forget its conversations.
 * Bolt does not authorize these two events (the token is gone already), so nothing here calls Slack.
 */
import type {
  AllMiddlewareArgs,
  App,
  InstallationQuery,
  InstallationStore,
  Logger,
  SlackEventMiddlewareArgs,
} from "@slack/bolt";
import { describeError } from "../log.ts";

export interface UninstallDeps {
  installations: Required<Pick<InstallationStore, "deleteInstallation">>;
  /** Forget what conversations in this workspace were about; resolves with how many were forgotten. */
  forgetWorkspace: (teamId: string) => Promise<number>;
  logger: Logger;
}

type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;

/** The installation a workspace's event belongs to (org-wide installs are keyed by the enterprise). */
export function installationOf(body: {
  team_id?: string;
  enterprise_id?: string;
  authorizations?: {
    is_enterprise_install?: boolean;
    team_id?: string | null;
    enterprise_id?: string | null;
  }[];
}): InstallationQuery<boolean> {
  const auth = body.authorizations?.[0];
  const enterpriseId = auth?.enterprise_id ?? body.enterprise_id ?? undefined;
  const isEnterpriseInstall = auth?.is_enterprise_install === true && enterpriseId !== undefined;
  return {
    teamId: body.team_id,
    enterpriseId,
    isEnterpriseInstall,
  } as InstallationQuery<boolean>;
}

async function remove(deps: UninstallDeps, body: EventArgs["body"], why: string): Promise<void> {
  const query = installationOf(body as Parameters<typeof installationOf>[0]);
  const which = query.isEnterpriseInstall
    ? `organisation ${query.enterpriseId}`
    : `workspace ${query.teamId}`;
  try {
    await deps.installations.deleteInstallation(query, deps.logger);
    const forgotten = query.teamId !== undefined ? await deps.forgetWorkspace(query.teamId) : 0;
    deps.logger.info(
      `CompBot was removed from ${which} (${why}): installation deleted, ${forgotten} conversation(s) forgotten`,
    );
  } catch (error) {
    deps.logger.error(`Could not delete the installation of ${which} after ${why}: ${describeError(error)}`);
  }
}

export function registerUninstall(app: App, deps: UninstallDeps): void {
  app.event("app_uninstalled", async ({ body }: EventArgs) => {
    await remove(deps, body, "app_uninstalled");
  });
  app.event("tokens_revoked", async ({ body, event }: EventArgs) => {
    const bots = (event as { tokens?: { bot?: string[] } }).tokens?.bot ?? [];
    // Only user tokens revoked: CompBot asks for none and keeps none; the bot still works.
    if (bots.length === 0) return;
    await remove(deps, body, "tokens_revoked");
  });
}
