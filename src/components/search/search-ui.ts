/** Wording shared by the search dialog and the search page. */
export const SEARCH_PLACEHOLDER = 'Search roles, duties, figures and terms';
