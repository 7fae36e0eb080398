import { describe, expect, it } from 'vitest';
import { currentAfter, FIRST_PAGE, nextPage, pageNumber, previousPage, searchText } from './pages';

describe('public list pages', () => {
  it('go forward by the end cursor and back by the cursors seen', () => {
    const second = nextPage(FIRST_PAGE, 'c20');
    const third = nextPage(second, 'c40');
    expect(currentAfter(FIRST_PAGE)).toBeNull();
    expect(currentAfter(third)).toBe('c40');
    expect(pageNumber(third)).toBe(3);
    expect(currentAfter(previousPage(third))).toBe('c20');
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
    // The last page has no end cursor: "next" stays where it is.
    expect(nextPage(third, null)).toBe(third);
  });

  it('search an application number however it was typed', () => {
    expect(searchText('  q-2026 000123 ')).toBe('Q-2026000123');
    expect(searchText('   ')).toBeNull();
  });
});
