/** The installation store against a real PostgreSQL: keys, Grid installs, the cache, key rotation. */
import type { Installation } from "@slack/bolt";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NotInstalledError, PostgresInstallationStore } from "../../src/store/installations.ts";
import { PostgresStore } from "../../src/store/postgres.ts";
import { TokenCipher } from "../../src/store/token-cipher.ts";
import { type PostgresServer, startPostgres } from "../support/postgres.ts";

const KEY_OLD = Buffer.alloc(32, 3);
const KEY_NEW = Buffer.alloc(32, 4);

let server: PostgresServer;
let pool: pg.Pool;
let now = Date.parse("2026-03-01T12:00:00Z");

beforeAll(async () => {
  server = await startPostgres();
  const url = await server.createDatabase("installations");
  const store = new PostgresStore({ connectionString: url });
  await store.migrate();
  await store.close();
  pool = new pg.Pool({ connectionString: url, max: 4 });
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await server?.close();
});

beforeEach(async () => {
  now = Date.parse("2026-03-01T12:00:00Z");
  await pool.query("TRUNCATE compbot_installations");
});

function team(id: string, token: string, enterprise?: string): Installation<"v2", false> {
  return {
    team: { id, name: `Team ${id}` },
    enterprise: enterprise !== undefined ? { id: enterprise, name: "Org" } : undefined,
    user: { id: "U0ADMIN", token: undefined, scopes: undefined },
    bot: { token, id: `B${id}`, userId: `U${id}`, scopes: ["commands", "chat:write"] },
    appId: "A0COMPBOT",
    tokenType: "bot",
    isEnterpriseInstall: false,
    authVersion: "v2",
  };
}

function org(enterprise: string, token: string): Installation<"v2", true> {
  return {
    team: undefined,
    enterprise: { id: enterprise, name: "Org" },
    user: { id: "U0ADMIN", token: undefined, scopes: undefined },
    bot: { token, id: "B0ORG", userId: "U0ORG", scopes: ["commands"] },
    appId: "A0COMPBOT",
    tokenType: "bot",
    isEnterpriseInstall: true,
    enterpriseUrl: "https://org.enterprise.slack.com/",
    authVersion: "v2",
  };
}

const storeWith = (cipher: TokenCipher, cacheTtlMs = 30_000) =>
  new PostgresInstallationStore(pool, cipher, { now: () => now, cacheTtlMs });

describe("PostgresInstallationStore", () => {
  it("team installs by team id (in a Grid workspace too), org-wide installs by enterprise id", async () => {
    const store = storeWith(new TokenCipher(KEY_NEW));
    await store.storeInstallation(team("T1", "xoxb-t1"));
    await store.storeInstallation(team("T2", "xoxb-t2", "E9"));
    await store.storeInstallation(org("E1", "xoxb-e1"));
    const t1 = await store.fetchInstallation({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(t1.bot).toEqual({
      token: "xoxb-t1",
      id: "BT1",
      userId: "UT1",
      scopes: ["commands", "chat:write"],
    });
    expect(t1.team).toEqual({ id: "T1", name: "Team T1" });
    expect(t1.user.id).toBe("U0ADMIN");
    const t2 = await store.fetchInstallation({
      teamId: "T2",
      enterpriseId: "E9",
      isEnterpriseInstall: false,
    });
    expect(t2.bot?.token).toBe("xoxb-t2");
    expect(t2.enterprise).toEqual({ id: "E9", name: "Org" });
    // Any workspace of the org: the org's installation.
    const e1 = await store.fetchInstallation({
      teamId: "T77",
      enterpriseId: "E1",
      isEnterpriseInstall: true,
    });
    expect(e1.bot?.token).toBe("xoxb-e1");
    expect(e1.isEnterpriseInstall).toBe(true);
    expect(e1.enterpriseUrl).toBe("https://org.enterprise.slack.com/");
    await expect(
      store.fetchInstallation({ teamId: "T3", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(NotInstalledError);
    await expect(
      store.fetchInstallation({ teamId: "T77", enterpriseId: "E1", isEnterpriseInstall: false }),
    ).rejects.toThrow(/not installed in workspace T77/);
  });

  it("installing again replaces the token and keeps installed_at", async () => {
    const store = storeWith(new TokenCipher(KEY_NEW), 0);
    await store.storeInstallation(team("T1", "xoxb-first"));
    now += 60_000;
    await store.storeInstallation(team("T1", "xoxb-second"));
    const q = { teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect((await store.fetchInstallation(q)).bot?.token).toBe("xoxb-second");
    const row = (await pool.query("SELECT installed_at, updated_at FROM compbot_installations")).rows[0];
    expect(row.installed_at.toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(row.updated_at.toISOString()).toBe("2026-03-01T12:01:00.000Z");
  });

  it("caches a fetch for its TTL (the database is not read again), then reads again; delete drops it at once", async () => {
    const store = storeWith(new TokenCipher(KEY_NEW), 30_000);
    const q = { teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false } as const;
    await store.storeInstallation(team("T1", "xoxb-t1"));
    await store.fetchInstallation(q);
    // Gone from the database behind the store's back: still served from the cache within 30 s...
    await pool.query("DELETE FROM compbot_installations");
    now += 29_000;
    expect((await store.fetchInstallation(q)).bot?.token).toBe("xoxb-t1");
    // ...not after.
    now += 1_000;
    await expect(store.fetchInstallation(q)).rejects.toThrow(NotInstalledError);
    // deleteInstallation invalidates the cache immediately.
    await store.storeInstallation(team("T1", "xoxb-t1"));
    await store.fetchInstallation(q);
    await store.deleteInstallation(q);
    await expect(store.fetchInstallation(q)).rejects.toThrow(NotInstalledError);
    expect(() => storeWith(new TokenCipher(KEY_NEW), 60_001)).toThrow(/0 to 60000 ms/);
  });

  it("rotation: a row sealed with the previous key is read and sealed again under the new one", async () => {
    await storeWith(new TokenCipher(KEY_OLD)).storeInstallation(team("T1", "xoxb-t1"));
    await storeWith(new TokenCipher(KEY_OLD)).storeInstallation(team("T2", "xoxb-t2"));
    const keyIds = async () =>
      (await pool.query("SELECT id, key_id FROM compbot_installations ORDER BY id")).rows.map((r) => [
        r.id,
        r.key_id,
      ]);
    const oldId = new TokenCipher(KEY_OLD).keyId;
    const newId = new TokenCipher(KEY_NEW).keyId;
    expect(await keyIds()).toEqual([
      ["T1", oldId],
      ["T2", oldId],
    ]);
    // Without the previous key the old rows cannot be opened (a clear error, never a token).
    await expect(
      storeWith(new TokenCipher(KEY_NEW)).fetchInstallation({
        teamId: "T1",
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      }),
    ).rejects.toThrow(/neither INSTALL_ENCRYPTION_KEY/);
    const rotated = storeWith(new TokenCipher(KEY_NEW, KEY_OLD));
    const t1 = await rotated.fetchInstallation({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(t1.bot?.token).toBe("xoxb-t1");
    expect(await keyIds()).toEqual([
      ["T1", newId],
      ["T2", oldId],
    ]);
    expect(await rotated.rekey()).toEqual({ rekeyed: 1, remaining: 0 });
    // Now the new key alone opens everything.
    const only = storeWith(new TokenCipher(KEY_NEW));
    expect(
      (await only.fetchInstallation({ teamId: "T2", enterpriseId: undefined, isEnterpriseInstall: false }))
        .bot?.token,
    ).toBe("xoxb-t2");
  });
});
