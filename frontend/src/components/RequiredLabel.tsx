import type { ReactNode } from 'react';
import './forms.css';

/** A label with the seed's red asterisk (hidden from screen readers: the input says "required"). */
export function RequiredLabel({ children, required }: { children: ReactNode; required: boolean }) {
  return (
    <>
      {children}
      {required && (
        <span className="required-mark" aria-hidden="true">
          {' '}*
        </span>
      )}
    </>
  );
}
