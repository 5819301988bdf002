/** Public API of the collection model (pure: usable from main, preload and renderer). */
export * from './schema';
export * from './edtf';
export * from './links';
export * from './integrity';
export * from './validate';
