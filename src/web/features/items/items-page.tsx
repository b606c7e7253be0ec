import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ItemSort } from '../../../contracts/item.schema';
import { isAllowed } from '../../../domain/access/permissions';
import { messageOf } from '../../api/client';
import { isFiltered, isRankOrder, sortFramework } from '../../api/list-view';
import { queryKeys } from '../../api/query-keys';
import type { Item } from '../../api/types';
import { useShell } from '../../app/shell-context';
import { Button, Kbd } from '../../ui/button';
import { ListIcon, PlusIcon, SettingsIcon, TrashIcon } from '../../ui/icons';
import { EmptyState, ErrorState, SkeletonRows } from '../../ui/states';
import { useToast } from '../../ui/toast';
import { rolesIn, useMe } from '../auth/queries';
import { useMembers } from '../members/queries';
import { useProducts } from '../shell/queries';
import { statusMap } from '../workflow/workflow';
import { queryProblemOf, searchOfView, viewOfSearch, type BacklogSearch } from './backlog-search';
import { BulkBar } from './bulk-bar';
import { FilterBar, type FilterBarHandle } from './filter-bar';
import { CreateItemDialog, EditItemDialog } from './item-dialogs';
import { ItemList, type DropTarget } from './item-list';
import { useItems, useMoveItem, useRestoreItem } from './queries';
import { SavedViews } from './saved-views';
import { EMPTY_SELECTION, keepVisible, selectedInOrder, selectWithClick, toggleOne, type ClickModifiers, type Selection } from './selection';
import type { MoveDirection } from '../../api/item-cache';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function ItemsPage({ workspaceId, productId, search }: { workspaceId: string; productId: string; search: BacklogSearch }) {
  const me = useMe();
  const products = useProducts(workspaceId);
  const product = products.data?.find((candidate) => candidate.id === productId);
  const roles = rolesIn(me.data, workspaceId);
  const canCreate = isAllowed(roles, 'item.create');
  const canEdit = isAllowed(roles, 'item.update');
  const canDelete = isAllowed(roles, 'item.delete');
  const canRank = isAllowed(roles, 'item.rank');
  const canConfigure = isAllowed(roles, 'workflow.update');
  const canSaveView = isAllowed(roles, 'view.save');
  const canShareView = isAllowed(roles, 'view.share');
  const members = useMembers(workspaceId);
  const statusFor = useMemo(() => statusMap(product?.workflow), [product?.workflow]);
  const navigate = useNavigate();
  const openPage = useCallback(
    (item: Item) => void navigate({ to: '/w/$workspaceId/p/$productId/items/$itemKey', params: { workspaceId, productId, itemKey: item.key } }),
    [navigate, workspaceId, productId],
  );

  const view = useMemo(() => viewOfSearch(search), [search]);
  const setView = useCallback(
    (next: { q: string; sort: ItemSort }, replace = false) =>
      void navigate({ to: '/w/$workspaceId/p/$productId/items', params: { workspaceId, productId }, search: searchOfView(next), replace }),
    [navigate, workspaceId, productId],
  );
  const onQueryChange = useCallback((q: string) => setView({ q, sort: view.sort }, true), [setView, view.sort]);
  const filterRef = useRef<FilterBarHandle>(null);
  const client = useQueryClient();

  const query = useItems(productId, view);
  const problem = queryProblemOf(query.error, view.q);
  const rankOrder = isRankOrder(view);
  const canDrag = canRank && rankOrder && !query.isPlaceholderData;
  const restore = useRestoreItem(productId);
  const toast = useToast();
  const { createPending, consumeCreate, setSelectedItemActions } = useShell();

  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  // Bulk selection: rows that leave the list (filtered out, trashed) leave it too.
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const order = useMemo(() => items.map((item) => item.id), [items]);
  useEffect(() => setSelection((current) => keepVisible(current, order)), [order]);
  const selectedItems = useMemo(() => selectedInOrder(selection, items), [selection, items]);
  const canBulk = canEdit || canRank;
  const onSelect = useCallback((id: string, modifiers: ClickModifiers) => setSelection((current) => selectWithClick(current, order, id, modifiers)), [order]);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [focusRequest, setFocusRequest] = useState(0);
  const [creating, setCreating] = useState(false);
  const [openItem, setOpenItem] = useState<Item | null>(null);

  useEffect(() => {
    if (createPending && canCreate) setCreating(true);
    if (createPending) consumeCreate();
  }, [createPending, canCreate, consumeCreate]);

  // Keep the selection on the list when items disappear under it.
  useEffect(() => {
    if (activeIndex >= items.length) setActiveIndex(items.length - 1);
  }, [activeIndex, items.length]);

  const moveTo = useCallback((index: number) => {
    setActiveIndex(index);
    setFocusRequest((request) => request + 1);
  }, []);

  // Reordering. The selection follows the moved row by id: the cache changes
  // before this render sees it, so a quick second press must still move that row.
  const [announcement, setAnnouncement] = useState('');
  const followId = useRef<string | null>(null);
  const onMoveFailed = useCallback((error: unknown, item: Item) => {
    toast({ message: `Could not move ${item.key}: ${messageOf(error)}`, tone: 'danger' });
  }, [toast]);
  const moveItem = useMoveItem(productId, onMoveFailed);
  const reorder = useCallback(
    (itemId: string, direction: MoveDirection) => {
      const moved = moveItem(itemId, direction, view);
      if (!moved) return;
      followId.current = moved.index >= 0 ? itemId : null;
      setAnnouncement(moved.index >= 0 ? `${moved.item.key} moved to position ${moved.index + 1}` : `${moved.item.key} moved to the bottom`);
    },
    [moveItem, view],
  );
  const onDrop = useCallback((itemId: string, target: DropTarget) => reorder(itemId, target), [reorder]);
  // Before paint, so the moved row is selected in the frame it lands in.
  useLayoutEffect(() => {
    const id = followId.current;
    if (!id) return;
    const index = items.findIndex((item) => item.id === id);
    // Cleared either way: a row that is gone (its move refused with 404, or trashed meanwhile) has nothing to follow.
    followId.current = null;
    if (index < 0) return;
    if (index !== activeIndex) moveTo(index);
    // Only a changed list moves the selection; the index is read, not followed.
  }, [items]);

  const selected = activeIndex >= 0 ? items[activeIndex] : undefined;
  useEffect(() => {
    if (!selected || !canRank || !rankOrder) {
      setSelectedItemActions(null);
      return;
    }
    const id = selected.id;
    setSelectedItemActions({ itemKey: selected.key, moveToTop: () => reorder(id, 'top'), moveToBottom: () => reorder(id, 'bottom') });
  }, [selected, canRank, rankOrder, reorder, setSelectedItemActions]);
  useEffect(() => () => setSelectedItemActions(null), [setSelectedItemActions]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        if (event.defaultPrevented || isTyping(event.target) || document.querySelector('dialog[open]') || !canRank || !rankOrder) return;
        // The followed row, unless it has left the list since.
        const following = followId.current;
        const itemId = following && items.some((item) => item.id === following) ? following : items[activeIndex]?.id;
        if (!itemId) return;
        event.preventDefault();
        const up = event.key === 'ArrowUp';
        reorder(itemId, event.shiftKey ? (up ? 'top' : 'bottom') : up ? 'up' : 'down');
        return;
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const last = items.length - 1;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          if (last < 0) return;
          event.preventDefault();
          moveTo(Math.min(activeIndex + 1, last));
          break;
        case 'k':
        case 'ArrowUp':
          if (last < 0) return;
          event.preventDefault();
          moveTo(Math.max(activeIndex - 1, 0));
          break;
        case 'Home':
          if (last < 0) return;
          event.preventDefault();
          moveTo(0);
          break;
        case 'End':
          if (last < 0) return;
          event.preventDefault();
          moveTo(last);
          break;
        case 'Enter': {
          // A focused row is a button: the browser already turns Enter into a click.
          if (event.target instanceof HTMLElement && event.target.closest('button, a')) return;
          const item = items[activeIndex];
          if (item) {
            event.preventDefault();
            openPage(item);
          }
          break;
        }
        case 'e': {
          // Quick edit in a dialog, without leaving the list.
          const item = items[activeIndex];
          if (item) {
            event.preventDefault();
            setOpenItem(item);
          }
          break;
        }
        case 'c':
          if (!canCreate) return;
          event.preventDefault();
          setCreating(true);
          break;
        case '/':
          event.preventDefault();
          filterRef.current?.focus();
          break;
        case 'x': {
          const item = items[activeIndex];
          if (!item || !canBulk) return;
          event.preventDefault();
          setSelection((current) => toggleOne(current, item.id));
          break;
        }
        case 'Escape':
          if (selection.ids.size === 0) return;
          event.preventDefault();
          setSelection(EMPTY_SELECTION);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items, activeIndex, canCreate, canRank, canBulk, rankOrder, selection.ids.size, moveTo, reorder, openPage]);

  const onTrashed = (item: Item) =>
    toast({
      message: `${item.key} moved to the trash`,
      action: {
        label: 'Undo',
        onClick: () =>
          restore.mutate(item, {
            onSuccess: (restored) => toast({ message: `${restored.key} restored`, tone: 'success' }),
            onError: (error) => toast({ message: messageOf(error), tone: 'danger' }),
          }),
      },
    });

  // A new item lands at the bottom of the backlog, maybe off screen: select it once the list has it.
  const [revealId, setRevealId] = useState<string | null>(null);
  useEffect(() => {
    if (!revealId) return;
    const index = items.findIndex((item) => item.id === revealId);
    if (index >= 0) {
      setRevealId(null);
      moveTo(index);
    } else if (query.hasNextPage && !query.isFetchingNextPage) {
      void query.fetchNextPage();
    }
  }, [revealId, items, moveTo, query]);

  const onCreated = (item: Item) => {
    setCreating(false);
    setRevealId(item.id);
    toast({ message: `Created ${item.key}`, tone: 'success', action: { label: 'Open', onClick: () => openPage(item) } });
  };

  const loadMore = useCallback(() => void query.fetchNextPage(), [query]);

  let body;
  if (problem) {
    body = (
      <EmptyState icon={<ListIcon width={20} height={20} />} title="The filter has a mistake">
        Fix the part marked under the filter box; Filter help lists the fields it knows.
      </EmptyState>
    );
  } else if (query.isPending) {
    body = <SkeletonRows />;
  } else if (query.isError) {
    body = <ErrorState title="Could not load items" message={messageOf(query.error)} action={<Button onClick={() => void query.refetch()}>Try again</Button>} />;
  } else if (items.length === 0 && isFiltered(view)) {
    body = (
      <EmptyState icon={<ListIcon width={20} height={20} />} title="No items match the filter" action={<Button onClick={() => setView({ q: '', sort: view.sort })}>Clear the filter</Button>}>
        Try fewer terms, or check the spelling of labels and statuses.
      </EmptyState>
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState
        icon={<ListIcon width={20} height={20} />}
        title="No items yet"
        action={
          canCreate && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
              Create the first item
            </Button>
          )
        }
      >
        {canCreate ? 'Epics, features, stories, tasks and bugs all live here, in the order the team will work on them.' : 'Nothing has been added to this product yet.'}
      </EmptyState>
    );
  } else {
    body = (
      <ItemList
        items={items}
        statusFor={statusFor}
        activeIndex={activeIndex}
        focusRequest={focusRequest}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onActivate={setActiveIndex}
        onOpen={openPage}
        onNearEnd={loadMore}
        scoreFramework={sortFramework(view.sort)}
        canDrag={canDrag}
        onDrop={onDrop}
        selectedIds={canBulk ? selection.ids : null}
        onSelect={onSelect}
      />
    );
  }

  return (
    <div className="page">
      <div className="page-header">
        <div className="page-heading">
          <h1 className="page-title">{product?.name ?? (products.isPending ? ' ' : 'Items')}</h1>
          <p className="page-subtitle">
            {product && <span className="page-key">{product.key}</span>}
            {query.isSuccess && (
              <span>
                {items.length}
                {query.hasNextPage ? '+' : ''} {items.length === 1 ? 'item' : 'items'}
                {isFiltered(view) ? ' match' : ''}
              </span>
            )}
          </p>
        </div>
        <div className="page-actions">
          <span className="keyboard-hint" aria-hidden="true">
            <Kbd>J</Kbd>
            <Kbd>K</Kbd> to move, <Kbd>↵</Kbd> to open, <Kbd>E</Kbd> to quick-edit, <Kbd>/</Kbd> to filter
            {canBulk && (
              <>
                , <Kbd>X</Kbd> to select
              </>
            )}
            {canRank && rankOrder && (
              <>
                , <Kbd>Alt</Kbd>
                <Kbd>↑</Kbd>
                <Kbd>↓</Kbd> to reorder
              </>
            )}
          </span>
          <Link to="/w/$workspaceId/p/$productId/trash" params={{ workspaceId, productId }} className="btn btn-ghost">
            <TrashIcon />
            Trash
          </Link>
          {canConfigure && (
            <Link to="/w/$workspaceId/p/$productId/settings" params={{ workspaceId, productId }} className="btn btn-ghost">
              <SettingsIcon />
              Workflow
            </Link>
          )}
          {canCreate && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)} aria-keyshortcuts="c">
              New item
            </Button>
          )}
        </div>
      </div>
      <FilterBar ref={filterRef} query={view.q} sort={view.sort} problem={problem} onQueryChange={onQueryChange} onSortChange={(sort) => setView({ q: view.q, sort })}>
        <SavedViews productId={productId} userId={me.data?.user.id ?? null} canSave={canSaveView} canShare={canShareView} query={view.q} sort={view.sort} onApply={(next) => setView(next)} />
      </FilterBar>
      {canBulk && selectedItems.length > 0 && (
        <BulkBar
          productId={productId}
          selected={selectedItems}
          workflow={product?.workflow ?? []}
          members={members.data ?? []}
          roles={roles}
          canEdit={canEdit}
          canRank={canRank}
          onClear={() => setSelection(EMPTY_SELECTION)}
          onFinished={() => {
            if (isFiltered(view)) void client.invalidateQueries({ queryKey: queryKeys.items.list(productId, view) });
          }}
        />
      )}
      {body}
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <CreateItemDialog productId={productId} open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
      <EditItemDialog productId={productId} item={openItem} workflow={product?.workflow} canEdit={canEdit} canDelete={canDelete} onClose={() => setOpenItem(null)}
        onTrashed={onTrashed}
        onMove={
          canRank
            ? (item, position) => {
                setOpenItem(null);
                reorder(item.id, position);
              }
            : undefined
        }
      />
    </div>
  );
}
