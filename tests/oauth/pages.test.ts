/** The install flow's pages: what each failure says, escaping, and never an internal message. */
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { failurePage, installPage } from "../../src/slack/oauth/pages.ts";

const req = (url: string) => ({ url }) as IncomingMessage;

describe("install pages", () => {
  it("the install page escapes the authorize URL in its link", () => {
    expect(installPage('https://slack.com/oauth/v2/authorize?scope=a,b&state=x"y')).toContain(
      'href="https://slack.com/oauth/v2/authorize?scope=a,b&amp;state=x&quot;y"',
    );
  });

  it.each([
    ["/slack/oauth_redirect?error=access_denied&state=s", {}, 400, "Installation cancelled"],
    ["/slack/oauth_redirect?error=invalid_scope", {}, 400, "<code>invalid_scope</code>"],
    ["/slack/oauth_redirect?error=%3Cscript%3E", {}, 400, "<code>&lt;script&gt;</code>"],
    [
      "/slack/oauth_redirect?code=c",
      { code: "slack_oauth_invalid_state" },
      400,
      "This install link has expired",
    ],
    ["/slack/oauth_redirect?state=s", { code: "slack_oauth_missing_code" }, 400, "no authorization code"],
    [
      "/slack/oauth_redirect?code=c&state=s",
      { code: "slack_webapi_platform_error", data: { error: "bad_client_secret" } },
      502,
      "<code>bad_client_secret</code>",
    ],
    [
      "/slack/oauth_redirect?code=c&state=s",
      { code: "slack_webapi_request_error" },
      502,
      "could not reach Slack",
    ],
    ["/slack/oauth_redirect?code=c&state=s", { code: "slack_oauth_unknown_error" }, 500, "could not save it"],
  ])("%s %j -> %i", (url, error, status, text) => {
    const page = failurePage(
      { ...error, message: "connect ECONNREFUSED 10.0.0.5:5432 SEKRET" } as never,
      req(url),
    );
    expect(page.status).toBe(status);
    expect(page.html).toContain(text);
    expect(page.html).toContain('href="/slack/install"');
    expect(page.html).not.toMatch(/SEKRET|ECONNREFUSED|<script>/);
  });
});
