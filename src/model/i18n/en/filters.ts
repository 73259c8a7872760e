/**
 * The filter bar's words: a lazy area (the bar is its own chunk), so its catalogue pair is
 * imported only by src/ui/FilterBar.tsx through useAreaText, never by the first chunk's catalogue.
 * The categories' and statuses' names are the main catalogue's.
 */
export const filters = {
  label: "Filters",
  searchLabel: "Search titles, summaries and quoted passages",
  searchPlaceholder: "Search events and quotes…",
  category: "Category",
  status: "Status",
  source: "Source",
  dates: "Dates",
  from: "From",
  to: "To",
};

export type FiltersText = typeof filters;
