/**
 * @module
 * Routing by the address's fragment (`#/groups/!id/chat`), so the static build needs no server
 * rewrite rules and every view has an address that back and forward buttons follow.
 */
import { useEffect, useState } from 'preact/hooks';

/** The route's path segments, decoded (`#/groups/!a%3Ab/chat` → `["groups", "!a:b", "chat"]`). */
export function currentRoute(): string[] {
  return location.hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
}

/** Builds a fragment address from segments, encoding each. */
export function routeHref(...segments: string[]): string {
  return `#/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}

/** The current route, updated on `hashchange`. */
export function useHashRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
