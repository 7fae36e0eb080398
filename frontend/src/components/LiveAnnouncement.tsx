import { useCallback, useState } from 'react';

export interface Announcement {
  text: string;
  n: number;
}

/** What a polite live region says next; `announce` the same sentence twice and it is said twice. */
export function useAnnouncement(): [Announcement, (text: string) => void] {
  const [announcement, setAnnouncement] = useState<Announcement>({ text: '', n: 0 });
  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 })), []);
  return [announcement, announce];
}

/** A polite live region for changes that arrive by themselves (live updates, a deletion). */
export function LiveAnnouncement({ announcement }: { announcement: Announcement }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {/* A new node each time, so the same sentence twice is announced twice. */}
      {announcement.text && <p key={announcement.n}>{announcement.text}</p>}
    </div>
  );
}
