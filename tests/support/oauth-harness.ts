/**
 * OAuth mode under test: a real PostgreSQL (tests/support/postgres.ts), the fake Slack with many workspaces
 * (fake-slack-workspaces.ts), and the real CompBot app in OAuth mode on 127.0.0.1, opened the way main.ts opens it
 * (openStore, oauthOptions with the manifest's scopes). Plus a browser's side of the install flow: GET the install
 * page, follow Slack's redirect with the state cookie.
 */
import { createServer } from "node:net";
import { loadCompBot } from "../../src/bot.ts";
import { createSlackApp, type SlackApp } from "../../src/slack/app.ts";
import { type OAuthConfig, secretsOf } from "../../src/slack/config.ts";
import { createLineLogger } from "../../src/slack/log.ts";
import { oauthOptions } from "../../src/slack/oauth/index.ts";
import { openStore } from "../../src/store/index.ts";
import type { PostgresInstallationStore } from "../../src/store/installations.ts";
import type { Store } from "../../src/store/types.ts";
import { FakeSlack } from "./fake-slack.ts";
import { type FakeOAuthApp, type FakeWorkspace, FakeWorkspaces } from "./fake-slack-workspaces.ts";
import { TEST_SIGNING_SECRET } from "./signing.ts";
import { GUIDES_DIR, logSink } from "./slack-harness.ts";

export const CLIENT_ID = "1111111111.2222222222222";
export const CLIENT_SECRET = "c1e2n3t4s5e6c7r8e9t0c1e2n3t4s5e6";
export const STATE_SECRET = "a-state-secret-shared-by-every-replica-0123456789";
export const INSTALL_KEY = Buffer.alloc(32, 5).toString("base64");
/** The scopes in manifest.yml, written out (not read from it): what the authorize link must ask for. */
export const MANIFEST_SCOPES =
  "commands,app_mentions:read,assistant:write,chat:write,im:history,im:read,im:write";
export const STATE_COOKIE = "slack-app-oauth-state";

