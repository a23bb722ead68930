/**
 * A small Redis client (RESP2 over node:net) implementing BullMQ's
 * `IRedisClient`, installed as `RedisConnection.clientFactory`.
 *
 * Why it exists: bullmq 6 lists ioredis (and node-redis) only as optional
 * peer dependencies, and neither is in this project's lockfile, so BullMQ
 * could not open a connection. Adding a package was not allowed for this
 * work; when ioredis is added, delete this file and the one line in
 * queueConfig.ts that installs it (BullMQ then builds ioredis clients itself).
 *
 * What it does, modelled on ioredis's behaviour that BullMQ relies on:
 * connects on construction; while disconnected, new commands wait in an
 * offline queue (forever when maxRetriesPerRequest is null, BullMQ's setting
 * for workers; else they fail after that many reconnect attempts); commands in
 * flight when the socket drops fail with "Connection is closed." (never
 * re-sent: a Lua script must not run twice); reconnects with
 * `retryStrategy`; Lua scripts by EVALSHA with an EVAL fallback on NOSCRIPT,
 * and SCRIPT LOAD before a transaction uses them (a restarted Redis has
 * forgotten them).
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';

export interface RespClientOptions {
  host?: string;
  port?: number;
  username?: string;
  password?: string;
  db?: number;
  connectionName?: string;
  maxRetriesPerRequest?: number | null;
  retryStrategy?: (times: number) => number | void | null;
  [key: string]: unknown;
}

type Arg = string | number | Buffer;
type Reply = string | number | null | Reply[] | ReplyError;

export class ReplyError extends Error {}

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

interface Script {
  sha: string;
  lua: string;
  numberOfKeys: number;
}

const CLOSED = 'Connection is closed.';

function encode(args: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Incremental RESP2 parser: feed bytes, get whole replies. */
class ReplyParser {
  private buf: Buffer = Buffer.alloc(0);
  feed(chunk: Buffer): Reply[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Reply[] = [];
    for (;;) {
      const r = this.parse(0);
      if (!r) break;
      out.push(r.value);
      this.buf = this.buf.subarray(r.end);
    }
    return out;
  }
  private parse(at: number): { value: Reply; end: number } | null {
    const eol = this.buf.indexOf('\r\n', at);
    if (eol < 0) return null;
    const type = String.fromCharCode(this.buf[at]!);
    const line = this.buf.toString('utf8', at + 1, eol);
    const next = eol + 2;
    switch (type) {
      case '+':
        return { value: line, end: next };
      case '-':
        return { value: new ReplyError(line), end: next };
      case ':':
        return { value: Number(line), end: next };
      case '$': {
        const n = Number(line);
        if (n < 0) return { value: null, end: next };
        if (this.buf.length < next + n + 2) return null;
        return { value: this.buf.toString('utf8', next, next + n), end: next + n + 2 };
      }
      case '*': {
        const n = Number(line);
        if (n < 0) return { value: null, end: next };
        const items: Reply[] = [];
        let pos = next;
        for (let i = 0; i < n; i++) {
          const r = this.parse(pos);
          if (!r) return null;
          items.push(r.value);
          pos = r.end;
        }
        return { value: items, end: pos };
      }
      default:
        throw new Error(`Redis protocol error: unexpected reply type "${type}"`);
    }
  }
}

function pairsToObject(r: Reply): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(r)) for (let i = 0; i + 1 < r.length; i += 2) out[String(r[i])] = String(r[i + 1]);
  return out;
}

function hashArgs(data: Record<string, string | number>): Arg[] {
  return Object.entries(data).flatMap(([f, v]) => [f, v]);
}

function scriptArgs(script: Script, args: unknown[]): Arg[] {
  const flat = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  return flat.map((a) => (Buffer.isBuffer(a) ? a : a === undefined || a === null ? '' : (a as string | number)));
}

export class RespClient extends EventEmitter {
  readonly __bullmq_iredis = true;
  readonly isCluster = false;
  status = 'wait';
  options: RespClientOptions;
  private socket: Socket | null = null;
  private parser = new ReplyParser();
  private inFlight: Pending[] = [];
  private offline: Array<{ frame: Buffer; pending: Pending; attempts: number }> = [];
  private scripts = new Map<string, Script>();
  private loaded = new Set<string>();
  private attempts = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private ended = false;

  constructor(options: RespClientOptions = {}) {
    super();
    this.options = { host: '127.0.0.1', port: 6379, ...options };
    void this.connect().catch(() => {});
  }

  // ---- connection lifecycle ----

  connect(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    this.ended = false;
    return new Promise((resolvePromise, reject) => {
      this.once('ready', resolvePromise);
      if (this.socket || this.reconnectTimer) return;
      this.open(reject);
    });
  }

