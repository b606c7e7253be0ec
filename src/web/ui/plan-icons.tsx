import type { SVGProps } from 'react';

// Icons of the sprint and board pages, drawn like those in icons.tsx; decorative.
type IconProps = SVGProps<SVGSVGElement>;

function Svg({ children, ...props }: IconProps) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

/** A circular arrow: a sprint, one turn of the cycle. */
export const SprintIcon = (props: IconProps) => (
  <Svg {...props}>
    <path d="M13 8a5 5 0 1 1-1.6-3.7M13 2.5v2.8h-2.8" />
  </Svg>
);

/** Three columns of cards. */
export const BoardIcon = (props: IconProps) => (
  <Svg {...props}>
    <rect x="2" y="2.5" width="3.2" height="11" rx="1" />
    <rect x="6.4" y="2.5" width="3.2" height="7" rx="1" />
    <rect x="10.8" y="2.5" width="3.2" height="9" rx="1" />
  </Svg>
);
