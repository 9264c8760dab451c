import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en, zhCN } from './catalogues';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

/**
 * English and Simplified Chinese. The choice is remembered in localStorage; the first visit
 * follows the browser's language (`zh`, `zh-Hans`, `zh-CN` all select Simplified Chinese).
 */
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    fallbackLng: { zh: ['zh-CN', 'en'], 'zh-Hans': ['zh-CN', 'en'], default: ['en'] },
    supportedLngs: ['en', 'zh-CN'],
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
    detection: {
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: 'cinder-console.language',
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => (/^zh(?:-(?:CN|Hans|SG))?$/i.test(lng) ? 'zh-CN' : lng),
    },
  });

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18n.resolvedLanguage ?? 'en';

export default i18n;