  private open(onFirstError?: (e: Error) => void): void {
    this.status = 'connecting';
    const socket = connect({ host: this.options.host ?? '127.0.0.1', port: this.options.port ?? 6379 });
    socket.setNoDelay(true);
    this.socket = socket;
    this.parser = new ReplyParser();
    socket.on('connect', () => {
      this.status = 'connect';
      this.emit('connect');
      const hello: Arg[][] = [];
      if (this.options.password)
        hello.push(
          this.options.username
            ? ['AUTH', this.options.username, this.options.password]
            : ['AUTH', this.options.password],
        );
      if (this.options.db) hello.push(['SELECT', this.options.db]);
      if (this.options.connectionName) hello.push(['CLIENT', 'SETNAME', this.options.connectionName]);
      Promise.all(hello.map((args) => this.send(args)))
        .then(() => {
          this.attempts = 0;
          this.loaded.clear();
          this.status = 'ready';
          this.emit('ready');
          const queued = this.offline.splice(0);
          for (const q of queued) this.write(q.frame, q.pending);
        })
        .catch((e: Error) => {
          this.emit('error', e);
          socket.destroy();
        });
    });
    socket.on('data', (chunk: Buffer) => {
      let replies: Reply[];
      try {
        replies = this.parser.feed(chunk);
      } catch (e) {
        this.emit('error', e);
        socket.destroy();
        return;
      }
      for (const r of replies) {
        const p = this.inFlight.shift();
        if (!p) continue;
        if (r instanceof ReplyError) p.reject(r);
        else p.resolve(r);
      }
    });
    socket.on('error', (e) => {
      if (onFirstError && this.status === 'connecting') onFirstError(e);
      if (!this.ended) this.emit('error', e);
    });
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      for (const p of this.inFlight.splice(0)) p.reject(new Error(CLOSED));
      this.emit('close');
      if (this.ended) {
        this.status = 'end';
        this.failOffline();
        this.emit('end');
        return;
      }
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    this.attempts += 1;
    const max = this.options.maxRetriesPerRequest;
    if (typeof max === 'number') {
      for (const q of [...this.offline]) {
        q.attempts += 1;
        if (q.attempts > max) {
          this.offline.splice(this.offline.indexOf(q), 1);
          q.pending.reject(new Error(`Reached the max retries per request limit (${max}); ${CLOSED}`));
        }
      }
    }
    const delay = this.options.retryStrategy?.(this.attempts) ?? Math.min(this.attempts * 200, 2000);
    if (typeof delay !== 'number') {
      this.ended = true;
      this.status = 'end';
      this.failOffline();
      this.emit('end');
      return;
    }
    this.status = 'reconnecting';
    this.emit('reconnecting', delay);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.ended) this.open();
    }, delay);
  }

  private failOffline(): void {
    for (const q of this.offline.splice(0)) q.pending.reject(new Error(CLOSED));
  }

  disconnect(reconnect = false): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    if (reconnect) {
      this.socket?.destroy();
      return;
    }
    this.ended = true;
    if (this.socket) this.socket.destroy();
    else {
      this.status = 'end';
      this.failOffline();
      this.emit('close');
      this.emit('end');
    }
  }

  async quit(): Promise<string> {
    if (this.status === 'ready') await this.send(['QUIT']).catch(() => {});
    this.disconnect(false);
    return 'OK';
  }

  duplicate(overrides: Partial<RespClientOptions> = {}): RespClient {
    const dup = new RespClient({ ...this.options, ...overrides });
    for (const [name, s] of this.scripts) dup.defineCommand(name, { numberOfKeys: s.numberOfKeys, lua: s.lua });
    return dup;
  }

  // ---- commands ----

  private write(frame: Buffer, pending: Pending): void {
    this.inFlight.push(pending);
    this.socket!.write(frame);
  }

  /** Sends one command; waits in the offline queue while disconnected. */
  send(args: readonly Arg[]): Promise<Reply> {
    return new Promise((resolvePromise, reject) => {
      const pending = { resolve: resolvePromise, reject };
      const frame = encode(args);
      if (this.ended || this.status === 'end') reject(new Error(CLOSED));
      else if (
        this.socket &&
        (this.status === 'ready' || args[0] === 'AUTH' || args[0] === 'SELECT' || args[0] === 'CLIENT')
      )
        this.write(frame, pending);
      else this.offline.push({ frame, pending, attempts: 0 });
    });
  }

  call(...args: Arg[]): Promise<Reply> {
    return this.send(args);
  }

  defineCommand(name: string, def: { numberOfKeys: number; lua: string }): void {
    const sha = createHash('sha1').update(def.lua).digest('hex');
    this.scripts.set(name, { sha, lua: def.lua, numberOfKeys: def.numberOfKeys });
    (this as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => this.runCommand(name, args);
  }

  private script(name: string): Script {
    const s = this.scripts.get(name);
    if (!s) throw new Error(`BullMQ: unknown command "${name}"`);
    return s;
  }

  async runCommand(name: string, args: unknown[]): Promise<Reply> {
    const s = this.script(name);
    const rest = scriptArgs(s, args);
    try {
      return await this.send(['EVALSHA', s.sha, s.numberOfKeys, ...rest]);
    } catch (e) {
      if (!(e instanceof ReplyError) || !e.message.startsWith('NOSCRIPT')) throw e;
      return this.send(['EVAL', s.lua, s.numberOfKeys, ...rest]);
    }
  }

  /** Makes sure Redis has these scripts cached (before a transaction uses EVALSHA). */
  async loadScripts(names: Iterable<string>): Promise<void> {
    for (const name of names) {
      const s = this.script(name);
      if (this.loaded.has(s.sha)) continue;
      await this.send(['SCRIPT', 'LOAD', s.lua]);
      this.loaded.add(s.sha);
    }
  }

  scriptFrame(name: string, args: unknown[]): Arg[] {
    const s = this.script(name);
    return ['EVALSHA', s.sha, s.numberOfKeys, ...scriptArgs(s, args)];
  }

  multi(): RespTransaction {
    return new RespTransaction(this, true);
  }
  pipeline(): RespTransaction {
    return new RespTransaction(this, false);
  }

  async hgetall(key: string) {
    return pairsToObject(await this.send(['HGETALL', key]));
  }
  hget(key: string, field: string) {
    return this.send(['HGET', key, field]) as Promise<string | null>;
  }
  hmget(key: string, ...fields: string[]) {
    return this.send(['HMGET', key, ...fields]) as Promise<(string | null)[]>;
  }
  hset(key: string, data: Record<string, string | number>) {
    return this.send(['HSET', key, ...hashArgs(data)]) as Promise<number>;
  }
  hdel(key: string, ...fields: string[]) {
    return this.send(['HDEL', key, ...fields]) as Promise<number>;
  }
  hexists(key: string, field: string) {
    return this.send(['HEXISTS', key, field]) as Promise<number>;
  }
  get(key: string) {
    return this.send(['GET', key]) as Promise<string | null>;
  }
  set(key: string, value: string | number, options?: { PX?: number; EX?: number }) {
    const extra: Arg[] = options?.PX != null ? ['PX', options.PX] : options?.EX != null ? ['EX', options.EX] : [];
    return this.send(['SET', key, value, ...extra]) as Promise<string | null>;
  }
  del(...keys: string[]) {
    return this.send(['DEL', ...keys]) as Promise<number>;
  }
  zrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }) {
    return this.send(['ZRANGE', key, start, end, ...(options?.WITHSCORES ? ['WITHSCORES'] : [])]) as Promise<string[]>;
  }
  zrevrange(key: string, start: number, end: number, options?: { WITHSCORES?: boolean }) {
    return this.send(['ZREVRANGE', key, start, end, ...(options?.WITHSCORES ? ['WITHSCORES'] : [])]) as Promise<
      string[]
    >;
  }
  zcard(key: string) {
    return this.send(['ZCARD', key]) as Promise<number>;
  }
  zscore(key: string, member: string) {
    return this.send(['ZSCORE', key, member]) as Promise<string | null>;
  }
  lrange(key: string, start: number, end: number) {
    return this.send(['LRANGE', key, start, end]) as Promise<string[]>;
  }
  llen(key: string) {
    return this.send(['LLEN', key]) as Promise<number>;
  }
  ltrim(key: string, start: number, end: number) {
    return this.send(['LTRIM', key, start, end]) as Promise<string>;
  }
  lpos(key: string, value: string) {
    return this.send(['LPOS', key, value]) as Promise<number | null>;
  }
  smembers(key: string) {
    return this.send(['SMEMBERS', key]) as Promise<string[]>;
  }
  xadd(
    key: string,
    id: string,
    fields: Record<string, string | number>,
    options?: { MAXLEN?: number; approximate?: boolean },
  ) {
    const trim: Arg[] =
      options?.MAXLEN != null ? ['MAXLEN', ...(options.approximate !== false ? ['~'] : []), options.MAXLEN] : [];
    return this.send(['XADD', key, ...trim, id, ...hashArgs(fields)]) as Promise<string>;
  }
  xread(streams: { key: string; id: string }[], options?: { BLOCK?: number; COUNT?: number }) {
    return this.send([
      'XREAD',
      ...(options?.BLOCK != null ? ['BLOCK', options.BLOCK] : []),
      ...(options?.COUNT != null ? ['COUNT', options.COUNT] : []),
      'STREAMS',
      ...streams.map((s) => s.key),
      ...streams.map((s) => s.id),
    ]);
  }
  xtrim(key: string, strategy: 'MAXLEN', threshold: number, options?: { approximate?: boolean }) {
    return this.send([
      'XTRIM',
      key,
      strategy,
      ...(options?.approximate !== false ? ['~'] : []),
      threshold,
    ]) as Promise<number>;
  }
  bzpopmin(key: string, timeout: number) {
    return this.send(['BZPOPMIN', key, timeout]) as Promise<[string, string, string] | null>;
  }
  info() {
    return this.send(['INFO']) as Promise<string>;
  }
  clientSetName(name: string) {
    return this.send(['CLIENT', 'SETNAME', name]);
  }
  clientList() {
    return this.send(['CLIENT', 'LIST']) as Promise<string>;
  }
  clientInfo() {
    return this.send(['CLIENT', 'INFO']) as Promise<string>;
  }
  scan(cursor: string | number, options: { MATCH?: string; COUNT?: number }) {
    return this.send([
      'SCAN',
      cursor,
      ...(options?.MATCH != null ? ['MATCH', options.MATCH] : []),
      ...(options?.COUNT != null ? ['COUNT', options.COUNT] : []),
    ]) as Promise<[string, string[]]>;
  }
  scanStream(options: { match: string; count?: number }): Readable {
    let cursor = '0';
    let done = false;
    const stream: Readable = new Readable({
      objectMode: true,
      read: () => {
        if (done) return;
        this.scan(cursor, { MATCH: options.match, COUNT: options.count }).then(
          ([next, keys]) => {
            cursor = next;
            done = next === '0';
            stream.push(keys);
            if (done) stream.push(null);
          },
          (e: Error) => stream.destroy(e),
        );
      },
    });
    return stream;
  }
}

