// The pages without a script of their own (the 404 page): only the language switch.
import { setUpLanguage } from './i18n.js';

setUpLanguage();
