import type { SVGProps } from 'react';

// The sidebar and the palette show it on every page, so it sits apart from the lazy market page.
type IconProps = SVGProps<SVGSVGElement>;

/** A compass: where we stand against the market. Decorative, drawn like the other nav icons. */
export const MarketIcon = (props: IconProps) => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M10.5 5.5 9 9 5.5 10.5 7 7z" />
  </svg>
);