/** MULTI/EXEC (atomic) or a plain pipeline; replies as [error, result] pairs like ioredis. */
export class RespTransaction {
  private commands: Array<{ args: Arg[]; transform?: (r: Reply) => unknown }> = [];
  private scriptNames = new Set<string>();
  constructor(
    private client: RespClient,
    private atomic: boolean,
  ) {}
  private add(args: Arg[], transform?: (r: Reply) => unknown): this {
    this.commands.push({ args, transform });
    return this;
  }
  hgetall(key: string) {
    return this.add(['HGETALL', key], pairsToObject);
  }
  hset(key: string, data: Record<string, string | number>) {
    return this.add(['HSET', key, ...hashArgs(data)]);
  }
  hscan(key: string, cursor: string | number, options?: { COUNT?: number }) {
    return this.add(['HSCAN', key, cursor, ...(options?.COUNT != null ? ['COUNT', options.COUNT] : [])]);
  }
  smembers(key: string) {
    return this.add(['SMEMBERS', key]);
  }
  sscan(key: string, cursor: string | number, options?: { COUNT?: number }) {
    return this.add(['SSCAN', key, cursor, ...(options?.COUNT != null ? ['COUNT', options.COUNT] : [])]);
  }
  zrange(key: string, start: number, end: number) {
    return this.add(['ZRANGE', key, start, end]);
  }
  lrange(key: string, start: number, end: number) {
    return this.add(['LRANGE', key, start, end]);
  }
  llen(key: string) {
    return this.add(['LLEN', key]);
  }
  del(...keys: string[]) {
    return this.add(['DEL', ...keys]);
  }
  runCommand(name: string, args: unknown[]) {
    this.scriptNames.add(name);
    return this.add(this.client.scriptFrame(name, args));
  }
  async exec(): Promise<[Error | null, unknown][] | null> {
    await this.client.loadScripts(this.scriptNames);
    const settle = (r: Reply, transform?: (r: Reply) => unknown): [Error | null, unknown] =>
      r instanceof ReplyError ? [r, null] : [null, transform ? transform(r) : r];
    if (!this.atomic) {
      const replies = await Promise.all(
        this.commands.map((c) =>
          this.client.send(c.args).then(
            (r) => r,
            (e: Error) => (e instanceof ReplyError ? e : Promise.reject(e)),
          ),
        ),
      );
      return replies.map((r, i) => settle(r, this.commands[i]!.transform));
    }
    const queued = [
      this.client.send(['MULTI']),
      ...this.commands.map((c) => this.client.send(c.args).catch((e: Error) => e)),
    ];
    const exec = this.client.send(['EXEC']);
    await Promise.all(queued);
    const replies = (await exec) as Reply[] | null;
    if (replies === null) return null;
    return replies.map((r, i) => settle(r, this.commands[i]!.transform));
  }
}
