import { useEffect, useRef, useState } from 'react';
import { useNavigate } from '@tanstack/react-router';
import { isAllowed } from '../../../domain/access/permissions';
import type { Product, Role } from '../../api/types';
import { lazyModule, whenIdle } from '../../app/after-paint';
import { useShell } from '../../app/shell-context';
import { BoardIcon, SprintIcon } from '../../ui/plan-icons';
import { ArrowDownIcon, ArrowUpIcon, BoxIcon, DecisionIcon, ListIcon, MoonIcon, PlusIcon, SettingsIcon, SignOutIcon, SunIcon, TrashIcon, UsersIcon } from '../../ui/icons';
import { MatrixIcon } from '../prioritization/matrix-icon';
import { StrategyIcon, TraceIcon } from '../strategy/strategy-icons';
import { ReleaseIcon } from '../releases/release-icons';
import { RoadmapIcon } from '../roadmap/roadmap-icons';
import { MarketIcon } from '../market/market-icons';
import { CustomerIcon, InsightIcon } from '../evidence/evidence-icons';

export interface PaletteProps {
  workspaceId: string;
  productId: string | undefined;
  products: Product[];
  roles: Role[];
  onSignOut: () => void;
}

/**
 * Every typed word must appear in the command's words; a word that starts one
 * ranks higher. Stricter than fuzzy matching, so "theme" never picks a product.
 */
export function matchCommand(value: string, search: string): number {
  const words = value.toLowerCase().split(/\s+/);
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return 1;
  let score = 1;
  for (const term of terms) {
    if (words.some((word) => word.startsWith(term))) score += 1;
    else if (!value.toLowerCase().includes(term)) return 0;
  }
  return score;
}

/**
 * cmdk, with the Radix dialog parts it brings (about 40 kB), is not part of the
 * first paint: it loads when the browser is idle after it, or on the first
 * Ctrl/Cmd+K if that comes sooner; the palette opens once it is in.
 */
const cmdk = lazyModule(() => import('cmdk'));

