/**
 * bolt.ts imports Bolt's classes from the files that define them instead of the package's index. Each must be
 * the very object the index exports: a Bolt upgrade that moves, renames or wraps one fails here.
 */
import * as index from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { App, ErrorCode, HTTPReceiver, LogLevel, socketModeReceiver } from "./bolt.ts";

describe("Bolt's classes, imported from their own files", () => {
  it("are the ones @slack/bolt's index exports", () => {
    expect(App).toBe(index.App);
    expect(HTTPReceiver).toBe(index.HTTPReceiver);
    expect(socketModeReceiver()).toBe(index.SocketModeReceiver);
    expect(ErrorCode).toBe(index.ErrorCode);
    expect(LogLevel).toBe(index.LogLevel);
  });

  it("are classes and enums, not modules or undefined", () => {
    for (const value of [App, HTTPReceiver, socketModeReceiver()]) expect(typeof value).toBe("function");
    expect(ErrorCode.AuthorizationError).toBe("slack_bolt_authorization_error");
    expect(LogLevel.DEBUG).toBe("debug");
  });
});
