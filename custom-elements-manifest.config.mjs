// `cem analyze` settings: the manifest documents the public elements from their JSDoc.
export default {
  globs: ['src/prepaid-checkout/prepaid-checkout.ts', 'src/payout-claim/payout-claim.ts'],
  exclude: ['**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
};
