import type { SVGProps } from 'react';

// The sidebar and the palette show it on every page, so it sits apart from the lazy releases page.
type IconProps = SVGProps<SVGSVGElement>;

/** A flag on a pole: a release, a date the team is heading for. Decorative, drawn like the other nav icons. */
export const ReleaseIcon = (props: IconProps) => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
    <path d="M3.5 14.5V2" />
    <path d="M3.5 2.5h8.5l-2 3 2 3H3.5" />
  </svg>
);
