/** Hand-written queries for the answer tests: a name matched exactly, and a Query with only what a test sets. */
import type { EntityMatch, Query } from "../questions/types.ts";

export const match = (key: string, display: string): EntityMatch => ({
  key,
  display,
  matched: key,
  kind: "exact",
  score: 0,
});

export function q(over: Partial<Query>): Query {
  return {
    intent: "band",
    text: "",
    company: null,
    role: null,
    region: null,
    level: null,
    unknown: [],
    offer: null,
    fromContext: false,
    ...over,
  };
}
