/**
 * Child process of the benchmark: load the guides, answer one question, print one JSON line, exit.
 * `node --import tsx bench/entry.ts <guidesDir> <cacheDir|off> <question>`
 */

import { CompBot } from "../src/bot.ts";
import { loadGuides } from "../src/guides/load.ts";
import { SearchIndex } from "../src/search/index.ts";

const [dir, cacheArg, question] = process.argv.slice(2);
const t0 = performance.now();
const loaded = await loadGuides(dir!, { today: "2026-03-01", cache: cacheArg === "off" ? false : cacheArg! });
const t1 = performance.now();
const bot = new CompBot(new SearchIndex(loaded.guides), () => "2026-03-01");
const t2 = performance.now();
const reply = bot.ask(question!, { surface: "slash" });
const t3 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    answer: reply.answer.kind,
    guides: loaded.guides.length,
    loadMs: Math.round(t1 - t0),
    indexMs: Math.round(t2 - t1),
    askMs: +(t3 - t2).toFixed(2),
    sinceProcessStartMs: Math.round(performance.timeOrigin + t3 - (Date.now() - process.uptime() * 1000)),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    cache: loaded.cache ? loaded.cache.status : "off",
    timings: loaded.timings,
  })}\n`,
);
