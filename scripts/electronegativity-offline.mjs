/**
 * Loaded (`node --import`) into the Electronegativity CLI by scripts/electronegativity.ts.
 *
 * 1. Offline and fast: Electronegativity fetches translations and Electron's release list with `got`
 *    on every run; without a network that costs timeouts and makes `npm test` depend on the internet.
 *    Its own `got` calls are answered with an immediate rejection, which it already handles (it falls
 *    back to its bundled English strings).
 * 2. Deterministic CSV: it writes the CSV header and the rows with two concurrent `fs.writeFile`
 *    calls (1.10.3, util/file.js), so the rows can be truncated away or overwritten by the header and
 *    a scan would look clean. Writes of .csv files are made synchronous, in call order.
 *
 * Both patch the CommonJS module objects the tool's `require` sees (`node:module`, `node:fs`).
 */
import fs from 'node:fs';
import Module from 'node:module';

const load = Module._load;
Module._load = function loadWithoutNetwork(request, parent, isMain) {
  if (request === 'got' && parent && /electronegativity/.test(parent.filename)) {
    return () => Promise.reject(new Error('network disabled by scripts/electronegativity-offline.mjs'));
  }
  return load.call(this, request, parent, isMain);
};

const writeFile = fs.writeFile;
fs.writeFile = function writeCsvInOrder(path, data, options, callback) {
  if (typeof path !== 'string' || !path.endsWith('.csv')) return writeFile.apply(this, arguments);
  const done = typeof options === 'function' ? options : callback;
  const flag = typeof options === 'object' && options !== null && options.flag ? options.flag : 'w';
  let error = null;
  try {
    fs.writeFileSync(path, data, { flag });
  } catch (caught) {
    error = caught;
  }
  process.nextTick(() => done?.(error));
};
