/**
 * The parts of Bolt that CompBot runs, loaded from the Bolt modules that define them rather than from the
 * package's index. The index also loads ExpressReceiver (Express and 56 other packages under it) and
 * AwsLambdaReceiver, neither of which CompBot uses, on every start. Types still come from "@slack/bolt"
 * (`import type` is erased at build).
 *
 * These paths are Bolt's own files, not a documented entry point: @slack/bolt is pinned to one version
 * (package.json), and bolt.test.ts checks that each value here is the very one the index exports, so an
 * upgrade that moves or renames one fails there first.
 */
import { createRequire } from "node:module";

// Bolt's files are CommonJS compiled from TypeScript, a class being its module's `default`. They are required
// rather than imported: what an ES `import` of such a file gives differs between Node (the whole module) and
// Vite, which runs the tests (its `default`).
const require = createRequire(import.meta.url);
const AppModule = require("@slack/bolt/dist/App.js") as typeof import("@slack/bolt/dist/App.js");
const errors = require("@slack/bolt/dist/errors.js") as typeof import("@slack/bolt/dist/errors.js");
const HTTPReceiverModule =
  require("@slack/bolt/dist/receivers/HTTPReceiver.js") as typeof import("@slack/bolt/dist/receivers/HTTPReceiver.js");
const SocketModeReceiverModule =
  require("@slack/bolt/dist/receivers/SocketModeReceiver.js") as typeof import("@slack/bolt/dist/receivers/SocketModeReceiver.js");

export const App = AppModule.default;
export type App = InstanceType<typeof App>;
export const HTTPReceiver = HTTPReceiverModule.default;
export type HTTPReceiver = InstanceType<typeof HTTPReceiver>;
export const SocketModeReceiver = SocketModeReceiverModule.default;
export type SocketModeReceiver = InstanceType<typeof SocketModeReceiver>;
export const ErrorCode = errors.ErrorCode;
export type ErrorCode = import("@slack/bolt").ErrorCode;
export const LogLevel = AppModule.LogLevel;
export type LogLevel = import("@slack/bolt").LogLevel;
