/**
 * One guide file from text or bytes to a guide and its problems: the order of the warnings, the overdue
 * warning for a given day, the messages for files that are not guides, and what an unreadable file says.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  entryOfBytes,
  errorText,
  loadGuideText,
  parseGuideText,
  readEntry,
  readEntrySync,
  withOverdue,
} from "./parse-file.ts";
import { fixtureDir, guideText } from "./test-fixtures.ts";

const FILE = "/g/acme/backend-engineer.md";
const codes = (r: { problems: ReadonlyArray<{ code: string }> }) => r.problems.map((p) => p.code);

describe("parseGuideText: files that are not guides", () => {
  const only = (raw: string) => {
    const r = parseGuideText(FILE, raw, { checkBody: false });
    expect(r.guide).toBeNull();
    expect(r.overdueAt).toBe(r.problems.length);
    return r.problems.map((p) => [p.severity, p.code, p.path, p.message]);
  };

  it("an empty or blank file", () => {
    const want = [
      ["error", "frontmatter", "", "expected YAML frontmatter between --- lines, found an empty file"],
    ];
    expect(only("")).toEqual(want);
    expect(only(" \n\t\n")).toEqual(want);
  });

  it("no frontmatter, or an empty one", () => {
    const want = [
      [
        "error",
        "frontmatter",
        "",
        "expected YAML frontmatter between --- lines at the top of the file, found none",
      ],
    ];
    expect(only("# Title\n")).toEqual(want);
    expect(only("---\n---\nBody\n")).toEqual(want);
  });

  it("a frontmatter of another language", () => {
    expect(only("---js\n{}\n---\n")).toEqual([
      ["error", "frontmatter", "", 'expected YAML frontmatter, found a "---js" block'],
    ]);
  });

  it("broken YAML names the line and column", () => {
    const [problem] = only("---\ncompany: acme\nrole: [x\n---\n");
    expect(problem![1]).toBe("yaml");
    expect(problem![3]).toMatch(
      /^expected valid YAML frontmatter, found a syntax error: .+ \(line \d+, column \d+\)$/,
    );
    expect(only("---\ncompany: acme\ncompany: beta\n---\n")).toEqual([
      [
        "error",
        "yaml",
        "",
        "expected valid YAML frontmatter, found a syntax error: duplicated mapping key (line 3, column 1)",
      ],
    ]);
  });

  it("a scalar frontmatter is a schema problem at the top", () => {
    expect(only("---\njust text\n---\n")).toEqual([
      ["error", "schema", "", 'expected a YAML mapping of fields, found "just text"'],
    ]);
  });
});

describe("parseGuideText: warnings and their order", () => {
  it("encoding first, then mojibake, then the body checks", () => {
    const raw = guideText({ body: "| Region | Base |\n|---|---|\n| Berlin | â‚¬90K–â‚¬100K |\n" });
    const r = parseGuideText(FILE, raw, { checkBody: true, encoding: "windows-1252" });
    expect(r.guide?.id).toBe("acme/backend-engineer");
    expect(r.problems.map((p) => [p.code, p.path, p.message])).toEqual([
      [
        "encoding",
        "",
        "the file is not valid UTF-8: it was read as Windows-1252 (Latin-1); save it as UTF-8 (guides:check --fix rewrites it)",
      ],
      [
        "mojibake",
        "",
        "repaired 2 mojibake sequences (0 characters dropped); run guides:check --fix to rewrite the file",
      ],
      [
        "body-mismatch",
        "compensation.0.base_low",
        "Berlin: body table says base €90K–€100K, frontmatter says €80K–€100K",
      ],
    ]);
    expect(r.overdueAt).toBe(2);
  });

  it("no body checks unless asked; a UTF-8 file gets no encoding warning", () => {
    const raw = guideText({ body: "| Region | Base |\n|---|---|\n| Paris | €1 |\n" });
    expect(codes(parseGuideText(FILE, raw, { checkBody: false }))).toEqual([]);
    expect(codes(parseGuideText(FILE, raw, { checkBody: false, encoding: "utf-8" }))).toEqual([]);
    expect(codes(parseGuideText(FILE, raw, { checkBody: true }))).toEqual(["body-mismatch", "body-mismatch"]);
  });
});

describe("overdue", () => {
  const raw = guideText({ nextReviewDue: "2026-04-10" });

  it("warns from the day after the review date, counting days", () => {
    expect(codes(loadGuideText(FILE, raw, { today: "2026-04-10", checkBody: false }))).toEqual([]);
    const oneDay = loadGuideText(FILE, raw, { today: "2026-04-11", checkBody: false });
    expect(oneDay.problems).toEqual([
      {
        severity: "warning",
        code: "overdue",
        file: FILE,
        path: "next_review_due",
        message: "review was due 2026-04-10, 1 day before 2026-04-11",
      },
    ]);
    const later = loadGuideText(FILE, raw, { today: "2026-05-10", checkBody: false });
    expect(later.problems[0]!.message).toBe("review was due 2026-04-10, 30 days before 2026-05-10");
  });

  it("messages shared by a load (one per due date) are each guide's own", () => {
    const parse = (due: string) =>
      parseGuideText(FILE, guideText({ nextReviewDue: due }), { checkBody: false });
    const messages = new Map<string, string>();
    const message = (due: string) => withOverdue(parse(due), "2026-05-10", messages).problems[0]!.message;
    expect(message("2026-04-10")).toBe("review was due 2026-04-10, 30 days before 2026-05-10");
    expect(message("2026-03-10")).toBe("review was due 2026-03-10, 61 days before 2026-05-10");
    expect(message("2026-05-09")).toBe("review was due 2026-05-09, 1 day before 2026-05-10");
    expect(message("2026-04-10")).toBe("review was due 2026-04-10, 30 days before 2026-05-10");
    expect([...messages.keys()]).toEqual(["2026-04-10", "2026-03-10", "2026-05-09"]);
  });

  it("goes after the file's own warnings and before the body checks, leaving the parsed file as it was", () => {
    const mixed = guideText({ body: "| Region | Base |\n|---|---|\n| Berlin | â‚¬1 |\n" });
    const parsed = parseGuideText(FILE, mixed, { checkBody: true });
    expect(codes(parsed)).toEqual(["mojibake", "body-mismatch"]);
    const late = withOverdue(parsed, "2027-01-01");
    expect(codes(late)).toEqual(["mojibake", "overdue", "body-mismatch"]);
    expect(codes(parsed)).toEqual(["mojibake", "body-mismatch"]);
  });

  it("a file without a guide is never overdue", () => {
    const parsed = parseGuideText(FILE, "", { checkBody: false });
    expect(codes(withOverdue(parsed, "2099-01-01"))).toEqual(["frontmatter"]);
  });
});

describe("entries for the cache and the workers", () => {
  const bytes = Buffer.from(guideText(), "utf8");

  it("hashes the bytes (SHA-1, hex) only when asked or when a hash is expected", () => {
    const plain = entryOfBytes(FILE, bytes, { checkBody: false, hash: false });
    expect("same" in plain).toBe(false);
    expect(plain.hash).toBeNull();
    const hashed = entryOfBytes(FILE, Buffer.from("abc"), { checkBody: false, hash: true });
    expect(hashed.hash).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    const expected = entryOfBytes(
      FILE,
      Buffer.from("abc"),
      { checkBody: false, hash: false },
      "0".repeat(40),
    );
    expect(expected.hash).toBe("a9993e364706816aba3e25717850c26c9cd0d89d");
    expect("same" in expected).toBe(false);
  });

  it("bytes with the expected hash are the same file: not parsed again", () => {
    expect(
      entryOfBytes(
        FILE,
        Buffer.from("abc"),
        { checkBody: false, hash: false },
        "a9993e364706816aba3e25717850c26c9cd0d89d",
      ),
    ).toEqual({ file: FILE, hash: "a9993e364706816aba3e25717850c26c9cd0d89d", same: true });
  });

  it("an unreadable file is one error saying why, with no hash", async () => {
    const dir = fixtureDir();
    const missing = path.join(dir.dir, "missing.md");
    const want = {
      file: missing,
      hash: null,
      guide: null,
      problems: [
        {
          severity: "error",
          code: "read",
          file: missing,
          path: "",
          message: "cannot read file: it does not exist",
        },
      ],
      overdueAt: 1,
    };
    expect(await readEntry(missing, { checkBody: false, hash: true })).toEqual(want);
    expect(readEntrySync(missing, { checkBody: false, hash: true })).toEqual(want);
    const folder = path.join(dir.dir, "folder.md");
    mkdirSync(folder);
    const r = await readEntry(folder, { checkBody: false, hash: true });
    expect("problems" in r && r.problems[0]!.message).toBe("cannot read file: it is a directory");
  });

  it("a readable file is parsed", async () => {
    const dir = fixtureDir();
    const file = dir.write("acme/x.md", guideText());
    const r = await readEntry(file, { checkBody: false, hash: false });
    expect("guide" in r && r.guide?.id).toBe("acme/backend-engineer");
    const s = readEntrySync(file, { checkBody: false, hash: false });
    expect("guide" in s && s.guide?.id).toBe("acme/backend-engineer");
  });
});

describe("errorText", () => {
  it("says in words what the usual file-system errors mean", () => {
    const err = (code: string) => Object.assign(new Error("raw"), { code });
    expect(errorText(err("ENOENT"))).toBe("it does not exist");
    expect(errorText(err("EACCES"))).toBe("permission denied");
    expect(errorText(err("EPERM"))).toBe("permission denied");
    expect(errorText(err("ENOTDIR"))).toBe("it is not a directory");
    expect(errorText(err("EISDIR"))).toBe("it is a directory");
    expect(errorText(err("EMFILE"))).toBe("EMFILE");
    expect(errorText(new Error("boom"))).toBe("boom");
    expect(errorText("plain")).toBe("plain");
    expect(errorText(null)).toBe("null");
  });
});
