import type { SVGProps } from 'react';

// The sidebar and the palette show them on every page, so they sit apart from the lazy evidence pages.
type IconProps = SVGProps<SVGSVGElement>;

/** A speech bubble: what customers told us. Decorative, drawn like the other nav icons. */
export const InsightIcon = (props: IconProps) => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
    <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    <path d="M5.5 6.5h5M5.5 8.5h3" />
  </svg>
);

/** A building: the companies we sell to. */
export const CustomerIcon = (props: IconProps) => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
    <path d="M3 13.5V3.5h6.5v10M9.5 6.5h3.5v7M1.5 13.5h13" />
    <path d="M5.5 6h1.5M5.5 8.5h1.5M5.5 11h1.5" />
  </svg>
);
