import type { ReactNode } from 'react';
import './Card.css';

/** A titled block of a page; the heading level follows the page's outline. */
export function Card({ title, level = 2, actions, children, className, id }: { title?: ReactNode; level?: 2 | 3; actions?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={title && id ? `${id}-title` : undefined} id={id}>
      {(title || actions) && (
        <div className="card__head">
          {title && (
            <Heading className="card__title" id={id ? `${id}-title` : undefined}>
              {title}
            </Heading>
          )}
          {actions && <div className="card__actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}
