/**
 * OAuth mode's receiver: Bolt's HTTPReceiver with its installer (@slack/oauth's InstallProvider).
 *
 * - POST /slack/events: events, /comp and interactivity from every installed workspace (signature checked);
 *   Bolt's authorize looks the workspace's installation up in `installationStore` for each request.
 * - GET /slack/install: our page with the "Add to Slack" link to Slack's authorize URL (the manifest's bot scopes,
 *   a state signed with SLACK_STATE_SECRET and also set as a cookie, so any replica sharing the secret can check
 *   it when the browser comes back).
 * - GET /slack/oauth_redirect: checks the state against the cookie, exchanges the code (oauth.v2.access, through
 *   clientOptions so SLACK_API_URL applies), stores the installation, and shows what to do next, or what went
 *   wrong (cancelled, expired state, Slack refusing the code, the store failing) without a stack trace.
 * - GET /healthz.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { InstallationStore, Logger, webApi } from "@slack/bolt";
import { HTTPReceiver } from "../bolt.ts";
import { OAUTH_INSTALL_PATH, OAUTH_REDIRECT_PATH, type OAuthConfig } from "../config.ts";
import { describeError } from "../log.ts";
import { installPage, sendFailure, sendSuccess } from "./pages.ts";

/** How long an install link (its signed state and cookie) stays valid: Bolt's default, 10 minutes. */
export const STATE_TTL_SECONDS = 600;

export interface OAuthReceiverOptions {
  config: OAuthConfig;
  logger: Logger;
  installationStore: InstallationStore;
  /** Bot scopes asked for (from manifest.yml). */
  scopes: string[];
  /** The Web API options every client uses (slackApiUrl, retries, keep-alive fetch), oauth.v2.access included. */
  clientOptions: webApi.WebClientOptions;
  eventsPath: string;
  customRoutes: {
    path: string;
    method: string[];
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  }[];
}

export function createOAuthReceiver(options: OAuthReceiverOptions): HTTPReceiver {
  const { config, logger } = options;
  return new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: options.eventsPath,
    port: config.port,
    logger,
    customRoutes: options.customRoutes,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    stateSecret: config.stateSecret,
    scopes: options.scopes,
    installationStore: options.installationStore,
    ...(config.redirectUri !== undefined ? { redirectUri: config.redirectUri } : {}),
    installerOptions: {
      installPath: OAUTH_INSTALL_PATH,
      redirectUriPath: OAUTH_REDIRECT_PATH,
      directInstall: false,
      renderHtmlForInstallPath: installPage,
      stateCookieExpirationSeconds: STATE_TTL_SECONDS,
      // The installer makes its own WebClient (oauth.v2.access, auth.test): same API URL, retries and pool.
      clientOptions: { ...options.clientOptions },
      callbackOptions: {
        success: (installation, _options, _req, res) => {
          const where = installation.isEnterpriseInstall
            ? `organisation ${installation.enterprise?.id ?? "?"} (org-wide)`
            : `workspace ${installation.team?.id ?? "?"}`;
          logger.info(`CompBot was installed in ${where} by ${installation.user.id}`);
          sendSuccess(installation, res);
        },
        failure: (error, _options, req, res) => {
          const line = failureLine(error, req);
          logger[line.level](line.text);
          sendFailure(error as { code?: string; data?: unknown }, req, res);
        },
      },
    },
  });
}

/** One log line for a failed install: what happened, at the level it deserves (a cancel is not an error). */
export function failureLine(
  error: Error & { code?: string; data?: unknown },
  req: IncomingMessage,
): { level: "info" | "warn" | "error"; text: string } {
  const redirectError = new URL(req.url ?? "/", "http://localhost").searchParams.get("error");
  if (redirectError === "access_denied")
    return { level: "info", text: "Install cancelled in Slack by the user" };
  if (redirectError !== null)
    return { level: "warn", text: `Install failed: Slack sent back error=${redirectError}` };
  switch (error.code) {
    case "slack_oauth_missing_state":
    case "slack_oauth_invalid_state":
      return {
        level: "warn",
        text: "Install refused: its state was missing, expired, or from another browser",
      };
    case "slack_oauth_missing_code":
      return { level: "warn", text: "Install refused: Slack's redirect had no code" };
    default:
      return { level: "error", text: `Install failed: ${describeError(error)}` };
  }
}
