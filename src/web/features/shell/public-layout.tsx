import type { ReactNode } from 'react';
import { Logo } from '../../ui/logo';

/** The frame of pages seen before signing in: sign-in and invite acceptance. */
export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="public">
      <header className="public-header">
        <Logo />
      </header>
      <main className="public-main" id="main">
        {children}
      </main>
    </div>
  );
}
