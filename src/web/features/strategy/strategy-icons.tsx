import type { SVGProps } from 'react';

// The sidebar and the palette show these on every page, so they sit apart from the lazy strategy pages.
type IconProps = SVGProps<SVGSVGElement>;

function Svg({ children, ...props }: IconProps) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

/** A target with its bullseye: goals and strategy. Decorative, drawn like the other nav icons. */
export const StrategyIcon = (props: IconProps) => (
  <Svg {...props}>
    <circle cx="8" cy="8" r="6" />
    <circle cx="8" cy="8" r="3" />
    <circle cx="8" cy="8" r="0.8" fill="currentColor" />
  </Svg>
);

/** A small tree: one root branching to leaves, for goal → initiative → work. */
export const TraceIcon = (props: IconProps) => (
  <Svg {...props}>
    <rect x="2" y="2" width="4" height="3" rx="0.8" />
    <rect x="10" y="6.5" width="4" height="3" rx="0.8" />
    <rect x="10" y="11" width="4" height="3" rx="0.8" />
    <path d="M4 5v7.5h6M4 8h6" />
  </Svg>
);
