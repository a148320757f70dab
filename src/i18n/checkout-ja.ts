/** The checkout widget's sections of ja.ts, as the chunk that `checkoutMessages.ja` loads (the other widget's are left out). */
export { common, checkout } from './ja.js';
