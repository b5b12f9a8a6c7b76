import { useSyncExternalStore } from 'react';

/**
 * Hash-based routing (`#/persons`): works from any static host and from the platform server without
 * a fallback route, and needs no router dependency. A path is the part after `#`, without `?query`.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  const path = hash.split('?')[0] ?? '';
  return path.startsWith('/') ? path : '/';
}

export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function hrefFor(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}
