/**
 * OAuth mode's pieces for createSlackApp: the installation store on the shared PostgreSQL pool (tokens sealed
 * with INSTALL_ENCRYPTION_KEY; INSTALL_ENCRYPTION_KEY_PREVIOUS still opens older rows) and the bot scopes from
 * manifest.yml.
 */
import type { Logger } from "@slack/bolt";
import type pg from "pg";
import { PostgresInstallationStore } from "../../store/installations.ts";
import { PostgresStore } from "../../store/postgres.ts";
import { ResilientStore } from "../../store/resilient.ts";
import { TokenCipher } from "../../store/token-cipher.ts";
import type { Store } from "../../store/types.ts";
import type { OAuthOptions } from "../app.ts";
import type { OAuthConfig } from "../config.ts";
import { botScopes } from "./scopes.ts";

/** The PostgreSQL pool behind the shared store (OAuth mode always has one: DATABASE_URL is required there). */
export function poolOf(store: Store): pg.Pool {
  if (store instanceof ResilientStore) return store.primary.pool;
  if (store instanceof PostgresStore) return store.pool;
  throw new Error(
    "OAuth mode keeps installations in PostgreSQL, but the store is in memory (is DATABASE_URL set?)",
  );
}

export function cipherFor(config: Pick<OAuthConfig, "encryptionKey" | "previousKey">): TokenCipher {
  return new TokenCipher(config.encryptionKey.bytes, config.previousKey?.bytes);
}

/** Throws ManifestError (one line) when manifest.yml has no usable bot scopes. */
export function oauthOptions(
  config: OAuthConfig,
  store: Store,
  logger: Logger,
  scopes = botScopes(),
): OAuthOptions {
  return {
    installationStore: new PostgresInstallationStore(poolOf(store), cipherFor(config), { logger }),
    scopes,
  };
}
