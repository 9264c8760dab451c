import { byNamespace } from './catalogues';

/** Simplified Chinese, a chunk of its own that loads when chosen (catalogues.ts). */
export const zhCN = byNamespace(import.meta.glob('./locales/zh-CN/*.json', { eager: true }));
