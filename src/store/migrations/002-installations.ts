/**
 * OAuth mode: one row per installation of CompBot (a workspace, or an Enterprise Grid organisation for an
 * org-wide install). The tokens are sealed (AES-256-GCM, src/slack/oauth/cipher.ts): the `tokens` column never
 * holds a token in plain text. `key_id` says which key sealed them, for rotation.
 */
import type { Migration } from "../migrate.ts";

export const installations: Migration = {
  version: 2,
  name: "installations (OAuth), tokens sealed",
  sql: `
    CREATE TABLE compbot_installations (
      id text PRIMARY KEY,
      is_enterprise_install boolean NOT NULL,
      enterprise_id text,
      enterprise_name text,
      enterprise_url text,
      team_id text,
      team_name text,
      app_id text,
      bot_id text NOT NULL,
      bot_user_id text NOT NULL,
      bot_scopes text[] NOT NULL,
      installer_user_id text NOT NULL,
      user_scopes text[],
      tokens text NOT NULL,
      key_id text NOT NULL,
      installed_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (is_enterprise_install = (id = enterprise_id)),
      CHECK (is_enterprise_install OR id = team_id)
    );
    CREATE INDEX compbot_installations_key_id ON compbot_installations (key_id);
  `,
};
