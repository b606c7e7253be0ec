export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="logo">
      <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="1" y="1" width="22" height="22" rx="6" fill="var(--accent)" />
        <circle cx="9" cy="12" r="4" fill="none" stroke="#fff" strokeWidth="2" />
        <circle cx="15" cy="12" r="4" fill="none" stroke="#fff" strokeWidth="2" opacity="0.75" />
      </svg>
      {!compact && <span className="logo-text">Tandem</span>}
    </span>
  );
}
