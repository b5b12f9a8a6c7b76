export * from './problem.ts';
export * from './text.ts';
