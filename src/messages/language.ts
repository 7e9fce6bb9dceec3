/** The languages Itda answers in; every message catalog has one file per language. */
export type Language = 'ko' | 'en';
