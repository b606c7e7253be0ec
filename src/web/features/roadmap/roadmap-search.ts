/** The roadmap page's address bar: the timeline (the default) or the Now / Next / Later board. */
export interface RoadmapSearch {
  view?: 'board';
}

/** Anything but `view=board` is the timeline, so an old or mistyped link still opens the page. */
export function parseRoadmapSearch(search: Record<string, unknown>): RoadmapSearch {
  return search.view === 'board' ? { view: 'board' } : {};
}