export const ACME: FakeWorkspace = {
  teamId: "T0ACME",
  teamName: "Acme Corp",
  botUserId: "U0ACMEBOT",
  botId: "B0ACMEBOT",
  installerUserId: "U0ACMEADMIN",
  channels: ["C0ACMEGEN"],
  users: ["U0ACMEADMIN", "U0ACMEANA"],
};
export const GLOBEX: FakeWorkspace = {
  teamId: "T0GLOBEX",
  teamName: "Globex <Negotiators> & Co",
  botUserId: "U0GLOBEXBOT",
  botId: "B0GLOBEXBOT",
  installerUserId: "U0GLOBEXADMIN",
  channels: ["C0GLOBEXGEN"],
  users: ["U0GLOBEXADMIN", "U0GLOBEXBEN"],
};
/** A workspace of an Enterprise Grid org that installs CompBot org-wide. */
export const INITECH: FakeWorkspace = {
  teamId: "T0INITECHA",
  teamName: "Initech Sales",
  enterpriseId: "E0INITECH",
  enterpriseName: "Initech",
  orgInstall: true,
  botUserId: "U0INITECHBOT",
  botId: "B0INITECHBOT",
  installerUserId: "U0INITECHADMIN",
  channels: ["C0INITECHGEN"],
  users: ["U0INITECHADMIN"],
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface FakeSlackWorkspaces {
  fake: FakeSlack;
  workspaces: FakeWorkspaces;
  app: FakeOAuthApp;
}

/** The fake Slack knowing ACME, GLOBEX and INITECH, and CompBot's app credentials. */
export async function startFakeSlackWorkspaces(): Promise<FakeSlackWorkspaces> {
  const app: FakeOAuthApp = {
    appId: "A0COMPBOT",
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUrls: [],
  };
  const workspaces = new FakeWorkspaces(app).add(ACME, GLOBEX, INITECH);
  const fake = await FakeSlack.start({ workspaces });
  return { fake, workspaces, app };
}

export interface OAuthApp {
  slack: SlackApp;
  store: Store;
  installations: PostgresInstallationStore;
  config: OAuthConfig;
  base: string;
  logs: string[];
  nextLog(pattern: RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
  close(): Promise<void>;
}

/** CompBot in OAuth mode on `port` (its redirect URL registered with the fake), on the given database. */
export async function startOAuthApp(options: {
  fake: FakeSlack;
  app: FakeOAuthApp;
  databaseUrl: string;
  port?: number;
  /** Default: SLACK_REDIRECT_URI set to this app's /slack/oauth_redirect. false: leave it to Slack's settings. */
  redirectUri?: boolean;
  clientSecret?: string;
}): Promise<OAuthApp> {
  const port = options.port ?? (await freePort());
  const redirect = `http://127.0.0.1:${port}/slack/oauth_redirect`;
  if (!options.app.redirectUrls.includes(redirect)) options.app.redirectUrls.push(redirect);
  const config: OAuthConfig = {
    mode: "oauth",
    port,
    slackApiUrl: options.fake.apiUrl,
    guidesDir: GUIDES_DIR,
    logLevel: "debug",
    databaseUrl: options.databaseUrl,
    signingSecret: TEST_SIGNING_SECRET,
    clientId: CLIENT_ID,
    clientSecret: options.clientSecret ?? CLIENT_SECRET,
    stateSecret: STATE_SECRET,
    redirectUri: options.redirectUri === false ? undefined : redirect,
    encryptionKey: { text: INSTALL_KEY, bytes: Buffer.from(INSTALL_KEY, "base64") },
    previousKey: undefined,
  };
  const { logs, write, nextLog } = logSink();
  const logger = createLineLogger({ level: "debug", secrets: secretsOf(config), write });
  const { bot } = await loadCompBot(GUIDES_DIR);
  const store = await openStore({ databaseUrl: config.databaseUrl, logger });
  const oauth = oauthOptions(config, store, logger);
  const slack = createSlackApp({ config, bot, logger, store, oauth });
  await slack.start();
  return {
    slack,
    store,
    installations: oauth.installationStore as PostgresInstallationStore,
    config,
    base: `http://127.0.0.1:${slack.port}`,
    logs,
    nextLog,
    async close() {
      await slack.stop();
      await store.close();
    },
  };
}

export interface Page {
  status: number;
  html: string;
  /** Set-Cookie headers. */
  cookies: string[];
}

async function get(url: string, cookie?: string): Promise<Page> {
  const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text(), cookies: res.headers.getSetCookie() };
}

/** GET /slack/install: the page, its "Add to Slack" link and the state cookie it set. */
export async function openInstallPage(
  base: string,
): Promise<Page & { authorizeUrl: string; stateCookie: string }> {
  const page = await get(`${base}/slack/install`);
  const href = /<a class="button" href="([^"]+)">Add to Slack<\/a>/.exec(page.html)?.[1];
  if (href === undefined) throw new Error(`no "Add to Slack" link on the install page:\n${page.html}`);
  const authorizeUrl = href.replaceAll("&amp;", "&");
  const set = page.cookies.find((c) => c.startsWith(`${STATE_COOKIE}=`));
  if (set === undefined) throw new Error("the install page set no state cookie");
  return { ...page, authorizeUrl, stateCookie: set.split(";")[0] ?? "" };
}

/** The browser arriving at the redirect URL Slack sent it to, with (or without) the state cookie. */
export function followRedirect(url: string, stateCookie?: string): Promise<Page> {
  return get(url, stateCookie);
}

/** The whole install of one workspace through `base` (install page, Allow in Slack, redirect); the last page. */
export async function install(
  base: string,
  workspaces: FakeWorkspaces,
  teamId: string,
  redirectBase = base,
): Promise<Page> {
  const page = await openInstallPage(base);
  const back = workspaces.approve(page.authorizeUrl, teamId);
  const url = new URL(back);
  return followRedirect(`${redirectBase}${url.pathname}${url.search}`, page.stateCookie);
}
