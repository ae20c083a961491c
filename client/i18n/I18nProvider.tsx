import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANG_COOKIE } from '../../shared/i18n/langCookie';
import { en } from '../../shared/i18n/en';
import { sv, type Messages } from '../../shared/i18n/sv';

export type Lang = 'sv' | 'en';

const MESSAGES: Record<Lang, Messages> = { sv, en };
const STORAGE_KEY = 'planbord.lang';

interface I18n {
  lang: Lang;
  t: Messages;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n>({ lang: 'sv', t: sv, setLang: () => {} });

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv'; // storage can be blocked; Swedish is the default
  }
}

/** Holds the chosen language, remembers it and keeps `<html lang>` in step for screen readers. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    // For the server, which draws a page's first board in this language.
    document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      t: MESSAGES[lang],
      setLang: (next) => {
        setLangState(next);
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // not remembered, still switched
        }
      },
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
