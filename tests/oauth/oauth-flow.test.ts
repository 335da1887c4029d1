/**
 * "Add to Slack" end to end, through the real Bolt app in OAuth mode over loopback, a real PostgreSQL, and the fake
 * Slack with several workspaces (which checks every token against the workspace it acts in): install page, state
 * cookie, Slack's redirect, two workspaces answered each with its own token, uninstall of one, a restart.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeSlack } from "../support/fake-slack.ts";
import type { FakeWorkspaces } from "../support/fake-slack-workspaces.ts";
import {
  ACME,
  CLIENT_ID,
  followRedirect,
  GLOBEX,
  INITECH,
  install,
  MANIFEST_SCOPES,
  type OAuthApp,
  openInstallPage,
  STATE_COOKIE,
  startFakeSlackWorkspaces,
  startOAuthApp,
} from "../support/oauth-harness.ts";
import { type PostgresServer, startPostgres } from "../support/postgres.ts";
import { sendSigned, slashCommand } from "../support/signing.ts";
import { allText } from "../support/slack-harness.ts";

let server: PostgresServer;
let databaseUrl: string;
let fake: FakeSlack;
let workspaces: FakeWorkspaces;
let fakeApp: Awaited<ReturnType<typeof startFakeSlackWorkspaces>>["app"];
let compbot: OAuthApp;

beforeAll(async () => {
  server = await startPostgres();
  databaseUrl = await server.createDatabase("oauth_flow");
  ({ fake, workspaces, app: fakeApp } = await startFakeSlackWorkspaces());
  compbot = await startOAuthApp({ fake, app: fakeApp, databaseUrl });
}, 60_000);

afterAll(async () => {
  await compbot?.close();
  await fake?.close();
  await server?.close();
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** An app_mention in `channel` of a workspace, delivered to `app`; resolves with the HTTP status. */
async function mention(
  app: OAuthApp,
  teamId: string,
  channel: string,
  text: string,
  ts?: string,
): Promise<number> {
  const w = workspaces.get(teamId);
  const at =
    ts ?? `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  const request = workspaces.event(teamId, {
    type: "app_mention",
    user: w.users[w.users.length - 1],
    text: `<@${w.botUserId}> ${text}`,
    ts: at,
    channel,
    event_ts: at,
  });
  const res = await sendSigned(`${app.base}/slack/events`, request);
  return res.status;
}

const postedIn = (channel: string, since: number) =>
  fake.nextCall(
    (c) => c.method === "chat.postMessage" && c.body.channel === channel && c.outcome !== undefined,
    {
      since,
    },
  );

const NO_STACK = /\bat .*\(|node_modules|Error:/;
const NO_STACK_IN_LOG = /\n|\bat .*\(|node_modules/;

describe("install", () => {
  it("GET /slack/install: an Add to Slack link to Slack's authorize URL with the manifest's scopes and a signed state, also set as a cookie", async () => {
    const page = await openInstallPage(compbot.base);
    expect(page.status).toBe(200);
    expect(page.html).toContain("Add CompBot to Slack");
    const url = new URL(page.authorizeUrl);
    expect(`${url.origin}${url.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(url.searchParams.get("scope")).toBe(MANIFEST_SCOPES);
    expect(url.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(url.searchParams.get("redirect_uri")).toBe(`${compbot.base}/slack/oauth_redirect`);
    const state = url.searchParams.get("state") ?? "";
    // A JWT (header.payload.signature) signed with SLACK_STATE_SECRET.
    expect(state).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(page.stateCookie).toBe(`${STATE_COOKIE}=${state}`);
    const cookie = page.cookies.find((c) => c.startsWith(STATE_COOKIE)) ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Max-Age=600/);
  });

  it("two workspaces install CompBot; each gets a page saying what to do next", async () => {
    const acme = await install(compbot.base, workspaces, ACME.teamId);
    expect(acme.status).toBe(200);
    expect(acme.html).toContain("CompBot is installed in <strong>Acme Corp</strong>");
    expect(acme.html).toContain("/comp help");
    expect(acme.html).toContain("https://app.slack.com/client/T0ACME");
    // The state cookie is cleared once used.
    expect(acme.cookies.some((c) => c.startsWith(`${STATE_COOKIE}=deleted`))).toBe(true);
    const globex = await install(compbot.base, workspaces, GLOBEX.teamId);
    expect(globex.status).toBe(200);
    // The workspace's name is escaped on the page.
    expect(globex.html).toContain("Globex &lt;Negotiators&gt; &amp; Co");
    expect(
      compbot.logs.filter((l) => /INFO .*CompBot was installed in workspace T0(ACME|GLOBEX) by U0/.test(l)),
    ).toHaveLength(2);
  });

  it("the installations table holds both, with their ids, scopes and installer, and no token in plain text", async () => {
    const stored = await rows(
      "SELECT id, team_id, team_name, bot_id, bot_user_id, bot_scopes, installer_user_id, is_enterprise_install, key_id, tokens FROM compbot_installations ORDER BY id",
    );
    expect(
      stored.map((r) => [
        r.id,
        r.team_id,
        r.bot_id,
        r.bot_user_id,
        r.installer_user_id,
        r.is_enterprise_install,
      ]),
    ).toEqual([
      ["T0ACME", "T0ACME", "B0ACMEBOT", "U0ACMEBOT", "U0ACMEADMIN", false],
      ["T0GLOBEX", "T0GLOBEX", "B0GLOBEXBOT", "U0GLOBEXBOT", "U0GLOBEXADMIN", false],
    ]);
    expect(stored[0]?.bot_scopes).toEqual(MANIFEST_SCOPES.split(","));
    const tokens = workspaces.issuedTokens;
    expect(tokens).toHaveLength(2);
    // Every column of every row, and the whole table as PostgreSQL prints it.
    const dump =
      JSON.stringify(await rows("SELECT * FROM compbot_installations")) +
      JSON.stringify(await rows("SELECT compbot_installations::text AS t FROM compbot_installations"));
    for (const token of tokens) {
      expect(dump).not.toContain(token);
      // Nor any 12-character piece of it (no partial or differently quoted copy).
      for (let i = 0; i + 12 <= token.length; i += 6) expect(dump).not.toContain(token.slice(i, i + 12));
      expect(dump).not.toContain(Buffer.from(token).toString("base64").slice(0, 16));
      expect(dump).not.toContain(Buffer.from(token).toString("hex").slice(0, 16));
    }
    expect(String(stored[0]?.tokens)).toMatch(/^v1\.[0-9a-f]{16}\./);
  });
});

