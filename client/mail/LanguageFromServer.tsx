import { useEffect } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { settingsApi } from './settingsApi';

/**
 * The language is the person's, not the browser's: mails are written in it. Once
 * signed in, the page takes the language the person chose (on another computer
 * perhaps); someone who never chose keeps this browser's, which the server then
 * remembers if it is not the default.
 */
export function LanguageFromServer({ userId }: { userId: string }) {
  const { lang, setLang } = useI18n();
  useEffect(() => {
    let live = true;
    settingsApi.get(true).then(
      (settings) => {
        if (!live) return;
        if (settings.language && settings.language !== lang) setLang(settings.language);
        else if (!settings.language && lang !== 'sv') void settingsApi.save({ language: lang }).catch(() => {});
      },
      () => {},
    );
    return () => {
      live = false;
    };
    // Once per person signing in; later switches are saved by the language switch itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);
  return null;
}
