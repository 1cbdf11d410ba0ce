/** The media type of a content-type header, without parameters, lower-cased. */

/** `application/json; charset=utf-8` → `application/json`; absent → `''`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
