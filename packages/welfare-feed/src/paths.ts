/** JSON paths as people read them: $.services[3].locations[0].lat */

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

export function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return PLAIN_KEY.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Converts a JSON Pointer ("/services/3/name") to a JSON path ("$.services[3].name"). */
export function fromPointer(pointer: string): string {
  if (!pointer) return '$';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>((path, part) => child(path, /^\d+$/.test(part) ? Number(part) : part), '$');
}
