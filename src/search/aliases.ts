/**
 * Built-in vocabulary: region aliases and a small gazetteer of places people ask about, and role synonyms.
 * A region we know by name but have no band for ("paris") must be recognised as a region, so that
 * the answer can say "no Paris band — we have London, New York…" instead of treating it as a company.
 */

/** Region display name -> extra names people type. Keys are display names; slugs are derived. */
export const REGION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "San Francisco": ["sf", "sfo", "bay area", "sf bay area", "san fran", "silicon valley", "sfba"],
  "New York": ["nyc", "ny", "new york city", "manhattan", "nyc metro"],
  London: ["ldn", "uk", "united kingdom", "england", "lon"],
  Seattle: ["sea", "seattle area"],
  "Los Angeles": ["la", "lax"],
  Boston: ["bos"],
  Austin: ["atx"],
  Chicago: ["chi"],
  Denver: ["den"],
  Toronto: ["yyz", "tor"],
  Vancouver: ["yvr"],
  Berlin: ["ber"],
  Munich: ["muc", "munchen"],
  Paris: ["cdg"],
  Amsterdam: ["ams"],
  Dublin: ["dub", "ireland"],
  Zurich: ["zrh", "zurich"],
  Stockholm: ["sto"],
  Madrid: [],
  Barcelona: ["bcn"],
  Warsaw: [],
  "Tel Aviv": ["tlv", "israel"],
  Bangalore: ["bengaluru", "blr"],
  Hyderabad: ["hyd"],
  Singapore: ["sg", "sin"],
  Sydney: ["syd"],
  Tokyo: ["tyo"],
  "Sao Paulo": ["sp", "gru"],
  Remote: ["remote us", "anywhere"],
};

/**
 * Role words and what people type instead. A role's display name is split on "/" and each alternative
 * is expanded with these synonyms: "ML/AI Engineer" -> "ml engineer", "ai engineer",
 * "machine learning engineer", "artificial intelligence engineer"…
 */
export const ROLE_WORD_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  ml: ["machine learning"],
  ai: ["artificial intelligence"],
  swe: ["software engineer"],
  sde: ["software development engineer", "software engineer"],
  pm: ["product manager"],
  em: ["engineering manager"],
  sre: ["site reliability engineer"],
  ux: ["user experience"],
  qa: ["quality assurance"],
  devops: ["dev ops"],
};

/** Whole-role shorthands: phrase -> the words of the role name it stands for (one of the role's variants). */
export const ROLE_SHORTHANDS: Readonly<Record<string, readonly string[]>> = {
  mle: ["ml", "engineer"],
  "ml eng": ["ml", "engineer"],
  "ai eng": ["ai", "engineer"],
  swe: ["software", "engineer"],
  sde: ["software", "engineer"],
  pm: ["product", "manager"],
  em: ["engineering", "manager"],
  sre: ["site", "reliability", "engineer"],
};
