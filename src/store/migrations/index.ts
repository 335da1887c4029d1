/**
 * Every schema migration, in order. To add one: a new file `NNN-what.ts` exporting a Migration with the next
 * version number, and one line in this list. Released migrations are never edited or renumbered.
 */
import type { Migration } from "../migrate.ts";
import { sharedState } from "./001-shared-state.ts";
import { installations } from "./002-installations.ts";

export const MIGRATIONS: readonly Migration[] = [sharedState, installations];
