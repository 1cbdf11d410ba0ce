/** The schema of a `host:port` field such as `listen`. */
import { z } from 'zod';
import { DOC_TYPE } from './doc-type.js';

/** Where a server listens. */
export interface ListenAddress {
  /** A host name or an IP address (an IPv6 one without its brackets). */
  readonly host: string;
  /** 0 lets the system pick a free port. */
  readonly port: number;
}

const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]/]+)):(\d{1,5})$/;

/** `host:port` (`[::1]:7600` for IPv6) in, a {@link ListenAddress} out. */
export function listenField(defaultValue: string, description: string) {
  return z
    .string()
    .transform((text, ctx): ListenAddress => {
      const match = HOST_PORT.exec(text);
      const port = Number(match?.[3]);
      const host = match?.[1] ?? match?.[2];
      if (host === undefined || !(port <= 65_535)) {
        const problem = `not a host:port (${JSON.stringify(text)}); e.g. 127.0.0.1:7600 or [::1]:7600`;
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      return { host, port };
    })
    .prefault(defaultValue)
    .meta({ description, [DOC_TYPE]: 'host:port' });
}

/** `host:port` again, brackets around an IPv6 host. */
export function formatListen(a: ListenAddress): string {
  return `${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
}
