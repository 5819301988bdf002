// `node --import tsx --import ./tests/support/fake-electron/register.mjs out/main/index.js` loads the built
// main bundle with `electron` resolved to the fake beside this file.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
