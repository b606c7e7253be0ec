import { useEffect, useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { Redirect } from '../../app/redirect';
import { messageOf } from '../../api/client';
import { useRealtime, type RealtimeStatus } from '../../api/realtime';
import type { Me, Product } from '../../api/types';
import { useShell } from '../../app/shell-context';
import { Avatar, ROLE_LABELS } from '../../ui/badges';
import { Button, Kbd } from '../../ui/button';
import { BoxIcon, CloseIcon, DecisionIcon, MenuIcon, MoonIcon, SearchIcon, SettingsIcon, SignOutIcon, SunIcon, UsersIcon } from '../../ui/icons';
import { isAllowed } from '../../../domain/access/permissions';
import { Logo } from '../../ui/logo';
import { BoardIcon, SprintIcon } from '../../ui/plan-icons';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useMe, useSignOut } from '../auth/queries';
import { MatrixIcon } from '../prioritization/matrix-icon';
import { StrategyIcon, TraceIcon } from '../strategy/strategy-icons';
import { ReleaseIcon } from '../releases/release-icons';
import { RoadmapIcon } from '../roadmap/roadmap-icons';
import { MarketIcon } from '../market/market-icons';
import { CustomerIcon, InsightIcon } from '../evidence/evidence-icons';
import { CommandPalette } from './command-palette';
import { PublicLayout } from './public-layout';
import { useProducts } from './queries';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Signed-in pages only: sends everyone else to sign-in, then back here. */
export function RequireSignIn({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  if (me.isPending) {
    return (
      <PublicLayout>
        <LoadingState />
      </PublicLayout>
    );
  }
  if (me.isError) {
    return (
      <PublicLayout>
        <ErrorState title="Tandem is not answering" message={messageOf(me.error)} action={<Button onClick={() => void me.refetch()}>Try again</Button>} />
      </PublicLayout>
    );
  }
  if (!me.data) return <Redirect to="/signin" search={{ redirect: window.location.pathname + window.location.search }} />;
  return <>{children(me.data)}</>;
}

/** The open product's pages under its name in the sidebar, in reading order. */
const PRODUCT_PAGES = [
  { to: '/w/$workspaceId/p/$productId/sprints', label: 'Sprints', Icon: SprintIcon },
  { to: '/w/$workspaceId/p/$productId/board', label: 'Board', Icon: BoardIcon },
  { to: '/w/$workspaceId/p/$productId/decisions', label: 'Decisions', Icon: DecisionIcon },
  { to: '/w/$workspaceId/p/$productId/matrix', label: 'Matrix', Icon: MatrixIcon },
  { to: '/w/$workspaceId/p/$productId/strategy', label: 'Strategy', Icon: StrategyIcon },
  { to: '/w/$workspaceId/p/$productId/traceability', label: 'Traceability', Icon: TraceIcon },
  { to: '/w/$workspaceId/p/$productId/releases', label: 'Releases', Icon: ReleaseIcon },
  { to: '/w/$workspaceId/p/$productId/roadmap', label: 'Roadmap', Icon: RoadmapIcon },
  { to: '/w/$workspaceId/p/$productId/insights', label: 'Insights', Icon: InsightIcon },
  { to: '/w/$workspaceId/p/$productId/customers', label: 'Customers', Icon: CustomerIcon },
  { to: '/w/$workspaceId/p/$productId/market', label: 'Market', Icon: MarketIcon },
] as const;

export function AppShell({ workspaceId, productId, children }: { workspaceId: string; productId?: string; children: ReactNode }) {
  return <RequireSignIn>{(me) => <SignedInShell me={me} workspaceId={workspaceId} productId={productId}>{children}</SignedInShell>}</RequireSignIn>;
}

function SignedInShell({ me, workspaceId, productId, children }: { me: Me; workspaceId: string; productId?: string; children: ReactNode }) {
  const membership = me.workspaces.find((workspace) => workspace.id === workspaceId);
  const products = useProducts(membership ? workspaceId : undefined);
  const realtime = useRealtime(me.user.id);
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const { theme, toggleTheme, setPaletteOpen } = useShell();
  const [menuOpen, setMenuOpen] = useState(false);

  // A navigation closes the mobile menu.
  useEffect(() => setMenuOpen(false), [location.pathname]);

  const doSignOut = () => signOut.mutate(undefined, { onSettled: () => void navigate({ to: '/signin', replace: true }) });

  if (!membership) {
    return (
      <PublicLayout>
        <EmptyState
          title="Workspace not found"
          action={
            <Link to="/" className="btn btn-secondary">
              Go to my workspace
            </Link>
          }
        >
          It does not exist, or you are not a member of it.
        </EmptyState>
      </PublicLayout>
    );
  }

  const productList: Product[] = products.data ?? [];
  const canConfigure = isAllowed(membership.roles, 'workflow.update');

  return (
    <div className={`app${menuOpen ? ' app-menu-open' : ''}`}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <button type="button" className="icon-btn" aria-label={menuOpen ? 'Close menu' : 'Open menu'} aria-expanded={menuOpen} aria-controls="sidebar" onClick={() => setMenuOpen(!menuOpen)}>
          {menuOpen ? <CloseIcon /> : <MenuIcon />}
        </button>
        <Logo />
        <button type="button" className="icon-btn" aria-label="Open command palette" onClick={() => setPaletteOpen(true)}>
          <SearchIcon />
        </button>
      </header>

      <nav id="sidebar" className="sidebar" aria-label="Workspace">
        <div className="sidebar-top">
          <WorkspaceSwitcher me={me} workspaceId={workspaceId} />
          <button type="button" className="search-btn" onClick={() => setPaletteOpen(true)}>
            <SearchIcon />
            <span>Jump to…</span>
            <span className="search-kbd">
              <Kbd>{isMac ? '⌘' : 'Ctrl'}</Kbd>
              <Kbd>K</Kbd>
            </span>
          </button>
        </div>

        <div className="sidebar-section">
          <h2 className="sidebar-heading">Products</h2>
          {products.isPending ? (
            <p className="sidebar-note">Loading…</p>
          ) : products.isError ? (
            <p className="sidebar-note sidebar-error">{messageOf(products.error)}</p>
          ) : productList.length === 0 ? (
            <p className="sidebar-note">No products yet.</p>
          ) : (
            <ul className="nav-list">
              {productList.map((product) => (
                <li key={product.id}>
                  <Link
                    to="/w/$workspaceId/p/$productId/items"
                    params={{ workspaceId, productId: product.id }}
                    className="nav-link"
                    activeProps={{ className: 'nav-link active', 'aria-current': 'page' }}
                  >
                    <BoxIcon />
                    <span className="nav-text">{product.name}</span>
                    <span className="nav-meta">{product.key}</span>
                  </Link>
                  {product.id === productId &&
                    PRODUCT_PAGES.map(({ to, label, Icon }) => (
                      <Link
                        key={to}
                        to={to}
                        params={{ workspaceId, productId: product.id }}
                        className="nav-link nav-sublink"
                        activeProps={{ className: 'nav-link nav-sublink active', 'aria-current': 'page' }}
                      >
                        <Icon />
                        <span className="nav-text">{label}</span>
                      </Link>
                    ))}
                  {product.id === productId && canConfigure && (
                    <Link
                      to="/w/$workspaceId/p/$productId/settings"
                      params={{ workspaceId, productId: product.id }}
                      className="nav-link nav-sublink"
                      activeProps={{ className: 'nav-link nav-sublink active', 'aria-current': 'page' }}
                    >
                      <SettingsIcon />
                      <span className="nav-text">Workflow and fields</span>
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>

        <div className="sidebar-section">
          <h2 className="sidebar-heading">Workspace</h2>
          <ul className="nav-list">
            <li>
              <Link to="/w/$workspaceId/members" params={{ workspaceId }} className="nav-link" activeProps={{ className: 'nav-link active', 'aria-current': 'page' }}>
                <UsersIcon />
                <span className="nav-text">Members</span>
              </Link>
            </li>
          </ul>
        </div>

        <div className="sidebar-footer">
          <div className="user-chip">
            <Avatar name={me.user.name} size={26} />
            <div className="user-chip-text">
              <span className="user-name">{me.user.name}</span>
              <span className="user-role">{membership.roles.map((role) => ROLE_LABELS[role]).join(', ')}</span>
            </div>
          </div>
          <div className="sidebar-actions">
            <LiveIndicator status={realtime} />
            <button type="button" className="icon-btn" onClick={toggleTheme} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
              {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
            </button>
            <button type="button" className="icon-btn" onClick={doSignOut} aria-label="Sign out">
              <SignOutIcon />
            </button>
          </div>
        </div>
      </nav>
      <div className="scrim" aria-hidden="true" onClick={() => setMenuOpen(false)} />

      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>

      <CommandPalette workspaceId={workspaceId} productId={productId} products={productList} roles={membership.roles} onSignOut={doSignOut} />
    </div>
  );
}

function WorkspaceSwitcher({ me, workspaceId }: { me: Me; workspaceId: string }) {
  const navigate = useNavigate();
  const current = me.workspaces.find((workspace) => workspace.id === workspaceId);
  if (me.workspaces.length < 2) {
    return (
      <div className="workspace-name">
        <span className="workspace-mark" aria-hidden="true">
          {current?.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="workspace-text">{current?.name}</span>
      </div>
    );
  }
  return (
    <div className="workspace-select-wrap">
      <label htmlFor="workspace-switcher" className="visually-hidden">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        className="workspace-select"
        value={workspaceId}
        onChange={(event) => void navigate({ to: '/w/$workspaceId', params: { workspaceId: event.target.value } })}
      >
        {me.workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </div>
  );
}

const LIVE_LABELS: Record<RealtimeStatus, string> = {
  live: 'Live updates on',
  connecting: 'Connecting to live updates…',
  offline: 'Live updates off; reload to reconnect',
};

function LiveIndicator({ status }: { status: RealtimeStatus }) {
  return (
    <span className={`live live-${status}`} title={LIVE_LABELS[status]} data-realtime={status}>
      <span className="live-dot" aria-hidden="true" />
      <span className="visually-hidden">{LIVE_LABELS[status]}</span>
    </span>
  );
}
