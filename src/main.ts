/**
 * Entry point (`npm start`, `npm run dev`, `node dist/main.js`). Starts listing and stat'ing the guide files
 * on a helper thread (guides/early-read.ts), then runs the start sequence (run.ts): config, guides, then Slack
 * or the local console.
 *
 * run.ts is imported only once early-read.ts has run. An ES module's whole static graph is loaded and linked
 * before any of it runs, so with run.ts imported statically the helper started after every module of the app
 * and of its libraries had been read and parsed: 0.26–0.34 s after the process started, against 0.12–0.21 s
 * this way, on a 2-core machine (README, Performance).
 */
import "./guides/early-read.ts";

await import("./run.ts");