/** Ctrl/Cmd+K: every place and action of the shell, typed rather than clicked. */
export function CommandPalette({ workspaceId, productId, products, roles, onSignOut }: PaletteProps) {
  const { paletteOpen, setPaletteOpen, theme, toggleTheme, requestCreate, selectedItemActions } = useShell();
  const navigate = useNavigate();
  const ref = useRef<HTMLDialogElement>(null);
  const currentProduct = products.find((product) => product.id === productId) ?? products[0];
  const [Command, setCommand] = useState(() => cmdk.current()?.Command ?? null);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    if (Command) return;
    return whenIdle(() => void cmdk.get().then((module) => setCommand(() => module.Command), () => undefined));
  }, [Command]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setPaletteOpen(!paletteOpen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paletteOpen, setPaletteOpen]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (paletteOpen && !Command && !loadFailed) {
      // Opened before cmdk arrived: fetch it now, and open once it is in (this effect runs again then).
      void cmdk.get().then(
        (module) => setCommand(() => module.Command),
        () => setLoadFailed(true),
      );
      return;
    }
    if (paletteOpen && !dialog.open) {
      dialog.showModal();
      dialog.querySelector('input')?.focus();
    }
    if (!paletteOpen && dialog.open) dialog.close();
    if (!paletteOpen) setLoadFailed(false);
  }, [paletteOpen, Command, loadFailed]);

  const run = (action: () => void) => {
    setPaletteOpen(false);
    action();
  };

  const goToItems = (product: Product | undefined) => {
    if (!product) return;
    void navigate({ to: '/w/$workspaceId/p/$productId/items', params: { workspaceId, productId: product.id } });
  };

  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label="Command palette"
      onClose={() => setPaletteOpen(false)}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) setPaletteOpen(false);
      }}
    >
      {paletteOpen && !Command && loadFailed && <p className="palette-empty">Could not load the command palette. Check the connection, close this with Esc and try again.</p>}
      {paletteOpen && Command && (
        <Command label="Command palette" loop filter={matchCommand}>
          <Command.Input className="palette-input" placeholder="Type a command or search…" autoFocus aria-label="Command" />
          <Command.List className="palette-list">
            <Command.Empty className="palette-empty">No matching command.</Command.Empty>
            <Command.Group heading="Go to">
              {currentProduct && (
                <Command.Item value="go to items backlog" onSelect={() => run(() => goToItems(currentProduct))}>
                  <ListIcon /> Go to items
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to sprints plan velocity burndown"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/sprints', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <SprintIcon /> Go to sprints
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to board kanban columns"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/board', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <BoardIcon /> Go to board
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to decision log decisions why rationale"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/decisions', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <DecisionIcon /> Go to decision log
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to prioritisation matrix value effort quadrant quick wins"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/matrix', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <MatrixIcon /> Go to prioritisation matrix
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to strategy vision goals key results okrs initiatives"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/strategy', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <StrategyIcon /> Go to strategy
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to traceability goals initiatives orphans alignment rollup"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/traceability', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <TraceIcon /> Go to traceability
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to releases forecast at risk target date scope change history"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/releases', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <ReleaseIcon /> Go to releases
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to roadmap timeline gantt now next later milestones critical path"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/roadmap', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <RoadmapIcon /> Go to roadmap
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to insights customer evidence inbox triage quotes interviews csv upload"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/insights', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <InsightIcon /> Go to insights
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to customers segments personas revenue plans"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/customers', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <CustomerIcon /> Go to customers
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="go to market competitors capability matrix pricing plans packaging"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/market', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <MarketIcon /> Go to market
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && (
                <Command.Item
                  value="open trash deleted items restore bin"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/trash', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <TrashIcon /> Open trash
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              {currentProduct && isAllowed(roles, 'workflow.update') && (
                <Command.Item
                  value="workflow settings statuses wip limits custom fields"
                  onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/p/$productId/settings', params: { workspaceId, productId: currentProduct.id } }))}
                >
                  <SettingsIcon /> Workflow and fields
                  {currentProduct.id !== productId && <span className="palette-meta">{currentProduct.key}</span>}
                </Command.Item>
              )}
              <Command.Item value="go to members people team" onSelect={() => run(() => void navigate({ to: '/w/$workspaceId/members', params: { workspaceId } }))}>
                <UsersIcon /> Go to members
              </Command.Item>
            </Command.Group>
            {products.length > 0 && (
              <Command.Group heading="Switch product">
                {products.map((product) => (
                  <Command.Item key={product.id} value={`switch product ${product.name} ${product.key}`} onSelect={() => run(() => goToItems(product))}>
                    <BoxIcon /> {product.name}
                    <span className="palette-meta">{product.id === productId ? 'Current' : product.key}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            )}
            <Command.Group heading="Actions">
              {currentProduct && isAllowed(roles, 'item.create') && (
                <Command.Item
                  value="create item new"
                  onSelect={() =>
                    run(() => {
                      requestCreate();
                      if (currentProduct.id !== productId) goToItems(currentProduct);
                    })
                  }
                >
                  <PlusIcon /> Create item
                  <span className="palette-meta">C</span>
                </Command.Item>
              )}
              {selectedItemActions?.moveToTop && (
                <Command.Item value={`move to top selected item reorder rank ${selectedItemActions.itemKey}`} onSelect={() => run(selectedItemActions.moveToTop ?? (() => undefined))}>
                  <ArrowUpIcon /> Move {selectedItemActions.itemKey} to top
                  <span className="palette-meta">Alt+Shift+↑</span>
                </Command.Item>
              )}
              {selectedItemActions?.moveToBottom && (
                <Command.Item value={`move to bottom selected item reorder rank ${selectedItemActions.itemKey}`} onSelect={() => run(selectedItemActions.moveToBottom ?? (() => undefined))}>
                  <ArrowDownIcon /> Move {selectedItemActions.itemKey} to bottom
                  <span className="palette-meta">Alt+Shift+↓</span>
                </Command.Item>
              )}
              <Command.Item value="toggle theme dark light" onSelect={() => run(toggleTheme)}>
                {theme === 'dark' ? <SunIcon /> : <MoonIcon />} Switch to {theme === 'dark' ? 'light' : 'dark'} theme
              </Command.Item>
              <Command.Item value="sign out log out" onSelect={() => run(onSignOut)}>
                <SignOutIcon /> Sign out
              </Command.Item>
            </Command.Group>
          </Command.List>
        </Command>
      )}
    </dialog>
  );
}
