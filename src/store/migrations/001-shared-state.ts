/** Shared state of replicas: event dedupe, conversation context, unanswered questions. */
import type { Migration } from "../migrate.ts";

export const sharedState: Migration = {
  version: 1,
  name: "shared state: events, contexts, unanswered",
  sql: `
    CREATE TABLE compbot_events (
      event_id text PRIMARY KEY,
      claimed_at timestamptz NOT NULL
    );
    CREATE INDEX compbot_events_claimed_at ON compbot_events (claimed_at);

    CREATE TABLE compbot_contexts (
      key text PRIMARY KEY,
      context jsonb NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX compbot_contexts_updated_at ON compbot_contexts (updated_at);

    CREATE TABLE compbot_unanswered (
      text text PRIMARY KEY,
      count bigint NOT NULL,
      first_asked timestamptz NOT NULL,
      last_asked timestamptz NOT NULL
    );
    CREATE INDEX compbot_unanswered_last_asked ON compbot_unanswered (last_asked);
  `,
};
