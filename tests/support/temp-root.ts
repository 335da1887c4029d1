/**
 * Vitest global setup: one temp folder per test run, as TMPDIR of the test processes and of every process they
 * start, removed when the run ends. Tests make hundreds of guide folders, caches and env files with
 * mkdtemp(os.tmpdir()), and not all of them remove theirs (1,704 guide folders were left in /tmp here).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "compbot-test-run-"));
  // Open to other users, as /tmp is (mkdtemp makes it 0700): run as root, the PostgreSQL tests start initdb and
  // postgres as the `postgres` user, in folders of their own under it, with it as their working directory.
  chmodSync(root, 0o755);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
