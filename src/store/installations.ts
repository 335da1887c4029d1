/**
 * OAuth mode's installation store for Bolt (storeInstallation, fetchInstallation, deleteInstallation), in
 * PostgreSQL (table compbot_installations, migration 002).
 *
 * - One row per installation: a workspace (keyed by its team id), or an Enterprise Grid organisation for an
 *   org-wide install (keyed by its enterprise id). Installing again replaces the row and keeps `installed_at`.
 * - The tokens (bot token, and a user token or refresh tokens if Slack ever gives any) are sealed together with
 *   AES-256-GCM (token-cipher.ts), bound to the row's id; `key_id` names the key. A row sealed under the previous
 *   key is sealed again under the current one when it is read, or by `rekey()` (npm run installations:rekey).
 * - A short in-process cache (at most 60 s) answers repeated fetches without the database; deleting an
 *   installation drops it from this process's cache (another replica's copy lives until its entry expires; the
 *   token is revoked by Slack anyway).
 */
import type { Installation, InstallationQuery, InstallationStore, Logger } from "@slack/bolt";
import type pg from "pg";
import { z } from "../runtime/zod.ts";
import { OAUTH_INSTALL_PATH } from "../slack/config.ts";
import type { TokenCipher } from "./token-cipher.ts";

/** Longest a cached installation is served without reading the database again. */
export const MAX_CACHE_TTL_MS = 60_000;
export const DEFAULT_CACHE_TTL_MS = 30_000;
/** Installations cached at most (the least recently fetched are dropped first). */
export const CACHE_CAPACITY = 10_000;

/** No installation for the request's workspace. The message names it (never a token). */
export class NotInstalledError extends Error {
  override readonly name = "NotInstalledError";
}

/** The sealed part of a row. */
const Tokens = z.object({
  bot: z.string().min(1),
  botRefresh: z.string().optional(),
  botExpiresAt: z.number().optional(),
  user: z.string().optional(),
  userRefresh: z.string().optional(),
  userExpiresAt: z.number().optional(),
});
type Tokens = z.infer<typeof Tokens>;

interface Row {
  id: string;
  is_enterprise_install: boolean;
  enterprise_id: string | null;
  enterprise_name: string | null;
  enterprise_url: string | null;
  team_id: string | null;
  team_name: string | null;
  app_id: string | null;
  bot_id: string;
  bot_user_id: string;
  bot_scopes: string[];
  installer_user_id: string;
  user_scopes: string[] | null;
  tokens: string;
  key_id: string;
  installed_at: Date;
}

export interface InstallationStoreOptions {
  cacheTtlMs?: number;
  now?: () => number;
  logger?: Logger;
}

