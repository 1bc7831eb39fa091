/**
 * Loaded into every test build with `node --import` (see astro-cli.ts): records, and
 * refuses, any attempt of the build process to resolve a host name or open a connection to
 * anything but the loopback address. Everything that goes through Node's networking (fetch,
 * http, https, net, tls, dns) passes `net.Socket#connect` or `dns.lookup`. The attempts are
 * appended to the file in NEWSPRINT_NETWORK_LOG, one JSON line each; the publishing checks
 * require it to stay empty.
 */
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.NEWSPRINT_NETWORK_LOG;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

function refuse(kind: string, target: string): Error {
  if (log) appendFileSync(log, `${JSON.stringify({ kind, target, pid: process.pid, stack: new Error().stack?.split('\n').slice(2, 8) })}\n`);
  return new Error(`Network access during the build is not allowed (${kind} ${target}).`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; port?: number; path?: string } | number | string;
  const options = typeof first === 'object' && first !== null && !Array.isArray(first) ? first : undefined;
  // A Unix socket or pipe (a path) is local by definition.
  if (!options?.path && !(typeof first === 'string' && Number.isNaN(Number(first)))) {
    const host = options ? (options.host ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
    if (!LOOPBACK.test(host)) throw refuse('connect', `${host}:${options?.port ?? first}`);
  }
  return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

const lookup = dns.lookup;
dns.lookup = function (hostname: string, ...rest: unknown[]) {
  if (!LOOPBACK.test(hostname)) throw refuse('dns.lookup', hostname);
  return (lookup as (...a: unknown[]) => unknown).call(dns, hostname, ...rest);
} as typeof dns.lookup;

const lookupPromise = dns.promises.lookup;
dns.promises.lookup = function (hostname: string, ...rest: unknown[]) {
  if (!LOOPBACK.test(hostname)) return Promise.reject(refuse('dns.promises.lookup', hostname));
  return (lookupPromise as (...a: unknown[]) => Promise<unknown>).call(dns.promises, hostname, ...rest);
} as typeof dns.promises.lookup;
