/**
 * The Slack-free core behind every surface: guides in, questions in, answers out.
 * Data flows one way: text -> Query (src/questions) -> Answer (src/answers) -> renderers (src/render).
 *
 * NOTE: implementation in progress (search/questions/answers). The signatures below are the contract.
 */
import type { Answer } from "./answers/types.ts";
import type { Guide, GuideProblem } from "./guides/types.ts";
import type { ConversationContext, Query } from "./questions/types.ts";

export type Surface = "slash" | "mention" | "dm" | "console";

export interface AskOptions {
  surface: Surface;
  /** What the conversation (thread, DM, console session) asked about before. */
  context?: ConversationContext;
}

export interface Reply {
  query: Query;
  answer: Answer;
  /** The context to remember for the next question in the same conversation. */
  context: ConversationContext;
}

export interface LoadOptions {
  /** Today's date (YYYY-MM-DD) for overdue checks; defaults to the real date. */
  today?: () => string;
}

export interface CompBotApi {
  readonly guideCount: number;
  readonly guides: readonly Guide[];
  /** Never throws: bad input gives a help or not-found answer. */
  ask(text: string, options: AskOptions): Reply;
}

export type LoadCompBot = (guidesDir: string, options?: LoadOptions) => Promise<{ bot: CompBotApi; problems: GuideProblem[] }>;