describe("two workspaces", () => {
  it("each is answered with its own token (the fake refuses a token in another workspace's channel)", async () => {
    const since = fake.mark();
    expect(await mention(compbot, ACME.teamId, "C0ACMEGEN", "segment ml-ai-engineer london")).toBe(200);
    expect(await mention(compbot, GLOBEX.teamId, "C0GLOBEXGEN", "segment ml-ai-engineer new york")).toBe(200);
    const acme = await postedIn("C0ACMEGEN", since);
    const globex = await postedIn("C0GLOBEXGEN", since);
    expect(acme.token).toBe(workspaces.tokenOf("T0ACME"));
    expect(globex.token).toBe(workspaces.tokenOf("T0GLOBEX"));
    expect(acme.token).not.toBe(globex.token);
    expect([acme.outcome, globex.outcome]).toEqual(["ok", "ok"]);
    expect(allText(acme.body)).toContain("£132K–£165K");
    expect(allText(globex.body)).toContain("$182K–$222K");
  });

  it("/comp from an installed workspace is answered", async () => {
    const fields = new URLSearchParams(
      slashCommand({ text: "segment ml-ai-engineer london", response_url: fake.responseUrl("c1") }).body,
    );
    fields.set("team_id", GLOBEX.teamId);
    fields.set("user_id", "U0GLOBEXBEN");
    fields.set("channel_id", "C0GLOBEXGEN");
    const res = await sendSigned(`${compbot.base}/slack/events`, {
      body: fields.toString(),
      contentType: "application/x-www-form-urlencoded",
    });
    expect(res.status).toBe(200);
    expect(allText((await res.json()) as Record<string, unknown>)).toContain("£132K–£165K");
  });

  it("the OAuth receiver serves /readyz and refuses a request stamped 10 minutes in the future (401)", async () => {
    const ready = await fetch(`${compbot.base}/readyz`);
    expect(ready.status).toBe(200);
    const fields = new URLSearchParams(
      slashCommand({ text: "list", response_url: fake.responseUrl("c2") }).body,
    );
    fields.set("team_id", GLOBEX.teamId);
    const res = await sendSigned(
      `${compbot.base}/slack/events`,
      { body: fields.toString(), contentType: "application/x-www-form-urlencoded" },
      { timestamp: Math.floor(Date.now() / 1000) + 600 },
    );
    expect(res.status).toBe(401);
  });
});

