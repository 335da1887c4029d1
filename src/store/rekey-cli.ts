/**
 * `npm run installations:rekey`: seal every installation's tokens again under INSTALL_ENCRYPTION_KEY (rows sealed
 * under INSTALL_ENCRYPTION_KEY_PREVIOUS are opened with it). Run it after rotating the key; once it reports 0 left,
 * INSTALL_ENCRYPTION_KEY_PREVIOUS can be removed. Reads the same environment (and .env) as CompBot in OAuth mode.
 * Exit codes: 0 done, 1 failed (one line), 2 configuration.
 */
import { ConfigError, loadConfig } from "../slack/config.ts";
import { cipherFor } from "../slack/oauth/index.ts";
import { PostgresInstallationStore } from "./installations.ts";
import { PostgresStore } from "./postgres.ts";

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`installations:rekey: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.mode !== "oauth") {
    process.stderr.write(
      "installations:rekey: OAuth mode is not configured (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, DATABASE_URL, INSTALL_ENCRYPTION_KEY)\n",
    );
    return 2;
  }
  const store = new PostgresStore({ connectionString: config.databaseUrl });
  try {
    await store.migrate();
    const cipher = cipherFor(config);
    const { rekeyed, remaining } = await new PostgresInstallationStore(store.pool, cipher).rekey();
    process.stdout.write(
      `Sealed ${rekeyed} installation(s) again under key ${cipher.keyId}; ${remaining} left under other keys\n`,
    );
    return remaining === 0 ? 0 : 1;
  } catch (error) {
    process.stderr.write(`installations:rekey: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`installations:rekey: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
