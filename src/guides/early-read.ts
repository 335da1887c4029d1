/**
 * Imported first by main.ts, for what importing it does: starts the index cache's helper thread (scan.ts) on
 * the guides directory and cache file that the environment names, before the rest of the app's modules and
 * libraries load. Reading and checking the cache file (tens of MB at 50,000 guides) then overlaps that loading
 * (about 0.5 s on a 2-core machine) instead of following it. loadGuides takes the helper when its directory
 * and cache file are the ones being read; any other is stopped, and loading is as it would have been.
 * With COMPBOT_CACHE_DIR=off nothing is started.
 */
import { config as loadDotenv } from "dotenv";
import { guidesDirSetting } from "../settings.ts";
import { CACHE_PAYLOAD_AT, cacheFileFor, defaultCacheDir } from "./cache.ts";
import { startEarlyGuideRead } from "./scan.ts";

// As loadConfig will (real environment variables win): GUIDES_DIR and COMPBOT_CACHE_DIR may come from .env.
loadDotenv({ quiet: true });
const cacheDir = defaultCacheDir();
if (cacheDir) {
  const dir = guidesDirSetting(process.env);
  // main.ts loads with the default options (checkBody off).
  startEarlyGuideRead(dir, cacheFileFor(cacheDir, { dir, checkBody: false }), CACHE_PAYLOAD_AT);
}
