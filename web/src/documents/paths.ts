// The app's own addresses of document screens, kept apart from the screens so that linking to one does not load it.

export const documentPath = (documentId: string) => `/documents/${documentId}`;

/** What changed from version `from` to version `to`. */
export const comparePath = (documentId: string, from: number, to: number) => `/documents/${documentId}/compare?from=${from}&to=${to}`;

export const searchPath = (q: string) => `/documents/search?${new URLSearchParams({ q })}`;
