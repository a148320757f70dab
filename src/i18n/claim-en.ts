/** The claim widget's sections of en.ts, as the chunk that `claimMessages.en` loads (the other widget's are left out). */
export { common, claim } from './en.js';
