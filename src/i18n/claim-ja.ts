/** The claim widget's sections of ja.ts, as the chunk that `claimMessages.ja` loads (the other widget's are left out). */
export { common, claim } from './ja.js';
