/** The fake Slack's many workspaces are as strict as Slack: the OAuth exchange, and tokens bound to workspaces. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack, Json } from "../support/fake-slack.ts";
import { AuthorizeRefused, type FakeWorkspaces } from "../support/fake-slack-workspaces.ts";
import {
  ACME,
  CLIENT_ID,
  CLIENT_SECRET,
  GLOBEX,
  startFakeSlackWorkspaces,
} from "../support/oauth-harness.ts";

let fake: FakeSlack;
let workspaces: FakeWorkspaces;
const REDIRECT = "https://compbot.example.com/slack/oauth_redirect";

beforeAll(async () => {
  let app: Awaited<ReturnType<typeof startFakeSlackWorkspaces>>["app"];
  ({ fake, workspaces, app } = await startFakeSlackWorkspaces());
  app.redirectUrls.push(REDIRECT);
});
afterAll(async () => {
  await fake?.close();
});

async function call(method: string, form: Record<string, string>, token?: string): Promise<Json> {
  const res = await fetch(`${fake.apiUrl}${method}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: new URLSearchParams(form).toString(),
  });
  return (await res.json()) as Json;
}

const authorize = (extra: Record<string, string> = {}) =>
  `https://slack.com/oauth/v2/authorize?${new URLSearchParams({ scope: "commands,chat:write", state: "s1", client_id: CLIENT_ID, redirect_uri: REDIRECT, ...extra })}`;

const codeOf = (url: string) => new URL(url).searchParams.get("code") ?? "";

describe("fake Slack: OAuth", () => {
  it("authorize checks the client id, the scopes and the redirect URL; redirects with code and state", () => {
    expect(() => workspaces.approve(authorize({ client_id: "999.999" }), ACME.teamId)).toThrow(
      AuthorizeRefused,
    );
    expect(() => workspaces.approve(authorize({ scope: "" }), ACME.teamId)).toThrow(/invalid_scope/);
    expect(() =>
      workspaces.approve(authorize({ redirect_uri: "https://evil.example/cb" }), ACME.teamId),
    ).toThrow(/bad_redirect_uri/);
    const back = new URL(workspaces.approve(authorize(), ACME.teamId));
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get("state")).toBe("s1");
    expect(new URL(workspaces.deny(authorize())).searchParams.get("error")).toBe("access_denied");
  });

  it("oauth.v2.access checks client_id, client_secret, code (once) and redirect_uri", async () => {
    const good = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT };
    const code = codeOf(workspaces.approve(authorize(), GLOBEX.teamId));
    expect(await call("oauth.v2.access", { ...good, code, client_id: "1.2" })).toEqual({
      ok: false,
      error: "invalid_client_id",
    });
    expect(await call("oauth.v2.access", { ...good, code, client_secret: "x".repeat(32) })).toEqual({
      ok: false,
      error: "bad_client_secret",
    });
    expect(await call("oauth.v2.access", { ...good, code, redirect_uri: "https://other/cb" })).toEqual({
      ok: false,
      error: "bad_redirect_uri",
    });
    expect(await call("oauth.v2.access", { ...good, code: "made-up" })).toEqual({
      ok: false,
      error: "invalid_code",
    });
    const answer = await call("oauth.v2.access", { ...good, code });
    expect(answer).toMatchObject({
      ok: true,
      app_id: "A0COMPBOT",
      token_type: "bot",
      scope: "commands,chat:write",
      bot_user_id: "U0GLOBEXBOT",
      team: { id: "T0GLOBEX", name: GLOBEX.teamName },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: "U0GLOBEXADMIN" },
    });
    expect(String(answer.access_token)).toMatch(/^xoxb-/);
    expect(await call("oauth.v2.access", { ...good, code })).toEqual({ ok: false, error: "invalid_code" });
  });

  it("auth.test answers per token; a token only acts in its own workspace; a revoked token is refused", async () => {
    const good = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT };
    const acme = String(
      (await call("oauth.v2.access", { ...good, code: codeOf(workspaces.approve(authorize(), ACME.teamId)) }))
        .access_token,
    );
    expect(await call("auth.test", {}, acme)).toMatchObject({
      ok: true,
      team_id: "T0ACME",
      user_id: "U0ACMEBOT",
      bot_id: "B0ACMEBOT",
    });
    expect(await call("auth.test", {}, "xoxb-not-issued")).toEqual({ ok: false, error: "invalid_auth" });
    expect(await call("chat.postMessage", { channel: "C0GLOBEXGEN", text: "hi" }, acme)).toEqual({
      ok: false,
      error: "channel_not_found",
    });
    expect((await call("chat.postMessage", { channel: "C0ACMEGEN", text: "hi" }, acme)).ok).toBe(true);
    expect(await call("conversations.open", { users: "U0GLOBEXBEN" }, acme)).toEqual({
      ok: false,
      error: "user_not_found",
    });
    const dm = (await call("conversations.open", { users: "U0ACMEANA" }, acme)) as {
      channel: { id: string };
    };
    expect((await call("chat.postMessage", { channel: dm.channel.id, text: "hi" }, acme)).ok).toBe(true);
    workspaces.revoke(ACME.teamId);
    expect(await call("auth.test", {}, acme)).toEqual({ ok: false, error: "token_revoked" });
  });
});
