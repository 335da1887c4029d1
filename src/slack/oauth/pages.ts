/**
 * The browser pages of the install flow: the "Add to Slack" page (GET /slack/install), what to do next after a
 * successful install, and what went wrong when it failed or was cancelled. Plain HTML, every dynamic value
 * escaped, never a stack trace or an internal message.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Installation } from "@slack/bolt";
import { OAUTH_INSTALL_PATH } from "../config.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1c1d; }
h1 { font-size: 1.5rem; }
a.button { display: inline-block; padding: .6rem 1.2rem; border-radius: .4rem; background: #1d4e89; color: #fff; text-decoration: none; font-weight: 600; }
code { background: #f4f4f4; padding: 0 .25rem; border-radius: .2rem; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

/** GET /slack/install: the link to Slack's authorize page (with the scopes and the signed state). */
export function installPage(authorizeUrl: string): string {
  return page(
    "Add CompBot to Slack",
    `<p>CompBot answers compensation questions in Slack from your negotiation guides: pay bands by role, company and
region, level mappings, and negotiation scripts.</p>
<p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>
<p>Slack will ask you to pick a workspace and allow CompBot to read messages that mention it or are sent to it
directly, and to post answers. The link works for 10 minutes, in this browser.</p>`,
  );
}

function isOrgInstall(installation: Installation): boolean {
  return installation.isEnterpriseInstall === true;
}

/** After oauth.v2.access succeeded and the installation is stored. */
export function successPage(installation: Installation): string {
  if (isOrgInstall(installation)) {
    const name = installation.enterprise?.name ?? installation.enterprise?.id ?? "your organisation";
    return page(
      "CompBot is installed",
      `<p>CompBot is installed for <strong>${escapeHtml(name)}</strong>. An org admin can now add it to the
workspaces that should have it (Slack admin &gt; Integrations &gt; Installed apps &gt; CompBot &gt; Add to more
workspaces).</p>
${nextSteps()}`,
    );
  }
  const team = installation.team;
  const name = team?.name ?? team?.id ?? "your workspace";
  const open = team?.id
    ? `<p><a class="button" href="https://app.slack.com/client/${encodeURIComponent(team.id)}">Open Slack</a></p>`
    : "";
  return page(
    "CompBot is installed",
    `<p>CompBot is installed in <strong>${escapeHtml(name)}</strong>.</p>
${nextSteps()}
${open}`,
  );
}

function nextSteps(): string {
  return `<p>What to do next, in Slack:</p>
<ul>
<li>Type <code>/comp help</code> in any channel to see what you can ask (only you see the answer).</li>
<li>Invite it to a channel with <code>/invite @CompBot</code>, then mention it:
<code>@CompBot what's the total comp for an ML engineer at Segment in London?</code></li>
<li>Or open CompBot under <em>Apps</em> in the sidebar and send it a direct message.</li>
</ul>`;
}

interface FailureLike {
  code?: string;
  data?: unknown;
}

function slackErrorCode(error: FailureLike): string | undefined {
  const data = error.data;
  if (typeof data === "object" && data !== null && "error" in data && typeof data.error === "string") {
    return data.error;
  }
  return undefined;
}

/** `?error=` that Slack put on the redirect (the user cancelled, or Slack refused the request). */
function slackRedirectError(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? "/", "http://localhost").searchParams.get("error") ?? undefined;
  } catch {
    return undefined;
  }
}

const AGAIN = `<p><a class="button" href="${OAUTH_INSTALL_PATH}">Start again</a></p>`;

/** What went wrong, for the person installing: a status and a page. Never a stack trace or an internal message. */
export function failurePage(error: FailureLike, req: IncomingMessage): { status: number; html: string } {
  const redirectError = slackRedirectError(req);
  if (redirectError === "access_denied") {
    return {
      status: 400,
      html: page(
        "Installation cancelled",
        `<p>You cancelled the installation in Slack, so CompBot was not installed and nothing was stored.</p>${AGAIN}`,
      ),
    };
  }
  if (redirectError !== undefined) {
    return {
      status: 400,
      html: page(
        "Slack did not install CompBot",
        `<p>Slack sent you back with the error <code>${escapeHtml(redirectError)}</code>, so CompBot was not installed.</p>${AGAIN}`,
      ),
    };
  }
  switch (error.code) {
    case "slack_oauth_missing_state":
    case "slack_oauth_invalid_state":
      return {
        status: 400,
        html: page(
          "This install link has expired",
          `<p>The installation could not be checked: the link is more than 10 minutes old, was opened in another
browser, or was used already. CompBot was not installed.</p>${AGAIN}`,
        ),
      };
    case "slack_oauth_missing_code":
      return {
        status: 400,
        html: page(
          "Slack's answer was incomplete",
          `<p>The page Slack sent you back to had no authorization code, so CompBot was not installed.</p>${AGAIN}`,
        ),
      };
    case "slack_webapi_platform_error": {
      const code = slackErrorCode(error) ?? "unknown_error";
      return {
        status: 502,
        html: page(
          "Slack refused the installation",
          `<p>Slack would not complete the installation (<code>${escapeHtml(code)}</code>), so CompBot was not
installed. An authorization code works once and for a few minutes only: start again. If it keeps failing, the
app's Client ID, Client Secret or redirect URL may not match its Slack settings; tell whoever runs CompBot.</p>${AGAIN}`,
        ),
      };
    }
    case "slack_webapi_request_error":
    case "slack_webapi_http_error":
    case "slack_webapi_rate_limited_error":
      return {
        status: 502,
        html: page(
          "Slack could not be reached",
          `<p>CompBot could not reach Slack to complete the installation. Nothing was installed; try again in a
minute.</p>${AGAIN}`,
        ),
      };
    default:
      return {
        status: 500,
        html: page(
          "CompBot could not finish the installation",
          `<p>Slack approved the installation, but CompBot could not save it, so it is not active. Try again in a
few minutes; if it keeps failing, tell whoever runs CompBot (the reason is in its log).</p>${AGAIN}`,
        ),
      };
  }
}

export function sendSuccess(installation: Installation, res: ServerResponse): void {
  send(res, 200, successPage(installation));
}

export function sendFailure(error: FailureLike, req: IncomingMessage, res: ServerResponse): void {
  const { status, html } = failurePage(error, req);
  send(res, status, html);
}
