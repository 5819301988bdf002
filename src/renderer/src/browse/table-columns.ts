/** Moved to shared: main's record service lists pages of the Browse table with the same rules. */
export * from '@shared/collection/table-columns';
