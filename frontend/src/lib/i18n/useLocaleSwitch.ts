import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { AccountLocaleSaveDocument } from '../../gql/graphql';
import { useSession, useSessionManager } from '../auth/SessionContext';
import { changeLocale, currentLocale } from './i18n';
import { type Locale, toApiLocale } from './locales';

/**
 * Switches the interface language; for a signed-in person it also becomes the account's
 * language, which the server uses for SMS and email.
 */
export function useLocaleSwitch(): { locale: Locale; switchTo: (locale: Locale) => Promise<void> } {
  useTranslation(); // re-render on language change
  const session = useSession();
  const manager = useSessionManager();
  const [, saveLocale] = useMutation(AccountLocaleSaveDocument);
  const switchTo = useCallback(
    async (locale: Locale) => {
      await changeLocale(locale);
      if (session.status === 'signedIn' && session.viewer && session.viewer.locale !== toApiLocale(locale)) {
        const result = await saveLocale({ locale: toApiLocale(locale) });
        const user = result.data?.profileUpdate.user;
        if (user) manager.updateViewer(user);
      }
    },
    [session.status, session.viewer, saveLocale, manager],
  );
  return { locale: currentLocale(), switchTo };
}
