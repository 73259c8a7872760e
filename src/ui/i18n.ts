/** The translator for components, from context: `const { t, lang } = useI18n()`. Without a
 * provider (a component rendered on its own, in a test) it is English. */
import { createContext, useContext } from "solid-js";
import { type I18n, staticI18n } from "../state/i18n.ts";

export const I18nContext = createContext<I18n>(staticI18n());

export const useI18n = (): I18n => useContext(I18nContext);
