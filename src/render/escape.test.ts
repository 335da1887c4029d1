import { describe, expect, it } from "vitest";
import { escapeMrkdwn, markdownToMrkdwn } from "./escape.ts";

describe("escapeMrkdwn", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeMrkdwn("a & b <!channel> <@U1> <http://evil|x> \"q\" 'a' *b*")).toBe(
      "a &amp; b &lt;!channel&gt; &lt;@U1&gt; &lt;http://evil|x&gt; \"q\" 'a' *b*",
    );
  });
  it("escapes an existing entity again (text is text)", () => {
    expect(escapeMrkdwn("&amp;")).toBe("&amp;amp;");
  });
});

describe("markdownToMrkdwn", () => {
  it("turns **bold** into *bold*", () => {
    expect(markdownToMrkdwn("**Negotiation DNA:** Top-Tier")).toBe("*Negotiation DNA:* Top-Tier");
  });
  it("turns http(s) links into <url|label> with an escaped label", () => {
    expect(markdownToMrkdwn("see [Levels & more](https://levels.fyi/a?b=1&c=2)")).toBe(
      "see <https://levels.fyi/a?b=1&amp;c=2|Levels &amp; more>",
    );
  });
  it("keeps only the label of other links", () => {
    expect(markdownToMrkdwn("[x](javascript:alert)")).toBe("x");
    expect(markdownToMrkdwn("[guide](./other.md)")).toBe("guide");
    expect(markdownToMrkdwn("[mail](mailto:a@b.c)")).toBe("mail");
  });
  it("cannot be used to forge a link or mention", () => {
    const out = markdownToMrkdwn("[<!channel>](https://x.y/|<!here>) <@U1> <http://evil|x>");
    expect(out).not.toMatch(/<[!@]/);
    expect(out).not.toContain("<http://evil");
    expect(out.startsWith("<https://x.y/%7C%3C!here%3E|&lt;!channel&gt;>")).toBe(true);
  });
  it("leaves brackets without urls, headings and lists alone (escaped)", () => {
    const md = '### Levers & more\n- [Segment — AI/ML Engineering Roadmap 2026]\n1. **AI:** "a > b"';
    expect(markdownToMrkdwn(md)).toBe(
      '### Levers &amp; more\n- [Segment — AI/ML Engineering Roadmap 2026]\n1. *AI:* "a &gt; b"',
    );
  });
  it("does not convert inside inline code", () => {
    expect(markdownToMrkdwn("`**x** <y>`")).toBe("`**x** &lt;y&gt;`");
  });
  it("handles bold around a link", () => {
    expect(markdownToMrkdwn("**see [docs](https://d.io)**")).toBe("*see <https://d.io|docs>*");
  });
});
