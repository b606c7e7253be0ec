import type { SVGProps } from 'react';

/** Four quadrants with a point in the top-left one: the prioritisation matrix. Decorative, drawn like the other nav icons. */
export const MatrixIcon = (props: SVGProps<SVGSVGElement>) => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
    <rect x="2" y="2" width="12" height="12" rx="1.5" />
    <path d="M8 2v12M2 8h12" />
    <circle cx="5" cy="5" r="0.9" fill="currentColor" />
  </svg>
);
