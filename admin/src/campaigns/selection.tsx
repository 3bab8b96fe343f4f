import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** Shifts chosen on the campaign page (calendar panel, fill-rate table) for "assign a team to the selected shifts". */
interface ShiftSelection {
  selected: ReadonlySet<string>;
  toggle(id: string): void;
  set(ids: string[], on: boolean): void;
  clear(): void;
}

const Context = createContext<ShiftSelection | null>(null);

export const ShiftSelectionProvider = ({ children }: { children: ReactNode }) => {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (id: string) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const set = useCallback(
    (ids: string[], on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const clear = useCallback(() => setSelected(new Set()), []);
  const value = useMemo(() => ({ selected, toggle, set, clear }), [selected, toggle, set, clear]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
};

export const useShiftSelection = (): ShiftSelection => {
  const value = useContext(Context);
  if (!value) throw new Error('useShiftSelection outside ShiftSelectionProvider');
  return value;
};
