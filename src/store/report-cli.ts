/**
 * `npm run report -- unanswered [--limit N]`: the questions no guide answered, most asked first, for guide authors.
 * Reads DATABASE_URL (environment or .env); without it there is nothing shared to report, and it says so.
 */
import { config as loadDotenv } from "dotenv";
import { ConfigError, databaseSecrets, databaseUrlFrom } from "../slack/config.ts";
import { PostgresStore } from "./postgres.ts";
import type { UnansweredRow } from "./types.ts";

export const DEFAULT_LIMIT = 50;
const USAGE = "usage: npm run report -- unanswered [--limit N]   (N from 1 to 1000, default 50)";

/** The report as lines of text. */
export function formatUnanswered(rows: readonly UnansweredRow[], limit: number): string {
  if (rows.length === 0) return "No unanswered questions recorded in the last 90 days.\n";
  const width = Math.max(5, ...rows.map((r) => String(r.count).length));
  const lines = [
    `Top ${Math.min(limit, rows.length)} unanswered questions of the last 90 days (normalised words, most asked first):`,
    "",
    `${"asked".padStart(width)}  last asked  words`,
    ...rows.map(
      (r) => `${String(r.count).padStart(width)}  ${r.lastAsked.toISOString().slice(0, 10)}  ${r.text}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

function parseArgs(args: string[]): { limit: number } | string {
  if (args[0] !== "unanswered") return USAGE;
  let limit = DEFAULT_LIMIT;
  for (let i = 1; i < args.length; i++) {
    if (args[i] === "--limit" && /^\d+$/.test(args[i + 1] ?? "")) {
      limit = Number(args[++i]);
      if (limit < 1 || limit > 1000) return USAGE;
    } else {
      return USAGE;
    }
  }
  return { limit };
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === "string") {
    process.stderr.write(`${parsed}\n`);
    return 2;
  }
  loadDotenv({ quiet: true });
  let url: string | undefined;
  try {
    url = databaseUrlFrom(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`compbot report: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (url === undefined) {
    process.stderr.write(
      "compbot report: no database. DATABASE_URL is not set, so each CompBot keeps unanswered questions in its own " +
        "memory only and there is nothing to report. Set DATABASE_URL (environment or .env) to the PostgreSQL " +
        "database your CompBot replicas use, then run this again.\n",
    );
    return 1;
  }
  const store = new PostgresStore({ connectionString: url, poolSize: 1 });
  try {
    await store.migrate();
    process.stdout.write(formatUnanswered(await store.topUnanswered(parsed.limit), parsed.limit));
    return 0;
  } catch (error) {
    let message = error instanceof Error ? error.message : String(error);
    for (const secret of databaseSecrets(url)) message = message.split(secret).join("[redacted]");
    process.stderr.write(`compbot report: could not read the database: ${message}\n`);
    return 1;
  } finally {
    await store.close().catch(() => undefined);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compbot report: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