describe("failed or cancelled installs", () => {
  it("cancel in Slack: a page saying nothing was installed, 400, no stack trace, nothing stored", async () => {
    const before = await rows("SELECT count(*)::int AS n FROM compbot_installations");
    const from = compbot.logs.length;
    const page = await openInstallPage(compbot.base);
    const back = await followRedirect(workspaces.deny(page.authorizeUrl), page.stateCookie);
    expect(back.status).toBe(400);
    expect(back.html).toContain("Installation cancelled");
    expect(back.html).toContain('href="/slack/install"');
    expect(back.html).not.toMatch(NO_STACK);
    expect(await rows("SELECT count(*)::int AS n FROM compbot_installations")).toEqual(before);
    // One INFO line, nothing at WARN or ERROR: cancelling is not a fault.
    const lines = compbot.logs.slice(from).filter((l) => !/ DEBUG /.test(l));
    expect(lines.map((l) => l.replace(/^\S+ /, ""))).toEqual([
      "INFO [compbot] Install cancelled in Slack by the user",
    ]);
  });

  it("the redirect without the state cookie (another browser) or with a forged state: 'expired' page, 400", async () => {
    const page = await openInstallPage(compbot.base);
    const back = workspaces.approve(page.authorizeUrl, INITECH.teamId);
    const noCookie = await followRedirect(back);
    expect(noCookie.status).toBe(400);
    expect(noCookie.html).toContain("This install link has expired");
    expect(noCookie.html).not.toMatch(NO_STACK);
    const forged = new URL(back);
    forged.searchParams.set("state", "eyJhbGciOiJIUzI1NiJ9.eyJub3ciOiIyMDI2In0.c2lnbmF0dXJl");
    const withForged = await followRedirect(
      forged.toString(),
      `${STATE_COOKIE}=${forged.searchParams.get("state")}`,
    );
    expect(withForged.status).toBe(400);
    expect(withForged.html).toContain("This install link has expired");
    expect(await rows("SELECT id FROM compbot_installations WHERE id = 'E0INITECH'")).toEqual([]);
  });

  it("Slack refusing the code (used twice): the reason on a 502 page, no stack trace", async () => {
    const page = await openInstallPage(compbot.base);
    const back = workspaces.approve(page.authorizeUrl, ACME.teamId);
    expect((await followRedirect(back, page.stateCookie)).status).toBe(200);
    const from = compbot.logs.length;
    const again = await followRedirect(back, page.stateCookie);
    expect(again.status).toBe(502);
    const lines = compbot.logs.slice(from).filter((l) => !/ DEBUG /.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ ERROR \[compbot\] Install failed: .*invalid_code/);
    expect(lines[0]).not.toMatch(NO_STACK_IN_LOG);
    expect(again.html).toContain("Slack refused the installation");
    expect(again.html).toContain("<code>invalid_code</code>");
    expect(again.html).not.toMatch(NO_STACK);
  });
});

describe("Enterprise Grid", () => {
  it("an org-wide install is kept under the enterprise id, and its workspaces are answered with the org's token", async () => {
    const page = await install(compbot.base, workspaces, INITECH.teamId);
    expect(page.status).toBe(200);
    expect(page.html).toContain("CompBot is installed for <strong>Initech</strong>");
    expect(
      await rows(
        "SELECT id, team_id, enterprise_id, is_enterprise_install FROM compbot_installations WHERE id LIKE 'E%'",
      ),
    ).toEqual([{ id: "E0INITECH", team_id: null, enterprise_id: "E0INITECH", is_enterprise_install: true }]);
    const since = fake.mark();
    expect(await mention(compbot, INITECH.teamId, "C0INITECHGEN", "segment ml-ai-engineer london")).toBe(200);
    const call = await postedIn("C0INITECHGEN", since);
    expect(call.token).toBe(workspaces.tokenOf("T0INITECHA"));
    expect(call.outcome).toBe("ok");
  });
});

