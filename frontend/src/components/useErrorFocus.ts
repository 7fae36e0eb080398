import { useEffect, useRef } from 'react';

/**
 * After a submit that found problems, put the keyboard on the first field in error: its
 * message is its description, so screen readers read it at once. Errors not tied to a field
 * are announced by their alert instead.
 */
export function useErrorFocus<T extends HTMLElement = HTMLFormElement>(errors: readonly unknown[]) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (errors.length === 0) return;
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return ref;
}
