/**
 * Cursor pages of the public list as "previous / next page": the cursors of the pages already
 * seen are kept, so going back asks for the same page again (a list that moved since shows today's).
 */
export interface PageTrail {
  /** The `after` of each page shown so far; the last one is the current page's. */
  afters: readonly (string | null)[];
}

export const FIRST_PAGE: PageTrail = { afters: [null] };

export function currentAfter(trail: PageTrail): string | null {
  return trail.afters[trail.afters.length - 1] ?? null;
}

export function nextPage(trail: PageTrail, endCursor: string | null | undefined): PageTrail {
  return endCursor ? { afters: [...trail.afters, endCursor] } : trail;
}

export function previousPage(trail: PageTrail): PageTrail {
  return trail.afters.length > 1 ? { afters: trail.afters.slice(0, -1) } : trail;
}

/** The 1-based number of the page shown. */
export function pageNumber(trail: PageTrail): number {
  return trail.afters.length;
}

/** What the search sends: an application number as people type it (spaces, lower case). */
export function searchText(text: string): string | null {
  const compact = text.replace(/\s+/g, '').toUpperCase();
  return compact || null;
}