describe("uninstall", () => {
  it("app_uninstalled removes that workspace's installation and context; the other is untouched", async () => {
    // A thread in each workspace, so that each has a context.
    let since = fake.mark();
    await mention(compbot, ACME.teamId, "C0ACMEGEN", "segment ml-ai-engineer london", "1700000500.000100");
    await mention(
      compbot,
      GLOBEX.teamId,
      "C0GLOBEXGEN",
      "segment ml-ai-engineer london",
      "1700000500.000200",
    );
    await postedIn("C0ACMEGEN", since);
    await postedIn("C0GLOBEXGEN", since);
    const contexts = () => rows("SELECT key FROM compbot_contexts ORDER BY key");
    expect((await contexts()).map((r) => r.key)).toEqual(
      expect.arrayContaining([
        "thread:T0ACME:C0ACMEGEN:1700000500.000100",
        "thread:T0GLOBEX:C0GLOBEXGEN:1700000500.000200",
      ]),
    );

    workspaces.revoke(ACME.teamId);
    const from = compbot.logs.length;
    const res = await sendSigned(`${compbot.base}/slack/events`, workspaces.uninstalledEvent(ACME.teamId));
    expect(res.status).toBe(200);
    await compbot.nextLog(
      /CompBot was removed from workspace T0ACME \(app_uninstalled\): installation deleted, 2 conversation\(s\) forgotten/,
      { from },
    );
    expect((await rows("SELECT id FROM compbot_installations ORDER BY id")).map((r) => r.id)).toEqual([
      "E0INITECH",
      "T0GLOBEX",
    ]);
    const keys = (await contexts()).map((r) => String(r.key));
    expect(keys.filter((k) => k.startsWith("thread:T0ACME:") || k.startsWith("dm:T0ACME:"))).toEqual([]);
    expect(keys).toContain("thread:T0GLOBEX:C0GLOBEXGEN:1700000500.000200");

    // GLOBEX is still answered, with its own token.
    since = fake.mark();
    await mention(compbot, GLOBEX.teamId, "C0GLOBEXGEN", "and new york?", undefined);
    const call = await postedIn("C0GLOBEXGEN", since);
    expect(call.token).toBe(workspaces.tokenOf("T0GLOBEX"));
    expect(call.outcome).toBe("ok");
  });

  it("a request from the uninstalled workspace: one WARN line naming it, 200, no answer, no crash", async () => {
    const since = fake.mark();
    const from = compbot.logs.length;
    expect(await mention(compbot, ACME.teamId, "C0ACMEGEN", "segment ml-ai-engineer london")).toBe(200);
    await compbot.nextLog(/Ignored a request/, { from });
    const lines = compbot.logs.slice(from).filter((l) => !/ DEBUG /.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      / WARN \[compbot\] Ignored a request: CompBot is not installed in workspace T0ACME \(never installed from \/slack\/install, or removed\)$/,
    );
    expect(fake.callsTo("chat.postMessage", since)).toEqual([]);
    // Still serving.
    expect((await fetch(`${compbot.base}/healthz`)).status).toBe(200);
  });

  it("tokens_revoked (bot token) removes an installation too", async () => {
    workspaces.revoke(INITECH.teamId);
    const from = compbot.logs.length;
    const res = await sendSigned(
      `${compbot.base}/slack/events`,
      workspaces.tokensRevokedEvent(INITECH.teamId),
    );
    expect(res.status).toBe(200);
    await compbot.nextLog(/CompBot was removed from organisation E0INITECH \(tokens_revoked\)/, { from });
    expect((await rows("SELECT id FROM compbot_installations")).map((r) => r.id)).toEqual(["T0GLOBEX"]);
  });
});

describe("replicas and restarts", () => {
  it("the install page of one replica, Slack's redirect to another (same SLACK_STATE_SECRET): installed", async () => {
    const other = await startOAuthApp({ fake, app: fakeApp, databaseUrl });
    try {
      const page = await install(compbot.base, workspaces, ACME.teamId, other.base);
      expect(page.status).toBe(200);
      expect(page.html).toContain("CompBot is installed in <strong>Acme Corp</strong>");
      // Installed by the other replica: this one reads it from the database.
      const since = fake.mark();
      await mention(compbot, ACME.teamId, "C0ACMEGEN", "segment ml-ai-engineer london");
      const call = await postedIn("C0ACMEGEN", since);
      expect(call.token).toBe(workspaces.tokenOf("T0ACME"));
      expect(call.outcome).toBe("ok");
    } finally {
      await other.close();
    }
  });

  it("a restart (new app, same database) keeps the installations", async () => {
    await compbot.close();
    compbot = await startOAuthApp({ fake, app: fakeApp, databaseUrl });
    const since = fake.mark();
    await mention(compbot, ACME.teamId, "C0ACMEGEN", "segment ml-ai-engineer london");
    await mention(compbot, GLOBEX.teamId, "C0GLOBEXGEN", "segment ml-ai-engineer london");
    const acme = await postedIn("C0ACMEGEN", since);
    const globex = await postedIn("C0GLOBEXGEN", since);
    expect([acme.token, globex.token]).toEqual([
      workspaces.tokenOf("T0ACME"),
      workspaces.tokenOf("T0GLOBEX"),
    ]);
    expect([acme.outcome, globex.outcome]).toEqual(["ok", "ok"]);
  });
});
