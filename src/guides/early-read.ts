/**
 * Imported first by main.ts, for what importing it does: starts the index cache's helper thread (scan.ts) on
 * the guides directory that the environment names, before the rest of the app's modules and libraries load.
 * Listing and stat'ing the guide files (50,000 at most sizes we measure) then overlaps that loading (about
 * 0.5 s on a 2-core machine) and the cache's decode instead of following them. loadGuides takes the helper
 * when its directory is the one being read; any other is stopped, and loading is as it would have been.
 * With COMPBOT_CACHE_DIR=off nothing is started (only a start with the cache uses the scan).
 */
import { config as loadDotenv } from "dotenv";
import { guidesDirSetting } from "../settings.ts";
import { defaultCacheDir } from "./cache.ts";
import { startEarlyGuideRead } from "./scan.ts";

// As loadConfig will (real environment variables win): GUIDES_DIR and COMPBOT_CACHE_DIR may come from .env.
loadDotenv({ quiet: true });
if (defaultCacheDir()) startEarlyGuideRead(guidesDirSetting(process.env));
