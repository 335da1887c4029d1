/**
 * The real process (`node --import tsx src/main.ts`) in OAuth mode: a missing or impossible variable stops it with
 * one line and exit code 2; with everything set (a real PostgreSQL, the fake Slack) it starts, migrates, serves the
 * install page, and `npm run installations:rekey` seals the installations again after a key rotation.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CompBotProcess, REPO_ROOT, spawnCompBot } from "../support/compbot-process.ts";
import type { FakeSlack } from "../support/fake-slack.ts";
import type { FakeWorkspaces } from "../support/fake-slack-workspaces.ts";
import {
  ACME,
  CLIENT_ID,
  CLIENT_SECRET,
  freePort,
  INSTALL_KEY,
  install,
  STATE_SECRET,
  startFakeSlackWorkspaces,
} from "../support/oauth-harness.ts";
import { type PostgresServer, startPostgres } from "../support/postgres.ts";
import { TEST_SIGNING_SECRET } from "../support/signing.ts";

const OAUTH = {
  SLACK_CLIENT_ID: CLIENT_ID,
  SLACK_CLIENT_SECRET: CLIENT_SECRET,
  SLACK_STATE_SECRET: STATE_SECRET,
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  INSTALL_ENCRYPTION_KEY: INSTALL_KEY,
};

describe("OAuth mode configuration errors", () => {
  it.each([
    ["DATABASE_URL", { ...OAUTH }],
    ["SLACK_APP_TOKEN", { ...OAUTH, DATABASE_URL: "postgres://db/x", SLACK_APP_TOKEN: "xapp-test-SEKRET" }],
    [
      "INSTALL_ENCRYPTION_KEY",
      { ...OAUTH, DATABASE_URL: "postgres://db/x", INSTALL_ENCRYPTION_KEY: "SEKRETshort" },
    ],
  ])("%s: one line naming it, exit code 2, no secret", async (variable, env) => {
    const p = spawnCompBot(env);
    expect(await p.exitWithin(15_000)).toBe(2);
    const lines = p.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^compbot: ${variable} `));
    for (const secret of [CLIENT_SECRET, STATE_SECRET, TEST_SIGNING_SECRET, INSTALL_KEY, "SEKRET"]) {
      expect(p.stderr).not.toContain(secret);
    }
  });
});

describe("OAuth mode process", () => {
  let server: PostgresServer;
  let fake: FakeSlack;
  let workspaces: FakeWorkspaces;
  let app: Awaited<ReturnType<typeof startFakeSlackWorkspaces>>["app"];
  let databaseUrl: string;
  let p: CompBotProcess | undefined;

  beforeAll(async () => {
    server = await startPostgres();
    databaseUrl = await server.createDatabase("oauth_process");
    ({ fake, workspaces, app } = await startFakeSlackWorkspaces());
  }, 60_000);

  afterAll(async () => {
    p?.kill();
    await fake?.close();
    await server?.close();
  });

  it("starts, serves the install page, installs a workspace, and exits 0 on SIGTERM; rekey after a rotation", async () => {
    const port = await freePort();
    app.redirectUrls.push(`http://127.0.0.1:${port}/slack/oauth_redirect`);
    const env = {
      ...OAUTH,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SLACK_API_URL: fake.apiUrl,
      GUIDES_DIR: "guides",
    };
    p = spawnCompBot({ ...env, LOG_LEVEL: "debug" });
    await p.waitFor(
      /CompBot is listening for Slack on port \d+ \(OAuth mode: any workspace can install it from \/slack\/install/,
      30_000,
    );
    const base = `http://127.0.0.1:${port}`;
    const page = await install(base, workspaces, ACME.teamId);
    expect(page.status).toBe(200);
    await p.waitFor(/CompBot was installed in workspace T0ACME by U0ACMEADMIN/);
    p.child.kill("SIGTERM");
    expect(await p.exitWithin(5_000)).toBe(0);
    const output = p.stdout + p.stderr;
    for (const secret of [
      CLIENT_SECRET,
      STATE_SECRET,
      TEST_SIGNING_SECRET,
      INSTALL_KEY,
      ...workspaces.issuedTokens,
    ]) {
      expect(output).not.toContain(secret);
    }

    // Rotate: the old key becomes the previous one, a new key seals.
    const newKey = Buffer.alloc(32, 6).toString("base64");
    const rekey = spawnSync(process.execPath, ["--import", "tsx", "src/store/rekey-cli.ts"], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...env,
        INSTALL_ENCRYPTION_KEY: newKey,
        INSTALL_ENCRYPTION_KEY_PREVIOUS: INSTALL_KEY,
      },
      encoding: "utf8",
    });
    expect(rekey.stderr).toBe("");
    expect(rekey.stdout).toMatch(
      /^Sealed 1 installation\(s\) again under key [0-9a-f]{16}; 0 left under other keys\n$/,
    );
    expect(rekey.status).toBe(0);
  }, 60_000);
});