/** The row id for a query or an installation: the enterprise for an org-wide install, else the workspace. */
export function installationId(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string | undefined {
  if (query.isEnterpriseInstall === true) return query.enterpriseId;
  return query.teamId;
}

function describeQuery(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall
    ? `organisation ${query.enterpriseId ?? "?"}`
    : `workspace ${query.teamId ?? "?"}`;
}

export class PostgresInstallationStore implements InstallationStore {
  private readonly cache = new Map<string, { installation: Installation; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly logger: Logger | undefined;
  /** Bumped by every store and delete: a fetch that raced one does not cache what it read. */
  private epoch = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly cipher: TokenCipher,
    options: InstallationStoreOptions = {},
  ) {
    const ttl = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    if (!(ttl >= 0 && ttl <= MAX_CACHE_TTL_MS)) {
      throw new RangeError(`the installation cache keeps entries 0 to ${MAX_CACHE_TTL_MS} ms, not ${ttl}`);
    }
    this.ttlMs = ttl;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
  }

  /** Installations in this process's cache (fresh or not yet evicted). */
  get cacheSize(): number {
    return this.cache.size;
  }

  async storeInstallation<AuthVersion extends "v1" | "v2">(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    const id = installationId({
      isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    if (id === undefined) throw new Error("the installation names neither a workspace nor an organisation");
    const bot = installation.bot;
    if (bot === undefined)
      throw new Error(`the installation of ${id} has no bot token (CompBot needs its bot user)`);
    const tokens: Tokens = { bot: bot.token };
    if (bot.refreshToken !== undefined) tokens.botRefresh = bot.refreshToken;
    if (bot.expiresAt !== undefined) tokens.botExpiresAt = bot.expiresAt;
    if (installation.user.token !== undefined) tokens.user = installation.user.token;
    if (installation.user.refreshToken !== undefined) tokens.userRefresh = installation.user.refreshToken;
    if (installation.user.expiresAt !== undefined) tokens.userExpiresAt = installation.user.expiresAt;
    const at = new Date(this.now());
    await this.pool.query(
      `INSERT INTO compbot_installations (id, is_enterprise_install, enterprise_id, enterprise_name, enterprise_url,
         team_id, team_name, app_id, bot_id, bot_user_id, bot_scopes, installer_user_id, user_scopes, tokens, key_id,
         installed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
       ON CONFLICT (id) DO UPDATE SET
         is_enterprise_install = EXCLUDED.is_enterprise_install, enterprise_id = EXCLUDED.enterprise_id,
         enterprise_name = EXCLUDED.enterprise_name, enterprise_url = EXCLUDED.enterprise_url,
         team_id = EXCLUDED.team_id, team_name = EXCLUDED.team_name, app_id = EXCLUDED.app_id,
         bot_id = EXCLUDED.bot_id, bot_user_id = EXCLUDED.bot_user_id, bot_scopes = EXCLUDED.bot_scopes,
         installer_user_id = EXCLUDED.installer_user_id, user_scopes = EXCLUDED.user_scopes,
         tokens = EXCLUDED.tokens, key_id = EXCLUDED.key_id, updated_at = EXCLUDED.updated_at`,
      [
        id,
        isEnterpriseInstall,
        installation.enterprise?.id ?? null,
        installation.enterprise?.name ?? null,
        installation.enterpriseUrl ?? null,
        isEnterpriseInstall ? null : (installation.team?.id ?? null),
        isEnterpriseInstall ? null : (installation.team?.name ?? null),
        installation.appId ?? null,
        bot.id,
        bot.userId,
        bot.scopes,
        installation.user.id,
        installation.user.scopes ?? null,
        this.cipher.seal(JSON.stringify(tokens), id),
        this.cipher.keyId,
        at,
      ],
    );
    this.epoch++;
    this.cache.delete(id);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
    const id = installationId(query);
    if (id === undefined)
      throw new NotInstalledError(`the request names no workspace (${describeQuery(query)})`);
    const now = this.now();
    const cached = this.cache.get(id);
    if (cached !== undefined && cached.expiresAt > now) return cached.installation;
    this.cache.delete(id);
    const epoch = this.epoch;
    const result = await this.pool.query<Row>("SELECT * FROM compbot_installations WHERE id = $1", [id]);
    const row = result.rows[0];
    if (row === undefined) {
      throw new NotInstalledError(
        `CompBot is not installed in ${describeQuery(query)} (never installed from ${OAUTH_INSTALL_PATH}, or removed)`,
      );
    }
    const installation = await this.fromRow(row);
    if (this.ttlMs > 0 && epoch === this.epoch) {
      this.cache.set(id, { installation, expiresAt: now + this.ttlMs });
      if (this.cache.size > CACHE_CAPACITY) {
        const oldest = this.cache.keys().next();
        if (!oldest.done) this.cache.delete(oldest.value);
      }
    }
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = installationId(query);
    if (id === undefined) return;
    this.epoch++;
    this.cache.delete(id);
    await this.pool.query("DELETE FROM compbot_installations WHERE id = $1", [id]);
    this.epoch++;
    this.cache.delete(id);
  }

  /** Seal every row not sealed under the current key again; returns how many, and how many are left. */
  async rekey(): Promise<{ rekeyed: number; remaining: number }> {
    const stale = await this.pool.query<Pick<Row, "id" | "tokens">>(
      "SELECT id, tokens FROM compbot_installations WHERE key_id <> $1",
      [this.cipher.keyId],
    );
    let rekeyed = 0;
    for (const row of stale.rows) {
      const opened = this.cipher.open(row.tokens, row.id);
      if (await this.reseal(row.id, row.tokens, opened.plain)) rekeyed++;
    }
    const left = await this.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM compbot_installations WHERE key_id <> $1",
      [this.cipher.keyId],
    );
    return { rekeyed, remaining: Number(left.rows[0]?.n ?? 0) };
  }

  /** Replace a row's sealed tokens, unless someone changed them meanwhile (a new install). */
  private async reseal(id: string, was: string, plain: string): Promise<boolean> {
    const result = await this.pool.query(
      "UPDATE compbot_installations SET tokens = $1, key_id = $2 WHERE id = $3 AND tokens = $4",
      [this.cipher.seal(plain, id), this.cipher.keyId, id, was],
    );
    return result.rowCount === 1;
  }

  private async fromRow(row: Row): Promise<Installation<"v2", boolean>> {
    const opened = this.cipher.open(row.tokens, row.id);
    const tokens = Tokens.parse(JSON.parse(opened.plain));
    if (opened.stale) {
      // Sealed under INSTALL_ENCRYPTION_KEY_PREVIOUS: seal it under the current key now (best effort).
      await this.reseal(row.id, row.tokens, opened.plain).catch((error: unknown) => {
        this.logger?.warn(
          `Could not re-seal the installation of ${row.id} under the current key: ${String(error)}`,
        );
      });
    }
    const installation: Installation<"v2", boolean> = {
      team: row.is_enterprise_install
        ? undefined
        : { id: row.team_id ?? row.id, ...(row.team_name ? { name: row.team_name } : {}) },
      enterprise:
        row.enterprise_id !== null
          ? { id: row.enterprise_id, ...(row.enterprise_name ? { name: row.enterprise_name } : {}) }
          : undefined,
      user: {
        id: row.installer_user_id,
        token: tokens.user,
        scopes: row.user_scopes ?? undefined,
        ...(tokens.userRefresh !== undefined ? { refreshToken: tokens.userRefresh } : {}),
        ...(tokens.userExpiresAt !== undefined ? { expiresAt: tokens.userExpiresAt } : {}),
      },
      bot: {
        token: tokens.bot,
        id: row.bot_id,
        userId: row.bot_user_id,
        scopes: row.bot_scopes,
        ...(tokens.botRefresh !== undefined ? { refreshToken: tokens.botRefresh } : {}),
        ...(tokens.botExpiresAt !== undefined ? { expiresAt: tokens.botExpiresAt } : {}),
      },
      tokenType: "bot",
      isEnterpriseInstall: row.is_enterprise_install,
      authVersion: "v2",
      ...(row.app_id !== null ? { appId: row.app_id } : {}),
      ...(row.enterprise_url !== null ? { enterpriseUrl: row.enterprise_url } : {}),
    };
    return installation;
  }

  /** When this installation was first made (for tests and operators). */
  async installedAt(query: InstallationQuery<boolean>): Promise<Date | undefined> {
    const id = installationId(query);
    if (id === undefined) return undefined;
    const result = await this.pool.query<{ installed_at: Date }>(
      "SELECT installed_at FROM compbot_installations WHERE id = $1",
      [id],
    );
    return result.rows[0]?.installed_at;
  }
}
