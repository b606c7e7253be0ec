import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTheme, type Theme } from './theme';

interface ShellState {
  theme: Theme;
  toggleTheme: () => void;
  paletteOpen: boolean;
  setPaletteOpen: (open: boolean) => void;
  /** Set by the palette's "Create item"; the items page opens its dialog and clears it. */
  createPending: boolean;
  requestCreate: () => void;
  consumeCreate: () => void;
  /** What the palette may do to the items page's selected item; set by that page while it has one. */
  selectedItemActions: SelectedItemActions | null;
  setSelectedItemActions: (actions: SelectedItemActions | null) => void;
}

export interface SelectedItemActions {
  itemKey: string;
  moveToTop: (() => void) | null;
  moveToBottom: (() => void) | null;
}

const ShellContext = createContext<ShellState | null>(null);

export function ShellProvider({ children }: { children: ReactNode }) {
  const { theme, toggleTheme } = useTheme();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [createPending, setCreatePending] = useState(false);
  const requestCreate = useCallback(() => setCreatePending(true), []);
  const consumeCreate = useCallback(() => setCreatePending(false), []);
  const [selectedItemActions, setSelectedItemActions] = useState<SelectedItemActions | null>(null);
  const value = useMemo(
    () => ({ theme, toggleTheme, paletteOpen, setPaletteOpen, createPending, requestCreate, consumeCreate, selectedItemActions, setSelectedItemActions }),
    [theme, toggleTheme, paletteOpen, createPending, requestCreate, consumeCreate, selectedItemActions],
  );
  return <ShellContext.Provider value={value}>{children}</ShellContext.Provider>;
}

export function useShell(): ShellState {
  const state = useContext(ShellContext);
  if (!state) throw new Error('useShell must be used inside ShellProvider');
  return state;
}
