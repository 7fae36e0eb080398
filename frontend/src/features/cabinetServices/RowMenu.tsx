import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';

export interface RowMenuItem {
  label: string;
  to?: string;
  onSelect?: () => void;
  danger?: boolean;
}

/** The "⋮" actions of a row (seed 004): a button that opens a short list; Escape or a click outside closes it. */
export function RowMenu({ label, items }: { label: string; items: readonly RowMenuItem[] }) {
  const [open, setOpen] = useState(false);
  // Fixed to the viewport under the button: a table that scrolls sideways would clip (and scroll
  // to) a menu positioned inside it.
  const [place, setPlace] = useState<{ top: number; right: number } | null>(null);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onMove = () => setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    window.addEventListener('resize', onMove);
    window.addEventListener('scroll', onMove, true);
    root.current?.querySelector<HTMLElement>('.cs-menu__item')?.focus({ preventScroll: true });
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('resize', onMove);
      window.removeEventListener('scroll', onMove, true);
    };
  }, [open]);

  const toggleMenu = () => {
    const rect = toggle.current?.getBoundingClientRect();
    if (rect) setPlace({ top: rect.bottom + 4, right: Math.max(8, document.documentElement.clientWidth - rect.right) });
    setOpen((v) => !v);
  };

  return (
    <div className="cs-menu" ref={root}>
      <button ref={toggle} type="button" className="cs-menu__toggle" aria-label={label} aria-expanded={open} aria-controls={open ? id : undefined} onClick={toggleMenu}>
        <span aria-hidden="true">⋮</span>
      </button>
      {open && (
        <ul className="cs-menu__list" id={id} style={place ? { position: 'fixed', top: place.top, right: place.right } : undefined}>
          {items.map((item) => (
            <li key={item.label}>
              {item.to ? (
                <Link className="cs-menu__item" to={item.to}>
                  {item.label}
                </Link>
              ) : (
                <button
                  type="button"
                  className={`cs-menu__item${item.danger ? ' cs-menu__item--danger' : ''}`}
                  onClick={() => {
                    setOpen(false);
                    item.onSelect?.();
                  }}
                >
                  {item.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
