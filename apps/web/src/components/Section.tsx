/** A titled part of a page: a section named by its heading (a card by default). */
import { useId, type ReactNode } from 'react';

export function Section({ title, className = 'card', children }: { title: ReactNode; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={className || undefined} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
