/** The schema of a URL field: http or https only; the problem never quotes the value. */
import { z } from 'zod';

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An http(s) URL. */
export function httpUrl(description: string) {
  return z.string().refine(isHttpUrl, { message: 'not an http(s) URL' }).describe(description);
}
