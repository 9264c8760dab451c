import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en, laterEnglish, lazyCatalogues } from './catalogues';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

/**
 * Loads a catalogue that is not bundled (i18next's backend interface): English is in the first
 * download, the others come when chosen. Until it is there, `useTranslation` suspends.
 */
const lazyBackend = {
  type: 'backend' as const,
  init: () => undefined,
  read(language: string, _namespace: string, done: (error: unknown, data?: Record<string, unknown>) => void) {
    const load = lazyCatalogues[language];
    if (!load) return done(null, {});
    load().then(
      (catalogue) => done(null, catalogue),
      (error: unknown) => done(error),
    );
  },
};

/**
 * English and Simplified Chinese. The choice is remembered in localStorage; the first visit
 * follows the browser's language (`zh`, `zh-Hans`, `zh-CN` all select Simplified Chinese).
 */
void i18n
  .use(LanguageDetector)
  .use(lazyBackend)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    fallbackLng: { zh: ['zh-CN', 'en'], 'zh-Hans': ['zh-CN', 'en'], default: ['en'] },
    supportedLngs: ['en', 'zh-CN'],
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
    detection: {
      order: ['localStorage', 'cookie', 'navigator'],
      lookupLocalStorage: 'cinder-console.language',
      // The cookie tells the BFF, which draws a page's first paint in the same language.
      caches: ['localStorage', 'cookie'],
      lookupCookie: 'cc_lang',
      cookieMinutes: 525_600,
      cookieOptions: { path: '/', sameSite: 'strict' },
      convertDetectedLanguage: (lng: string) => (/^zh(?:-(?:CN|Hans|SG))?$/i.test(lng) ? 'zh-CN' : lng),
    },
  });

// The page's language is the app's (absent where the first paint is drawn on the server).
if (typeof document !== 'undefined') {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
}

let laterLoaded: Promise<void> | undefined;

/**
 * Adds the English strings that are not in the first download (catalogues.ts). Page loaders await
 * it beside the page's code, so no page renders a key instead of its text; it loads once.
 */
export function loadLaterCatalogues(): Promise<void> {
  laterLoaded ??= laterEnglish().then((catalogue) => {
    i18n.addResourceBundle('en', 'translation', catalogue, true, false);
  });
  return laterLoaded;
}

export default i18n;
