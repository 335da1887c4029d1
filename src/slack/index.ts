/**
 * CompBot's Slack surface. Typical use (run.ts):
 *
 *   const config = loadConfig();                 // throws ConfigError: print error.message, exit 2
 *   if (config.mode === "console") { ...local shell... }
 *   else {
 *     const { bot } = await loadCompBot(config.guidesDir);
 *     const slack = createSlackApp({ config, bot });
 *     await slack.start();                       // rejects with one clear line if Slack refuses a token
 *   }
 */
export {
  type CreateSlackAppOptions,
  createSlackApp,
  EVENTS_PATH,
  HEALTH_PATH,
  type SlackApp,
} from "./app.ts";
export {
  type Config,
  ConfigError,
  type ConsoleConfig,
  type HttpConfig,
  loadConfig,
  resolveMode,
  type SlackConfig,
  type SocketConfig,
  secretsOf,
} from "./config.ts";
export { createLineLogger } from "./log.ts";
