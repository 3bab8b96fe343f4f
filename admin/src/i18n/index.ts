import polyglotI18nProvider from 'ra-i18n-polyglot';
import zh from './zh';

// Chinese is bundled (the default); English loads on demand.
const getMessages = (locale: string) => (locale === 'en' ? import('./en').then((m) => m.default) : zh);

export const i18nProvider = polyglotI18nProvider(
  getMessages,
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  // Server error messages reach `notify` untranslated; let them through without console warnings.
  { allowMissing: true },
);
