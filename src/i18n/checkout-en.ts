/** The checkout widget's sections of en.ts, as the chunk that `checkoutMessages.en` loads (the other widget's are left out). */
export { common, checkout } from './en.js';
