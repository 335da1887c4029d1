/** What the search index finds: companies, roles, regions and the outside companies of level mappings. */

export type EntityKind = "company" | "role" | "region" | "level-company";

export interface Entity {
  kind: EntityKind;
  /** Slug for companies, roles and regions; folded name for outside-level companies. */
  key: string;
  display: string;
}

export interface EntityHit {
  entity: Entity;
  /** The stored phrase that matched. */
  phrase: string;
  distance: number;
  /** 0 = perfect … 1 = nothing in common. */
  score: number;
  via: "exact" | "alias" | "fuzzy";
}

export interface Named {
  key: string;
  display: string;
}

export const entityId = (e: Entity) => `${e.kind}:${e.key}`;
