import type { Viewer } from '../lib/auth/sessionManager';
import { formatPhone } from '../lib/format';

/** A phone-only resident may have no name yet: show what identifies them instead. */
export function displayName(viewer: Pick<Viewer, 'fullName' | 'email' | 'phone'>): string {
  return viewer.fullName || viewer.email || formatPhone(viewer.phone) || '—';
}
