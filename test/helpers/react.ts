/**
 * React 19 for the browser tests. React ships CommonJS only, so web-test-runner.config.mjs serves this file
 * as one ES module that esbuild bundles from it (react, react-dom/client and scheduler, one copy of React).
 * Import React from here in tests, never from 'react' itself; add a name here when a test needs one.
 */
export { createElement, StrictMode } from 'react';
export { createRoot, type Root } from 'react-dom/client';
