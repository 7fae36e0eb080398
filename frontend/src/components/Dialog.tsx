import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons';
import './Dialog.css';

/**
 * A modal dialog on the native <dialog>: the rest of the page is inert while it is open, Esc and
 * the close button close it, and focus returns to whatever opened it (also when its owner unmounts
 * it while open). Its content is mounted only while open, so an iframe inside loads when it is
 * shown, not before.
 */
export function Dialog({ open, onClose, title, children, footer, size = 'normal' }: { open: boolean; onClose: () => void; title: ReactNode; children: ReactNode; footer?: ReactNode; size?: 'normal' | 'wide' }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = `d${useId()}`;
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      dialog.querySelector<HTMLElement>('.dialog__close')?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Esc (the "cancel" event) or a form inside closing it: tell the owner, then give focus back.
    const onNativeClose = () => {
      onCloseRef.current();
      opener.current?.focus();
      opener.current = null;
    };
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      // An owner may unmount the dialog while it is open (one per account it edits, keyed): the
      // browser fires no "close" then, and focus would fall to <body>. (StrictMode's rehearsal of
      // an unmount leaves the element in the document, and must not move focus.)
      if (!dialog.isConnected && opener.current) {
        opener.current.focus();
        opener.current = null;
      }
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={titleId}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its panel.
        if (event.target === ref.current) onClose();
      }}
    >
      {open && (
        <div className="dialog__panel">
          <div className="dialog__head">
            <h2 className="dialog__title" id={titleId}>
              {title}
            </h2>
            <button type="button" className="icon-btn icon-btn--dark dialog__close" aria-label={t('dialog.close')} onClick={onClose}>
              <CloseIcon />
            </button>
          </div>
          <div className="dialog__body">{children}</div>
          {footer && <div className="dialog__foot">{footer}</div>}
        </div>
      )}
    </dialog>
  );
}
