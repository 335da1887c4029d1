/**
 * Many workspaces for the fake Slack, as an app distributed with OAuth sees them: Slack's authorize step (the user
 * picks a workspace and clicks Allow or Cancel), `oauth.v2.access` (checks client_id, client_secret, the code and
 * redirect_uri as Slack does, and returns a v2 payload for that workspace), `auth.test` per token, and a check on
 * every other method that the token belongs to the workspace it acts in (a channel or a user of another
 * workspace is `channel_not_found` / `user_not_found`; an unknown token `invalid_auth`; a token of an uninstalled
 * workspace `token_revoked`).
 *
 * Registered with `FakeSlack.start({ workspaces })`; `answer` returns undefined to let the fake's own handler
 * answer a call it has checked.
 */
import { randomBytes } from "node:crypto";
import type { Json } from "./fake-slack.ts";
import { nowSeconds, type SignedRequest, uniqueId } from "./signing.ts";

export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  /** Enterprise Grid: the org this workspace belongs to. */
  enterpriseId?: string;
  enterpriseName?: string;
  /** Installed org-wide (one installation for the whole enterprise; `team` is null in oauth.v2.access). */
  orgInstall?: boolean;
  botUserId: string;
  botId: string;
  /** The person who clicks "Allow". */
  installerUserId: string;
  /** Channels and users of this workspace (what its token may act on). */
  channels: string[];
  users: string[];
}

export interface FakeOAuthApp {
  appId: string;
  clientId: string;
  clientSecret: string;
  /** Redirect URLs registered in the app's settings (OAuth & Permissions). */
  redirectUrls: string[];
}

/** Slack's authorize URL (Bolt's default `authorizationUrl`). */
export const AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize";
/** Slack's authorization codes are short-lived (10 minutes) and work once. */
const CODE_TTL_MS = 10 * 60_000;

interface Grant {
  teamId: string;
  scopes: string[];
  /** The redirect_uri sent to the authorize page, if any: oauth.v2.access must send the same. */
  redirectUri: string | undefined;
  expiresAt: number;
  used: boolean;
}

interface Issued {
  workspace: FakeWorkspace;
  scopes: string[];
  revoked: boolean;
}

/** An `authorize` step that Slack refuses (bad client_id, redirect_uri, no scope...): the error Slack shows. */
export class AuthorizeRefused extends Error {}

export class FakeWorkspaces {
  private readonly workspaces = new Map<string, FakeWorkspace>();
  private readonly grants = new Map<string, Grant>();
  private readonly tokens = new Map<string, Issued>();
  /** DM channels conversations.open handed out, by channel id -> team id. */
  private readonly dms = new Map<string, string>();

  constructor(readonly app: FakeOAuthApp) {}

  add(...workspaces: FakeWorkspace[]): this {
    for (const w of workspaces) this.workspaces.set(w.teamId, w);
    return this;
  }

  get(teamId: string): FakeWorkspace {
    const w = this.workspaces.get(teamId);
    if (w === undefined) throw new Error(`fake Slack: no workspace ${teamId}`);
    return w;
  }

  /** The bot token currently valid for a workspace (undefined before install or after uninstall). */
  tokenOf(teamId: string): string | undefined {
    for (const [token, issued] of this.tokens) {
      if (issued.workspace.teamId === teamId && !issued.revoked) return token;
    }
    return undefined;
  }

  /** Every token ever issued (to look for them in a database dump). */
  get issuedTokens(): string[] {
    return [...this.tokens.keys()];
  }

  /**
   * The user opens `authorizeUrl` (from the app's install page), picks `teamId` and clicks Allow. Checks the URL
   * as Slack's authorize page does and returns where Slack sends the browser: the redirect URL with `code` and
   * `state`. Throws AuthorizeRefused when Slack would show an error page instead.
   */
  approve(authorizeUrl: string, teamId: string): string {
    const { redirect, state, scopes, redirectUri } = this.checkAuthorize(authorizeUrl);
    this.get(teamId);
    const code = `${Date.now()}.${randomBytes(12).toString("hex")}`;
    this.grants.set(code, { teamId, scopes, redirectUri, expiresAt: Date.now() + CODE_TTL_MS, used: false });
    const out = new URL(redirect);
    out.searchParams.set("code", code);
    if (state !== null) out.searchParams.set("state", state);
    return out.toString();
  }

  /** The user clicks Cancel: Slack redirects with `error=access_denied` and the state. */
  deny(authorizeUrl: string): string {
    const { redirect, state } = this.checkAuthorize(authorizeUrl);
    const out = new URL(redirect);
    out.searchParams.set("error", "access_denied");
    if (state !== null) out.searchParams.set("state", state);
    return out.toString();
  }

  /** The workspace removes the app: its tokens stop working (`token_revoked`). */
  revoke(teamId: string): void {
    for (const issued of this.tokens.values()) if (issued.workspace.teamId === teamId) issued.revoked = true;
  }

  /** An `app_uninstalled` event from a workspace, as Slack sends it after the tokens are revoked. */
  uninstalledEvent(teamId: string): SignedRequest {
    return this.event(teamId, { type: "app_uninstalled", event_ts: `${nowSeconds()}.000100` });
  }

  /** A `tokens_revoked` event (bot token revoked). */
  tokensRevokedEvent(teamId: string): SignedRequest {
    const w = this.get(teamId);
    return this.event(teamId, {
      type: "tokens_revoked",
      tokens: { bot: [w.botUserId] },
      event_ts: `${nowSeconds()}.000100`,
    });
  }

