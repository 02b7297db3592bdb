// The lengths the document forms stop at. The server's DocumentLimits (contracts/Documents/DocumentTypes.cs) are not
// yet part of docs/errors-and-limits.json, so they are written here once; the grain enforces its own regardless.
export const documentLimits = {
  titleMaxLength: 200,
  descriptionMaxLength: 4_000,
  tagMaxLength: 40,
  languageMaxLength: 35,
  searchMaxLength: 200,
} as const;
