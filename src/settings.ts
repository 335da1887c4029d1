/**
 * Settings that more than one part of CompBot reads from the environment, read without the validation
 * library, so that guides/early-read.ts can read them before the rest of the app loads. slack/config.ts
 * validates and reports on every variable; these are the same readings.
 */

/** The guides directory when GUIDES_DIR is not set. */
export const DEFAULT_GUIDES_DIR = "./guides";

/** GUIDES_DIR, trimmed; unset or blank: DEFAULT_GUIDES_DIR. */
export function guidesDirSetting(env: NodeJS.ProcessEnv): string {
  const dir = env.GUIDES_DIR?.trim();
  return dir ? dir : DEFAULT_GUIDES_DIR;
}
