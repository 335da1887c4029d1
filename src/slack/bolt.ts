/**
 * The parts of Bolt that CompBot runs, loaded from the Bolt modules that define them rather than from the
 * package's index. The index also loads ExpressReceiver (Express and 56 other packages under it) and
 * AwsLambdaReceiver, neither of which CompBot uses, on every start. Types still come from "@slack/bolt"
 * (`import type` is erased at build).
 *
 * These paths are Bolt's own files, not a documented entry point: @slack/bolt is pinned to one version
 * (package.json), and bolt.test.ts checks that each value here is the very one the index exports, so an
 * upgrade that moves or renames one fails there first.
 *
 * Two of Bolt's dependencies are required by its files whatever the app runs, and are left unloaded until
 * something reads them (runtime/require-on-use.ts): @slack/socket-mode (with undici under it: about 300
 * modules, which Bolt's App.js loads through its SocketModeReceiver) and @slack/oauth (InstallProvider, with
 * jsonwebtoken and semver under it). An HTTP start for one workspace uses neither; Socket Mode and OAuth
 * load them as they start, when they read them.
 */
import { createRequire } from "node:module";
import { requireOnUse } from "../runtime/require-on-use.ts";

// Bolt's files are CommonJS compiled from TypeScript, a class being its module's `default`. They are required
// rather than imported: what an ES `import` of such a file gives differs between Node (the whole module) and
// Vite, which runs the tests (its `default`).
const require = createRequire(import.meta.url);

// Resolved from Bolt's own files, which are the ones that require them.
const boltRequire = createRequire(require.resolve("@slack/bolt/dist/App.js"));
const SOCKET_MODE_RECEIVER = boltRequire.resolve("./receivers/SocketModeReceiver.js");
requireOnUse(SOCKET_MODE_RECEIVER);
requireOnUse(boltRequire.resolve("@slack/oauth"));

const AppModule = require("@slack/bolt/dist/App.js") as typeof import("@slack/bolt/dist/App.js");
const errors = require("@slack/bolt/dist/errors.js") as typeof import("@slack/bolt/dist/errors.js");
const HTTPReceiverModule =
  require("@slack/bolt/dist/receivers/HTTPReceiver.js") as typeof import("@slack/bolt/dist/receivers/HTTPReceiver.js");

export const App = AppModule.default;
export type App = InstanceType<typeof App>;
export const HTTPReceiver = HTTPReceiverModule.default;
export type HTTPReceiver = InstanceType<typeof HTTPReceiver>;
/** Bolt's SocketModeReceiver, loaded (with @slack/socket-mode and undici) on the first call. */
export function socketModeReceiver(): typeof import("@slack/bolt/dist/receivers/SocketModeReceiver.js").default {
  return (require(SOCKET_MODE_RECEIVER) as typeof import("@slack/bolt/dist/receivers/SocketModeReceiver.js"))
    .default;
}
export type SocketModeReceiver = InstanceType<ReturnType<typeof socketModeReceiver>>;
export const ErrorCode = errors.ErrorCode;
export type ErrorCode = import("@slack/bolt").ErrorCode;
export const LogLevel = AppModule.LogLevel;
export type LogLevel = import("@slack/bolt").LogLevel;
