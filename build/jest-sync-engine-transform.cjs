/**
 * Jest transform for json-rules-engine's dist files: the same binding the
 * esbuild bundle applies (see sync-engine-binding.cjs), so core tests in Node
 * run the engine exactly as Apps Script will.
 */
const { bindSyncPromise } = require('./sync-engine-binding.cjs');

module.exports = {
  process(source) {
    return { code: bindSyncPromise(source) };
  },
  getCacheKey(source, filename) {
    return `sync-engine-v1:${filename}:${source.length}:${require('node:crypto').createHash('sha1').update(source).digest('hex')}`;
  },
};