  /** An `event_callback` envelope for an event in this workspace, as Slack delivers it to this app. */
  event(teamId: string, event: Json): SignedRequest & { eventId: string } {
    const w = this.get(teamId);
    const eventId = uniqueId("Ev");
    const body = {
      token: "deprecated-verification-token",
      team_id: w.teamId,
      ...(w.enterpriseId !== undefined ? { enterprise_id: w.enterpriseId } : {}),
      api_app_id: this.app.appId,
      event,
      type: "event_callback",
      event_id: eventId,
      event_time: nowSeconds(),
      authorizations: [
        {
          enterprise_id: w.enterpriseId ?? null,
          team_id: w.orgInstall ? null : w.teamId,
          user_id: w.botUserId,
          is_bot: true,
          is_enterprise_install: w.orgInstall === true,
        },
      ],
      is_ext_shared_channel: false,
    };
    return { body: JSON.stringify(body), contentType: "application/json", eventId };
  }

  /** A Web API call: the answer, or undefined when the fake's own handler should answer (after the checks). */
  answer(method: string, body: Json, token: string | null): Json | undefined {
    if (method === "oauth.v2.access") return this.access(body);
    if (method === "apps.connections.open") return undefined;
    const issued = token === null ? undefined : this.tokens.get(token);
    if (issued === undefined) return { ok: false, error: token === null ? "not_authed" : "invalid_auth" };
    if (issued.revoked) return { ok: false, error: "token_revoked" };
    const w = issued.workspace;
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: w.orgInstall
            ? `https://${slug(w.enterpriseName ?? "org")}.enterprise.slack.com/`
            : `https://${slug(w.teamName)}.slack.com/`,
          team: w.teamName,
          user: "compbot",
          team_id: w.teamId,
          user_id: w.botUserId,
          bot_id: w.botId,
          ...(w.enterpriseId !== undefined ? { enterprise_id: w.enterpriseId } : {}),
          is_enterprise_install: w.orgInstall === true,
        };
      case "chat.postMessage":
      case "chat.postEphemeral": {
        const channel = String(body.channel ?? "");
        if (!this.channelIn(w, channel)) return { ok: false, error: "channel_not_found" };
        if (method === "chat.postEphemeral" && !w.users.includes(String(body.user ?? ""))) {
          return { ok: false, error: "user_not_in_channel" };
        }
        return undefined;
      }
      case "conversations.open": {
        const user = String(body.users ?? "");
        if (!w.users.includes(user)) return { ok: false, error: "user_not_found" };
        const id = `D${w.teamId.slice(1)}${user.slice(1)}`;
        this.dms.set(id, w.teamId);
        return { ok: true, channel: { id } };
      }
      default:
        return undefined;
    }
  }

  private channelIn(w: FakeWorkspace, channel: string): boolean {
    if (w.channels.includes(channel)) return true;
    const dmTeam = this.dms.get(channel);
    return dmTeam !== undefined && dmTeam === w.teamId;
  }

  private checkAuthorize(authorizeUrl: string): {
    redirect: string;
    state: string | null;
    scopes: string[];
    redirectUri: string | undefined;
  } {
    const url = new URL(authorizeUrl);
    if (`${url.origin}${url.pathname}` !== AUTHORIZE_URL)
      throw new AuthorizeRefused(`not Slack's authorize URL: ${url.origin}${url.pathname}`);
    if (url.searchParams.get("client_id") !== this.app.clientId)
      throw new AuthorizeRefused("invalid_client_id");
    const scopes = (url.searchParams.get("scope") ?? "").split(",").filter((s) => s !== "");
    if (scopes.length === 0) throw new AuthorizeRefused("invalid_scope: no scope requested");
    const redirectUri = url.searchParams.get("redirect_uri") ?? undefined;
    if (redirectUri !== undefined && !this.app.redirectUrls.includes(redirectUri)) {
      throw new AuthorizeRefused("bad_redirect_uri");
    }
    const redirect = redirectUri ?? this.app.redirectUrls[0];
    if (redirect === undefined) throw new AuthorizeRefused("no redirect URL configured");
    return { redirect, state: url.searchParams.get("state"), scopes, redirectUri };
  }

  private access(body: Json): Json {
    if (body.client_id !== this.app.clientId) return { ok: false, error: "invalid_client_id" };
    if (body.client_secret !== this.app.clientSecret) return { ok: false, error: "bad_client_secret" };
    const code = typeof body.code === "string" ? body.code : "";
    const grant = this.grants.get(code);
    if (grant === undefined || grant.used || grant.expiresAt < Date.now())
      return { ok: false, error: "invalid_code" };
    const sent =
      typeof body.redirect_uri === "string" && body.redirect_uri !== "" ? body.redirect_uri : undefined;
    if (sent !== grant.redirectUri) return { ok: false, error: "bad_redirect_uri" };
    grant.used = true;
    const w = this.get(grant.teamId);
    const token = `xoxb-${w.teamId.slice(1)}-${randomBytes(4).toString("hex")}-${randomBytes(12).toString("hex")}`;
    this.tokens.set(token, { workspace: w, scopes: grant.scopes, revoked: false });
    const enterprise =
      w.enterpriseId !== undefined ? { id: w.enterpriseId, name: w.enterpriseName ?? w.enterpriseId } : null;
    return {
      ok: true,
      app_id: this.app.appId,
      authed_user: { id: w.installerUserId },
      scope: grant.scopes.join(","),
      token_type: "bot",
      access_token: token,
      bot_user_id: w.botUserId,
      team: w.orgInstall ? null : { id: w.teamId, name: w.teamName },
      enterprise,
      is_enterprise_install: w.orgInstall === true,
    };
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
