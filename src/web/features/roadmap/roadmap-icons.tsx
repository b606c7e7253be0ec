import type { SVGProps } from 'react';

// The sidebar and the palette show it on every page, so it sits apart from the lazy roadmap page.
type IconProps = SVGProps<SVGSVGElement>;

/** Three staggered bars on a time line: a timeline. Decorative, drawn like the other nav icons. */
export const RoadmapIcon = (props: IconProps) => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
    <path d="M2 4h6" />
    <path d="M5 8h7" />
    <path d="M9 12h5" />
  </svg>
);
