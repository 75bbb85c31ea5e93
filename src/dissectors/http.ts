// http: Hypertext Transfer Protocol/1.x (RFC 9110, RFC 9112) over TCP.
//
//   request-line = method SP request-target SP HTTP-version CRLF
//   status-line  = HTTP-version SP status-code SP [ reason-phrase ] CRLF
//   *( field-line CRLF )
//   CRLF
//   [ message-body ]   Content-Length bytes | chunked (chunk-size [ext] CRLF data CRLF … 0 CRLF trailers CRLF)
//                      | until the connection closes (a response with neither)
//
// Messages span segments through TCP reassembly (p.desegment): the headers until the empty line
// (DESEGMENT_ONE_MORE), then the body by Content-Length, chunk by chunk, or until FIN. Info is set
// from the first line before asking, as tshark shows it ("GET / HTTP/1.1  [TCP segment of a
// reassembled PDU]"). Requests and responses of a connection are matched in order (pipelining):
// http.request_in / response_in / time / prev_* / next_*; the first pass keeps each message's
// result for revisits. Bodies are de-chunked and decoded (gzip, deflate, br through
// platform.inflate, with an output cap) into new data sources, then handed to the media type's
// dissector (data-text-lines, media, …). Complete response bodies are kept for --export-objects.

import { FT, Base, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { DESEGMENT_ONE_MORE, DESEGMENT_UNTIL_FIN } from '../core/packet.js';
import { registerHandle, type Handle } from '../core/table.js';
import { expertInfo, Group, hf_expert, hf_expert_group, hf_expert_msg, hf_expert_severity, Severity } from '../core/expert.js';
import { stateKey, type Session } from '../core/session.js';
import { ROOT, TEXT_FIELD, wantTest } from '../core/tree.js';
import { platform, type Encoding } from '../core/platform.js';
import { tcpPortTable, tcpHeuristics } from './tcp.js';
import { ConvMap } from './inet-util.js';
import { callData } from './data.js';
import { escapeText } from './data-text-lines.js';
import { latin1 } from '../capture/utf8.js';
import { sparsePdus } from '../analysis/tcp-reassembly.js';
import { dissectMedia } from './media.js';

export const proto_http = registerProtocol('http', 'Hypertext Transfer Protocol', 'HTTP');

// Every http field tshark registers, in its order (`tshark -G fields`).
const hf = {
  notification: f('http.notification', 'Notification', FT.BOOLEAN, { blurb: 'TRUE if HTTP notification' }),
  response: f('http.response', 'Response', FT.BOOLEAN, { blurb: 'TRUE if HTTP response' }),
  request: f('http.request', 'Request', FT.BOOLEAN, { blurb: 'TRUE if HTTP request' }),
  response_number: f('http.response_number', 'Response number', FT.UINT32),
  request_number: f('http.request_number', 'Request number', FT.UINT32),
  authbasic: f('http.authbasic', 'Credentials', FT.STRING),
  authcitrix: f('http.authcitrix', 'Citrix AG Auth', FT.BOOLEAN, { blurb: 'TRUE if CitrixAGBasic Auth' }),
  authcitrix_user: f('http.authcitrix.user', 'Citrix AG Username', FT.STRING),
  authcitrix_domain: f('http.authcitrix.domain', 'Citrix AG Domain', FT.STRING),
  authcitrix_password: f('http.authcitrix.password', 'Citrix AG Password', FT.STRING),
  authcitrix_session: f('http.authcitrix.session', 'Citrix AG Session ID', FT.STRING),
  response_line: f('http.response.line', 'Response line', FT.STRING),
  request_line: f('http.request.line', 'Request line', FT.STRING),
  request_method: f('http.request.method', 'Request Method', FT.STRING, { blurb: 'HTTP Request Method' }),
  request_uri: f('http.request.uri', 'Request URI', FT.STRING, { blurb: 'HTTP Request-URI' }),
  request_uri_path: f('http.request.uri.path', 'Request URI Path', FT.STRING, { blurb: 'HTTP Request-URI Path' }),
  request_uri_query: f('http.request.uri.query', 'Request URI Query', FT.STRING, { blurb: 'HTTP Request-URI Query' }),
  request_uri_query_parameter: f('http.request.uri.query.parameter', 'Request URI Query Parameter', FT.STRING, { blurb: 'HTTP Request-URI Query Parameter' }),
  request_version: f('http.request.version', 'Request Version', FT.STRING, { blurb: 'HTTP Request HTTP-Version' }),
  response_version: f('http.response.version', 'Response Version', FT.STRING, { blurb: 'HTTP Response HTTP-Version' }),
  request_full_uri: f('http.request.full_uri', 'Full request URI', FT.STRING, { blurb: 'The full requested URI (including host name)' }),
  response_code: f('http.response.code', 'Status Code', FT.UINT16, { blurb: 'HTTP Response Status Code' }),
  response_code_desc: f('http.response.code.desc', 'Status Code Description', FT.STRING, { blurb: 'HTTP Response Status Code Description' }),
  response_for_uri: f('http.response_for.uri', 'Request URI', FT.STRING, { blurb: 'HTTP Response For-URI' }),
  response_phrase: f('http.response.phrase', 'Response Phrase', FT.STRING, { blurb: 'HTTP Response Reason Phrase' }),
  authorization: f('http.authorization', 'Authorization', FT.STRING, { blurb: 'HTTP Authorization header' }),
  proxy_authenticate: f('http.proxy_authenticate', 'Proxy-Authenticate', FT.STRING, { blurb: 'HTTP Proxy-Authenticate header' }),
  proxy_authorization: f('http.proxy_authorization', 'Proxy-Authorization', FT.STRING, { blurb: 'HTTP Proxy-Authorization header' }),
  proxy_connect_host: f('http.proxy_connect_host', 'Proxy-Connect-Hostname', FT.STRING, { blurb: 'HTTP Proxy Connect Hostname' }),
  proxy_connect_port: f('http.proxy_connect_port', 'Proxy-Connect-Port', FT.UINT16, { blurb: 'HTTP Proxy Connect Port' }),
  www_authenticate: f('http.www_authenticate', 'WWW-Authenticate', FT.STRING, { blurb: 'HTTP WWW-Authenticate header' }),
  content_type: f('http.content_type', 'Content-Type', FT.STRING, { blurb: 'HTTP Content-Type header' }),
  content_length_header: f('http.content_length_header', 'Content-Length', FT.STRING, { blurb: 'HTTP Content-Length header' }),
  content_length: f('http.content_length', 'Content length', FT.UINT64),
  content_encoding: f('http.content_encoding', 'Content-Encoding', FT.STRING, { blurb: 'HTTP Content-Encoding header' }),
  transfer_encoding: f('http.transfer_encoding', 'Transfer-Encoding', FT.STRING, { blurb: 'HTTP Transfer-Encoding header' }),
  upgrade: f('http.upgrade', 'Upgrade', FT.STRING, { blurb: 'HTTP Upgrade header' }),
  user_agent: f('http.user_agent', 'User-Agent', FT.STRING, { blurb: 'HTTP User-Agent header' }),
  host: f('http.host', 'Host', FT.STRING, { blurb: 'HTTP Host' }),
  connection: f('http.connection', 'Connection', FT.STRING, { blurb: 'HTTP Connection' }),
  cookie: f('http.cookie', 'Cookie', FT.STRING, { blurb: 'HTTP Cookie' }),
  cookie_pair: f('http.cookie_pair', 'Cookie pair', FT.STRING, { blurb: 'A name/value HTTP cookie pair' }),
  accept: f('http.accept', 'Accept', FT.STRING, { blurb: 'HTTP Accept' }),
  referer: f('http.referer', 'Referer', FT.STRING, { blurb: 'HTTP Referer' }),
  accept_language: f('http.accept_language', 'Accept-Language', FT.STRING, { blurb: 'HTTP Accept Language' }),
  accept_encoding: f('http.accept_encoding', 'Accept Encoding', FT.STRING, { blurb: 'HTTP Accept Encoding' }),
  date: f('http.date', 'Date', FT.STRING, { blurb: 'HTTP Date' }),
  cache_control: f('http.cache_control', 'Cache-Control', FT.STRING, { blurb: 'HTTP Cache Control' }),
  server: f('http.server', 'Server', FT.STRING, { blurb: 'HTTP Server' }),
  location: f('http.location', 'Location', FT.STRING, { blurb: 'HTTP Location' }),
  sec_websocket_accept: f('http.sec_websocket_accept', 'Sec-WebSocket-Accept', FT.STRING),
  sec_websocket_extensions: f('http.sec_websocket_extensions', 'Sec-WebSocket-Extensions', FT.STRING),
  sec_websocket_key: f('http.sec_websocket_key', 'Sec-WebSocket-Key', FT.STRING),
  sec_websocket_protocol: f('http.sec_websocket_protocol', 'Sec-WebSocket-Protocol', FT.STRING),
  sec_websocket_version: f('http.sec_websocket_version', 'Sec-WebSocket-Version', FT.STRING),
  set_cookie: f('http.set_cookie', 'Set-Cookie', FT.STRING, { blurb: 'HTTP Set Cookie' }),
  last_modified: f('http.last_modified', 'Last-Modified', FT.STRING, { blurb: 'HTTP Last Modified' }),
  x_forwarded_for: f('http.x_forwarded_for', 'X-Forwarded-For', FT.STRING, { blurb: 'HTTP X-Forwarded-For' }),
  http2_settings: f('http.http2_settings', 'HTTP2-Settings', FT.STRING),
  request_in: f('http.request_in', 'Request in frame', FT.FRAMENUM, { blurb: 'This packet is a response to the packet with this number' }),
  response_in: f('http.response_in', 'Response in frame', FT.FRAMENUM, { blurb: 'This packet will be responded in the packet with this number' }),
  next_request_in: f('http.next_request_in', 'Next request in frame', FT.FRAMENUM, { blurb: 'The next HTTP request starts in packet number' }),
  next_response_in: f('http.next_response_in', 'Next response in frame', FT.FRAMENUM, { blurb: 'The next HTTP response starts in packet number' }),
  prev_request_in: f('http.prev_request_in', 'Prev request in frame', FT.FRAMENUM, { blurb: 'The previous HTTP request starts in packet number' }),
  prev_response_in: f('http.prev_response_in', 'Prev response in frame', FT.FRAMENUM, { blurb: 'The previous HTTP response starts in packet number' }),
  time: f('http.time', 'Time since request', FT.RELATIVE_TIME, { blurb: 'Time since the request was sent' }),
  chunked_trailer_part: f('http.chunked_trailer_part', 'trailer-part', FT.STRING, { blurb: 'Optional trailer in a chunked body' }),
  chunk_boundary: f('http.chunk_boundary', 'Chunk boundary', FT.BYTES),
  chunk_size: f('http.chunk_size', 'Chunk size', FT.UINT32),
  chunk_data: f('http.chunk_data', 'Chunk data', FT.BYTES),
  file_data: f('http.file_data', 'File Data', FT.STRING),
  unknown_header: f('http.unknown_header', 'Unknown header', FT.STRING),
  http2_settings_uri: f('http.http2_settings_uri', 'HTTP2 Settings URI', FT.BYTES),
  path_segment: f('http.path_segment', 'Path segment', FT.STRING),
  path_sub_segment: f('http.path_sub_segment', 'Path sub segment', FT.STRING),
};

const ei = {
  chat: expertInfo('http.chat', Group.SEQUENCE, Severity.CHAT, 'Formatted text'),
  te_and_length: expertInfo('http.te_and_length', Group.MALFORMED, Severity.WARN, 'The Content-Length and Transfer-Encoding header must not be set together'),
  te_unknown: expertInfo('http.te_unknown', Group.PROTOCOL, Severity.WARN, 'Unknown transfer coding name in Transfer-Encoding header'),
  subdissector_failed: expertInfo('http.subdissector_failed', Group.PROTOCOL, Severity.NOTE, 'HTTP body subdissector failed, trying heuristic subdissector'),
  tls_port: expertInfo('http.tls_port', Group.SECURITY, Severity.WARN, 'Unencrypted HTTP protocol detected over encrypted port, could indicate a dangerous misconfiguration.'),
  leading_crlf: expertInfo('http.leading_crlf', Group.MALFORMED, Severity.ERROR, 'Leading CRLF previous message in the stream may have extra CRLF'),
  bad_header_name: expertInfo('http.bad_header_name', Group.PROTOCOL, Severity.WARN, 'Illegal characters found in header name'),
  decompression_failed: expertInfo('http.decompression_failed', Group.UNDECODED, Severity.WARN, 'Decompression failed'),
  decompression_disabled: expertInfo('http.decompression_disabled', Group.UNDECODED, Severity.CHAT, 'Decompression disabled'),
};

const HTTP_FIELDS: readonly number[] = Object.values(hf);
/** Can the tree get some item of a message's first line, headers or matching (or an expert entry)? */
const messageItems = wantTest((id) => id === TEXT_FIELD || id === hf_expert || id === hf_expert_msg
  || id === hf_expert_severity || id === hf_expert_group || id === ei.chat.fid || HTTP_FIELDS.includes(id), true);

/** Does something read the first line's text as an expert message (beside its text item)? */
const chatItems = wantTest((id) => id === hf_expert || id === hf_expert_msg || id === ei.chat.fid, true);

/** Header name (lower case) → its field; the rest show as http.request.line / http.response.line. */
const HEADER_FIELDS = new Map<string, number>([
  ['authorization', hf.authorization], ['proxy-authenticate', hf.proxy_authenticate],
  ['proxy-authorization', hf.proxy_authorization], ['www-authenticate', hf.www_authenticate],
  ['content-type', hf.content_type], ['content-length', hf.content_length_header],
  ['content-encoding', hf.content_encoding], ['transfer-encoding', hf.transfer_encoding],
  ['upgrade', hf.upgrade], ['user-agent', hf.user_agent], ['host', hf.host], ['connection', hf.connection],
  ['cookie', hf.cookie], ['accept', hf.accept], ['referer', hf.referer], ['accept-language', hf.accept_language],
  ['accept-encoding', hf.accept_encoding], ['date', hf.date], ['cache-control', hf.cache_control],
  ['server', hf.server], ['location', hf.location], ['sec-websocket-accept', hf.sec_websocket_accept],
  ['sec-websocket-extensions', hf.sec_websocket_extensions], ['sec-websocket-key', hf.sec_websocket_key],
  ['sec-websocket-protocol', hf.sec_websocket_protocol], ['sec-websocket-version', hf.sec_websocket_version],
  ['set-cookie', hf.set_cookie], ['last-modified', hf.last_modified], ['x-forwarded-for', hf.x_forwarded_for],
  ['http2-settings', hf.http2_settings],
]);

/** Does the tree get some item of the header lines (then they are read a second time)? */
const headerItems = wantTest((id) => id === hf.content_length || id === hf.cookie_pair || id === hf.request_line
  || id === hf.response_line || [...HEADER_FIELDS.values()].includes(id), true);

/** Status code descriptions as tshark names them. */
const STATUS_NAMES = new Map<number, string>([
  [100, 'Continue'], [101, 'Switching Protocols'], [102, 'Processing'], [103, 'Early Hints'],
  [200, 'OK'], [201, 'Created'], [202, 'Accepted'], [203, 'Non-authoritative Information'], [204, 'No Content'],
  [205, 'Reset Content'], [206, 'Partial Content'], [207, 'Multi-Status'], [208, 'Already Reported'], [226, 'IM Used'],
  [300, 'Multiple Choices'], [301, 'Moved Permanently'], [302, 'Found'], [303, 'See Other'], [304, 'Not Modified'],
  [305, 'Use Proxy'], [307, 'Temporary Redirect'], [308, 'Permanent Redirect'],
  [400, 'Bad Request'], [401, 'Unauthorized'], [402, 'Payment Required'], [403, 'Forbidden'], [404, 'Not Found'],
  [405, 'Method Not Allowed'], [406, 'Not Acceptable'], [407, 'Proxy Authentication Required'], [408, 'Request Time-out'],
  [409, 'Conflict'], [410, 'Gone'], [411, 'Length Required'], [412, 'Precondition Failed'], [413, 'Request Entity Too Large'],
  [414, 'Request-URI Too Long'], [415, 'Unsupported Media Type'], [416, 'Requested Range Not Satisfiable'],
  [417, 'Expectation Failed'], [418, 'I\'m a teapot'], [421, 'Misdirected Request'], [422, 'Unprocessable Entity'],
  [423, 'Locked'], [424, 'Failed Dependency'], [425, 'Too Early'], [426, 'Upgrade Required'], [428, 'Precondition Required'],
  [429, 'Too Many Requests'], [431, 'Request Header Fields Too Large'], [451, 'Unavailable For Legal Reasons'],
  [500, 'Internal Server Error'], [501, 'Not Implemented'], [502, 'Bad Gateway'], [503, 'Service Unavailable'],
  [504, 'Gateway Time-out'], [505, 'HTTP Version not supported'], [506, 'Variant Also Negotiates'],
  [507, 'Insufficient Storage'], [508, 'Loop Detected'], [510, 'Not Extended'], [511, 'Network Authentication Required'],
]);

/** Request methods recognised at the start of a message (RFC 9110, WebDAV, UPnP). */
const METHODS = new Set([
  'GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT', 'PATCH',
  'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'SEARCH', 'REPORT', 'MKACTIVITY',
  'CHECKOUT', 'MERGE', 'MKCALENDAR', 'ACL', 'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE', 'M-SEARCH', 'POLL',
  'BPROPFIND', 'BPROPPATCH', 'BCOPY', 'BDELETE', 'BMOVE', 'X-MS-ENUMATTS', 'RPC_IN_DATA', 'RPC_OUT_DATA',
]);

/** Decoded bodies are capped: a compression bomb stops here (with an expert item). */
const MAX_DECODED = 16 << 20;

// ---- per-capture state ----

/** One request or response, as the first pass matched it (read back on revisits). */
class HttpMsg {
  isReq = false;
  frame = 0;
  tsSec = 0;
  tsNsec = 0;
  /** 1-based number among the connection's requests (or responses) */
  number = 0;
  method = '';
  uri = '';
  fullUri = '';
  prevReq = 0;
  prevResp = 0;
  /** response: its request; request: its response (known once the response was seen) */
  peer: HttpMsg | undefined = undefined;
  next = 0;
  constructor(readonly conv: HttpConv) {}
}

class HttpConv {
  nreq = 0;
  nresp = 0;
  lastReq: HttpMsg | undefined = undefined;
  lastResp: HttpMsg | undefined = undefined;
  /** requests waiting for their response, oldest first */
  pending: HttpMsg[] = [];
}

/** A complete message body for --export-objects (first pass, in capture order). */
export interface HttpObject {
  frame: number;
  hostname: string;
  contentType: string;
  /** the request URI (file names derive from it) */
  uri: string;
  data: Uint8Array;
}

class HttpState {
  convs = new ConvMap<HttpConv>();
  /** message key (frame, data source, offset) → its match */
  msgs = new Map<string, HttpMsg>();
  /** connections the heuristic claimed (later payloads go to HTTP too) */
  heur = new ConvMap<true>();
  objects: HttpObject[] = [];
  /** collect bodies for export (set by --export-objects before the run) */
  collect = false;
}
const HTTP_STATE = stateKey('http', () => new HttpState());

/** Complete message bodies of the capture (first pass), when collection was asked for before. */
export function httpObjects(session: Session): readonly HttpObject[] {
  return session.get(HTTP_STATE).objects;
}

/** Asks the HTTP dissector to keep the message bodies of this session (before dissecting). */
export function collectHttpObjects(session: Session): void {
  session.get(HTTP_STATE).collect = true;
}

/**
 * Process-wide switch (like Decode As, a run's configuration rather than capture state): every
 * session keeps its HTTP bodies — for a CLI that does not see the session before the first packet.
 */
let collectAll = false;
export function setHttpObjectCollection(on: boolean): void {
  collectAll = on;
}

// ---- text helpers ----

const ascii = latin1;

/** Body bytes the dissector itself reads without a full tree (media magic numbers are shorter). */
const SNIFF_BYTES = 16;

/** Index of the LF ending the line starting at `from`, or -1 before `lim`. */
function lineEnd(b: Uint8Array, from: number, lim: number): number {
  for (let i = from; i < lim; i++) if (b[i] === 0x0a) return i;
  return -1;
}

/** End of the line's content (before CR LF / LF). */
function contentEnd(b: Uint8Array, from: number, lf: number): number {
  return lf > from && b[lf - 1] === 0x0d ? lf - 1 : lf;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** `HTTP/d.d` at `o`. */
function isVersion(b: Uint8Array, o: number, lim: number): boolean {
  return o + 8 <= lim && b[o] === 0x48 && b[o + 1] === 0x54 && b[o + 2] === 0x54 && b[o + 3] === 0x50 && b[o + 4] === 0x2f
    && isDigit(b[o + 5]!) && b[o + 6] === 0x2e && isDigit(b[o + 7]!);
}

/** A header line split at its colon (scratch of splitHeader: read it before the next call). */
const hl = { colon: 0, vs: 0, ve: 0 };

/**
 * Splits the header line [x, ce) (without CR LF): the colon (ce when there is none) and the value
 * without the whitespace around it (empty without a colon).
 */
function splitHeader(b: Uint8Array, x: number, ce: number): typeof hl {
  let colon = x;
  while (colon < ce && b[colon] !== 0x3a) colon++;
  let vs = colon < ce ? colon + 1 : ce;
  while (vs < ce && (b[vs] === 0x20 || b[vs] === 0x09)) vs++;
  let ve = ce;
  while (ve > vs && (b[ve - 1] === 0x20 || b[ve - 1] === 0x09)) ve--;
  hl.colon = colon; hl.vs = vs; hl.ve = ve;
  return hl;
}

/** The headers the dissector itself reads (the others matter only to the tree). */
const enum Hdr { OTHER, HOST, CONTENT_TYPE, CONTENT_LENGTH, CONTENT_ENCODING, TRANSFER_ENCODING }

/** Does the name [x, x + n) equal `lower` (lower-case ASCII) ignoring case? */
function nameIs(b: Uint8Array, x: number, n: number, lower: string): boolean {
  if (n !== lower.length) return false;
  for (let i = 0; i < n; i++) {
    const c = b[x + i]!;
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** Number(text of [vs, ve)), without the text when it is a plain decimal number. */
function numberValue(b: Uint8Array, vs: number, ve: number): number {
  if (ve - vs > 15) return Number(ascii(b, vs, ve));
  let v = 0;
  for (let i = vs; i < ve; i++) {
    const c = b[i]!;
    if (!isDigit(c)) return Number(ascii(b, vs, ve));
    v = v * 10 + (c - 0x30);
  }
  return v;
}

/** Is the Latin-1 character `c` whitespace that String#trim removes? */
const isTrimmed = (c: number): boolean => (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0;

/** Which of the headers the dissector reads is the one named [x, x + n), without a string. */
function dispatchHeader(b: Uint8Array, x: number, n: number): Hdr {
  switch (n) {
    case 4: return nameIs(b, x, n, 'host') ? Hdr.HOST : Hdr.OTHER;
    case 12: return nameIs(b, x, n, 'content-type') ? Hdr.CONTENT_TYPE : Hdr.OTHER;
    case 14: return nameIs(b, x, n, 'content-length') ? Hdr.CONTENT_LENGTH : Hdr.OTHER;
    case 16: return nameIs(b, x, n, 'content-encoding') ? Hdr.CONTENT_ENCODING : Hdr.OTHER;
    case 17: return nameIs(b, x, n, 'transfer-encoding') ? Hdr.TRANSFER_ENCODING : Hdr.OTHER;
    default: return Hdr.OTHER;
  }
}

const enum Kind { NONE, REQUEST, RESPONSE }

/** What the first line [off, e) is: a request line (known method) or a status line. */
function lineKind(b: Uint8Array, off: number, e: number): Kind {
  if (isVersion(b, off, e) && off + 12 <= e && b[off + 8] === 0x20 && isDigit(b[off + 9]!) && isDigit(b[off + 10]!) && isDigit(b[off + 11]!)) return Kind.RESPONSE;
  let sp = off;
  while (sp < e && sp - off < 20 && b[sp] !== 0x20) sp++;
  if (sp >= e || b[sp] !== 0x20) return Kind.NONE;
  // (GET, the common method, without a string)
  if (sp - off === 3 && b[off] === 0x47 && b[off + 1] === 0x45 && b[off + 2] === 0x54) return Kind.REQUEST;
  return METHODS.has(ascii(b, off, sp)) ? Kind.REQUEST : Kind.NONE;
}

/** Cheap check for the heuristic: does [off, lim) start like an HTTP message (the method or version)? */
function startsLikeHttp(b: Uint8Array, off: number, lim: number): boolean {
  const lf = lineEnd(b, off, Math.min(lim, off + 8192));
  if (lf < 0) return false;
  const e = contentEnd(b, off, lf);
  const k = lineKind(b, off, e);
  if (k === Kind.RESPONSE) return true;
  if (k !== Kind.REQUEST) return false;
  // a request line ends with the version
  return e - off >= 8 && isVersion(b, e - 8, e);
}

// ---- the dissector ----

/** The protocol an HTTP-formatted message is shown as (HTTP, or SSDP over UDP). */
export interface HttpFlavor { readonly proto: number; readonly label: string; readonly column: string }
const HTTP_FLAVOR: HttpFlavor = { proto: proto_http, label: 'Hypertext Transfer Protocol', column: 'HTTP' };

function dissectHttp(p: Packet, off: number, end: number, parent: number): number {
  return dissectHttpAs(p, off, end, parent, HTTP_FLAVOR);
}

/** HTTP messages in [off, end) shown as `fl` (SSDP uses HTTP's format and fields). */
export function dissectHttpAs(p: Packet, off: number, end: number, parent: number, fl: HttpFlavor): number {
  void parent;
  let x = off;
  let idx = 0;
  while (x < end) {
    const n = dissectMessage(p, x, end, idx++, fl);
    if (n < 0) return 0;
    if (n === 0 || p.stopped) break;
    x += n;
  }
  return end - off;
}

/**
 * One message at [off, end). Returns the bytes it used, 0 after asking TCP for more, or -1 when
 * the bytes are not HTTP's (only for the first message of a payload).
 */
function dissectMessage(p: Packet, off: number, end: number, idx: number, flavor: HttpFlavor): number {
  const b = p.buf;
  const lim = Math.min(end, p.capEnd);
  const t = p.tree;
  const full = t.full;
  const cols = p.cols;
  const lf0 = lineEnd(b, off, lim);
  const e0 = lf0 >= 0 ? contentEnd(b, off, lf0) : lim;
  const kind = lineKind(b, off, e0);
  if (kind === Kind.NONE) {
    // not a message start: the continuation of a body we did not see start when the connection
    // carried HTTP before; otherwise tshark shows nothing at all (not even data) for these bytes
    if (idx === 0 && !p.session.get(HTTP_STATE).convs.has(p, p.srcport, p.dstport)) return end - off;
    p.proto = flavor.column;
    if (cols) { if (idx === 0) p.setInfo('Continuation'); else p.appendInfo(' Continuation'); }
    const top = p.addProto(ROOT, flavor.proto, off, end);
    if (top >= 0 && full) t.setLabel(top, flavor.label);
    callData(p, off, end, top);
    return end - off;
  }
  const firstLine = ascii(b, off, e0);
  if (lf0 < 0) {
    // the first line is not complete: more is needed
    if (p.desegment(off, DESEGMENT_ONE_MORE)) return 0;
  }
  p.proto = flavor.column;
  if (cols && lf0 >= 0) { if (idx === 0) p.setInfo(firstLine + ' '); else p.appendInfo(firstLine + ' '); }

  // Headers up to the empty line. Only the values dispatch reads are taken here; the tree pass
  // below reads the lines again when some header item is built.
  const hdrStart = lf0 >= 0 ? lf0 + 1 : lim;
  let x = hdrStart;
  let hdrEnd = -1;
  let blankStart = -1;
  let contentLength = -1;
  let chunked = false;
  // (the Content-Type and Host values as offsets: they become text only when read)
  let ctStart = 0, ctEnd = 0;
  let encoding = '';
  let hostStart = -1, hostEnd = -1;
  while (x < lim) {
    const lf = lineEnd(b, x, lim);
    if (lf < 0) break;
    const ce = contentEnd(b, x, lf);
    if (ce === x) { blankStart = x; hdrEnd = lf + 1; break; }
    const h = splitHeader(b, x, ce);
    switch (dispatchHeader(b, x, h.colon - x)) {
      case Hdr.CONTENT_LENGTH: {
        const v = numberValue(b, h.vs, h.ve);
        if (h.ve > h.vs && Number.isFinite(v) && v >= 0) contentLength = v;
        break;
      }
      case Hdr.TRANSFER_ENCODING: if (/\bchunked\b/i.test(ascii(b, h.vs, h.ve))) chunked = true; break;
      case Hdr.CONTENT_TYPE: ctStart = h.vs; ctEnd = h.ve; break;
      case Hdr.CONTENT_ENCODING: encoding = ascii(b, h.vs, h.ve).toLowerCase(); break;
      case Hdr.HOST: hostStart = h.vs; hostEnd = h.ve; break;
    }
    x = lf + 1;
  }
  const hdrLinesEnd = blankStart >= 0 ? blankStart : x;
  if (hdrEnd < 0 && lim === end) {
    if (p.desegment(off, DESEGMENT_ONE_MORE)) return 0;
  }

  // request/response matching (first pass), or its cached result
  const s = p.session.get(HTTP_STATE);
  // (only a run that revisits frames keeps the matches: a streaming run has none to look up)
  const mkey = s.msgs.size !== 0 || p.session.retainFrames ? `${p.num}/${t.cur}/${off - t.sources[t.cur]!.base}` : '';
  let msg = mkey === '' ? undefined : s.msgs.get(mkey);
  let status = 0;
  let method = '';
  let uri = '';
  if (kind === Kind.REQUEST) {
    const sp1 = firstLine.indexOf(' ');
    method = firstLine.slice(0, sp1);
    const sp2 = firstLine.lastIndexOf(' ');
    uri = sp2 > sp1 ? firstLine.slice(sp1 + 1, sp2) : firstLine.slice(sp1 + 1);
  } else {
    status = Number(firstLine.slice(9, 12));
  }
  let conv = s.convs.get(p, p.srcport, p.dstport);
  if (!conv) { conv = new HttpConv(); s.convs.set(p, p.srcport, p.dstport, conv); }
  // the request a response answers (peeked: the match is recorded once the message is complete)
  const peer = msg ? msg.peer : kind === Kind.RESPONSE ? conv.pending[0] : undefined;

  // how long the body is
  let bodyStart = hdrEnd >= 0 ? hdrEnd : lim;
  const isReq = kind === Kind.REQUEST;
  const noBody = hdrEnd < 0 || (!isReq && ((status >= 100 && status < 200) || status === 204 || status === 304 || peer?.method === 'HEAD'));
  let bodyEnd = bodyStart;
  let chunks: { size: number; start: number; dataStart: number; dataEnd: number; end: number; ext: string }[] | undefined;
  let trailerStart = -1;
  let msgEnd = bodyStart;
  if (!noBody) {
    if (chunked) {
      chunks = [];
      let c = bodyStart;
      let done = false;
      while (c < lim) {
        const lf = lineEnd(b, c, lim);
        if (lf < 0) break;
        const ce = contentEnd(b, c, lf);
        let he = c;
        while (he < ce && /[0-9a-fA-F]/.test(String.fromCharCode(b[he]!))) he++;
        const size = he > c ? parseInt(ascii(b, c, he), 16) : NaN;
        if (!Number.isFinite(size)) { done = true; msgEnd = lf + 1; break; }
        if (size === 0) {
          chunks.push({ size: 0, start: c, dataStart: lf + 1, dataEnd: lf + 1, end: lf + 1, ext: '' });
          // trailers until an empty line
          let q = lf + 1;
          trailerStart = q;
          while (q < lim) {
            const tl = lineEnd(b, q, lim);
            if (tl < 0) { q = -1; break; }
            if (contentEnd(b, q, tl) === q) { q = tl + 1; done = true; break; }
            q = tl + 1;
          }
          if (done) msgEnd = q;
          break;
        }
        const ds = lf + 1;
        const de = ds + size;
        if (de + 2 > lim) break;
        let ne = de;
        if (b[ne] === 0x0d) ne++;
        if (b[ne] === 0x0a) ne++;
        chunks.push({ size, start: c, dataStart: ds, dataEnd: de, end: ne, ext: '' });
        c = ne;
      }
      if (!done) {
        if (lim === end && p.desegment(off, DESEGMENT_ONE_MORE)) return 0;
        msgEnd = lim;
      }
      bodyEnd = msgEnd;
    } else if (contentLength >= 0) {
      bodyEnd = bodyStart + contentLength;
      if (bodyEnd > end) {
        // when nothing of this run reads the body, TCP need not copy it: the headers and the first
        // bytes (media types are told by their magic) are what is read again
        const keep = !full && encoding === '' && !(s.collect || collectAll) && !t.wants(hf.file_data) && sparsePdus(p)
          ? bodyStart - off + SNIFF_BYTES : -1;
        if (p.desegment(off, bodyEnd - end, keep)) return 0;
        bodyEnd = end;
      }
      msgEnd = bodyEnd;
    } else if (!isReq) {
      // neither: the body runs until the server closes the connection
      if (bodyStart < end || p.canDesegment) {
        if (p.desegment(off, DESEGMENT_UNTIL_FIN)) return 0;
      }
      bodyEnd = end;
      msgEnd = end;
    }
  } else if (hdrEnd < 0) {
    msgEnd = lim;
  }

  // ---- request/response matching (first pass; revisits read the cached result) ----
  if (!msg) {
    msg = new HttpMsg(conv);
    msg.isReq = kind === Kind.REQUEST;
    msg.frame = p.num;
    msg.tsSec = p.tsSec;
    msg.tsNsec = p.tsNsec;
    if (msg.isReq) {
      msg.method = method;
      msg.uri = uri;
      // (read by the tree, by export, and on revisits)
      if (method !== 'CONNECT' && (p.session.retainFrames || s.collect || collectAll || messageItems(t.want))) {
        msg.fullUri = uri.includes('://') ? uri : hostEnd > hostStart ? `http://${ascii(b, hostStart, hostEnd)}${uri}` : '';
      }
      msg.number = ++conv.nreq;
      msg.prevReq = conv.lastReq ? conv.lastReq.frame : 0;
      if (conv.lastReq && conv.lastReq.frame !== p.num) conv.lastReq.next = p.num;
      conv.lastReq = msg;
      conv.pending.push(msg);
    } else {
      msg.number = ++conv.nresp;
      // an interim 1xx answer does not take its request off the queue
      const req = status >= 100 && status < 200 ? conv.pending[0] : conv.pending.shift();
      if (req) {
        msg.peer = req;
        if (!(status >= 100 && status < 200)) req.peer = msg;
        msg.prevReq = req.prevReq;
      }
      msg.prevResp = conv.lastResp ? conv.lastResp.frame : 0;
      if (conv.lastResp && conv.lastResp.frame !== p.num) conv.lastResp.next = p.num;
      conv.lastResp = msg;
    }
    if (!p.session.visited && p.session.retainFrames) s.msgs.set(mkey, msg);
  }

  // ---- tree ----
  const top = p.addProto(ROOT, flavor.proto, off, msgEnd);
  if (top >= 0 && full) t.setLabel(top, flavor.label);
  // The message's items: skipped when none can be built (summary and most filtering runs), which
  // also keeps this function's optimized code small.
  if (p.keepExperts || messageItems(t.want)) {
    const flEnd = lf0 >= 0 ? lf0 + 1 : lim;
    const flText = t.wants(TEXT_FIELD) || p.keepExperts || chatItems(t.want) ? escapeText(b, off, flEnd) : '';
    const fl = t.addText(top, off, flEnd - off, flText);
    p.addExpert(fl, ei.chat, off, flEnd - off, flText);
    if (kind === Kind.REQUEST) {
      const sp1 = off + method.length;
      t.addStr(fl, hf.request_method, off, method.length, method);
      const ui = t.addStr(fl, hf.request_uri, sp1 + 1, uri.length, uri);
      const q = uri.indexOf('?');
      if (q >= 0 && (ui >= 0 || t.wants(hf.request_uri_path) || t.wants(hf.request_uri_query))) {
        t.addStr(ui, hf.request_uri_path, sp1 + 1, q, uri.slice(0, q));
        const qs = uri.slice(q + 1);
        const qi = t.addStr(ui, hf.request_uri_query, sp1 + 2 + q, qs.length, qs);
        let at = sp1 + 2 + q;
        for (const part of qs.split('&')) {
          t.addStr(qi, hf.request_uri_query_parameter, at, part.length, part);
          at += part.length + 1;
        }
      }
      const ver = firstLine.slice(firstLine.lastIndexOf(' ') + 1);
      t.addStr(fl, hf.request_version, off + firstLine.length - ver.length, ver.length, ver);
    } else {
      t.addStr(fl, hf.response_version, off, 8, firstLine.slice(0, 8));
      const ci = t.addNum(fl, hf.response_code, off + 9, 3, status);
      void ci;
      t.generated(t.addStr(fl, hf.response_code_desc, off + 9, 3, STATUS_NAMES.get(status) ?? 'Unknown'));
      const phrase = firstLine.length > 13 ? firstLine.slice(13) : '';
      if (firstLine.length > 12) t.addStr(fl, hf.response_phrase, off + 13, phrase.length, phrase);
    }
    if (headerItems(t.want)) {
      const lineField = kind === Kind.REQUEST ? hf.request_line : hf.response_line;
      const wantLine = t.wants(lineField);
      for (let y = hdrStart; y < hdrLinesEnd;) {
        // (the first pass found the line end of every line before hdrLinesEnd)
        const lf = lineEnd(b, y, lim);
        const h = splitHeader(b, y, contentEnd(b, y, lf));
        const len = lf + 1 - y;
        const fid = HEADER_FIELDS.get(ascii(b, y, h.colon).toLowerCase());
        const label = full ? escapeText(b, y, lf + 1) : '';
        if (fid !== undefined) {
          const value = ascii(b, h.vs, h.ve);
          const hi = t.addStr(top, fid, y, len, value);
          if (hi >= 0 && full) t.setLabel(hi, label);
          if (fid === hf.content_length_header && contentLength >= 0) t.generated(t.addNum(hi, hf.content_length, y, len, contentLength));
          if (fid === hf.cookie && (hi >= 0 || t.wants(hf.cookie_pair))) {
            for (const pair of value.split(';')) {
              const v = pair.trim();
              if (v) t.addStr(hi, hf.cookie_pair, y, len, v);
            }
          }
          if (wantLine) {
            const li = t.hide(t.addStr(top, lineField, y, len, ascii(b, y, lf) + '\n'));
            if (li >= 0 && full) t.setLabel(li, label);
          }
        } else if (wantLine) {
          const li = t.addStr(top, lineField, y, len, ascii(b, y, lf) + '\n');
          if (li >= 0 && full) t.setLabel(li, label);
        }
        y = lf + 1;
      }
    }
    if (blankStart >= 0 && t.wants(TEXT_FIELD)) t.addText(top, blankStart, hdrEnd - blankStart, escapeText(b, blankStart, hdrEnd));

    // ---- generated: numbering and matching ----
    if (msg.isReq) {
      if (msg.fullUri) t.generated(t.addStr(top, hf.request_full_uri, off, 0, msg.fullUri));
      t.generated(t.hide(t.addNum(top, hf.request, off, 0, 1)));
      const ni = t.generated(t.addNum(top, hf.request_number, off, 0, msg.number));
      if (ni >= 0 && full) t.setLabel(ni, `HTTP request ${msg.number}/${conv.nreq}`);
      if (msg.prevReq) t.generated(t.addNum(top, hf.prev_request_in, off, 0, msg.prevReq));
      if (p.session.visited && msg.peer) t.generated(t.addNum(top, hf.response_in, off, 0, msg.peer.frame));
      if (p.session.visited && msg.next) t.generated(t.addNum(top, hf.next_request_in, off, 0, msg.next));
    } else {
      t.generated(t.hide(t.addNum(top, hf.response, off, 0, 1)));
      const ni = t.generated(t.addNum(top, hf.response_number, off, 0, msg.number));
      if (ni >= 0 && full) t.setLabel(ni, `HTTP response ${msg.number}/${conv.nresp}`);
      const rq = msg.peer;
      if (rq) {
        let ds = msg.tsSec - rq.tsSec, dn = msg.tsNsec - rq.tsNsec;
        if (dn < 0) { dn += 1e9; ds--; }
        if (t.wants(hf.time)) t.generated(t.addObj(top, hf.time, off, 0, { sec: ds, nsec: dn }));
      }
      if (msg.prevReq) t.generated(t.addNum(top, hf.prev_request_in, off, 0, msg.prevReq));
      if (msg.prevResp) t.generated(t.addNum(top, hf.prev_response_in, off, 0, msg.prevResp));
      if (rq) t.generated(t.addNum(top, hf.request_in, off, 0, rq.frame));
      if (p.session.visited && rq && rq.next) t.generated(t.addNum(top, hf.next_request_in, off, 0, rq.next));
      if (p.session.visited && msg.next) t.generated(t.addNum(top, hf.next_response_in, off, 0, msg.next));
      if (rq && rq.fullUri) t.generated(t.addStr(top, hf.response_for_uri, off, 0, rq.fullUri));
    }
  }

  // ---- body ----
  if (noBody || bodyEnd <= bodyStart) return msgEnd - off;
  let dataOff = bodyStart;
  let dataEnd = Math.min(bodyEnd, lim);
  /** the first data source pushed for the decoded body (popping it pops the later ones too) */
  let tok = -1;
  if (chunks) {
    const ci = t.addText(top, bodyStart, msgEnd - bodyStart, `HTTP chunked ${isReq ? 'request' : 'response'}`);
    let total = 0;
    for (const c of chunks) total += c.size;
    const dec = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      if (c.size === 0) {
        const ei0 = t.addText(ci, c.start, c.end - c.start, 'End of chunked encoding');
        const szi = t.addNum(ei0, hf.chunk_size, c.start, c.dataStart - c.start, 0);
        if (szi >= 0 && full) t.setLabel(szi, 'Chunk size: 0 octets');
        if (trailerStart >= 0 && msgEnd > trailerStart) {
          if (msgEnd - trailerStart > 2) t.addStr(ci, hf.chunked_trailer_part, trailerStart, msgEnd - trailerStart - 2, ascii(b, trailerStart, msgEnd - 2));
          t.addText(ci, msgEnd - 2, 2, '\\r\\n');
        }
        continue;
      }
      dec.set(b.subarray(c.dataStart, c.dataEnd), at);
      at += c.size;
      const di = t.addText(ci, c.start, c.end - c.start, `Data chunk (${c.size} octets)`);
      const szi = t.addNum(di, hf.chunk_size, c.start, c.dataStart - c.start, c.size);
      if (szi >= 0 && full) t.setLabel(szi, `Chunk size: ${c.size} octets`);
      t.addBytes(di, hf.chunk_data, c.dataStart, c.size);
      if (c.end > c.dataEnd) t.addBytes(di, hf.chunk_boundary, c.dataEnd, c.end - c.dataEnd);
    }
    tok = p.pushSource('De-chunked entity body', dec);
    dataOff = 0;
    dataEnd = dec.length;
  }
  // content coding
  const enc: Encoding | undefined = encoding === 'gzip' || encoding === 'x-gzip' ? 'gzip' : encoding === 'deflate' ? 'deflate' : encoding === 'br' ? 'br' : undefined;
  if (enc && dataEnd > dataOff) {
    const inflate = platform.inflate;
    const encoded = p.buf.subarray(dataOff, dataEnd);
    const ii = t.addText(top, dataOff, dataEnd - dataOff, `Content-encoded entity body (${encoding}): ${dataEnd - dataOff} bytes`);
    if (!inflate) {
      p.addExpert(ii, ei.decompression_disabled, dataOff, dataEnd - dataOff);
    } else {
      const r = inflate(enc, encoded, MAX_DECODED);
      if (r.error !== undefined || r.truncated) {
        const why = r.truncated ? `Decompression stopped at ${MAX_DECODED} bytes (wirelens limit)` : `Decompression failed: ${r.error}`;
        p.addExpert(ii, ei.decompression_failed, dataOff, dataEnd - dataOff, why);
      }
      if (r.data.length > 0 || r.error === undefined) {
        if (ii >= 0 && full) t.appendLabel(ii, ` -> ${r.data.length} bytes`);
        const tk = p.pushSource('Uncompressed entity body', r.data);
        if (tok < 0) tok = tk;
        dataOff = 0;
        dataEnd = r.data.length;
      }
    }
  }
  const n = dataEnd - dataOff;
  const fi = t.addStr(top, hf.file_data, dataOff, n, t.wants(hf.file_data) ? ascii(p.buf, dataOff, Math.min(dataEnd, p.capEnd)) : '');
  if (fi >= 0 && full) t.setLabel(fi, `File Data: ${n} bytes`);
  if (n > 0) {
    // (tshark has no dissector for application/octet-stream: the body is data, Info unchanged)
    // the media type (Content-Type without parameters) in b[ctStart, mtEnd), trimmed as String#trim does
    let mtEnd = ctStart;
    while (mtEnd < ctEnd && b[mtEnd] !== 0x3b) mtEnd++;
    let mtStart = ctStart;
    while (mtStart < mtEnd && isTrimmed(b[mtStart]!)) mtStart++;
    while (mtEnd > mtStart && isTrimmed(b[mtEnd - 1]!)) mtEnd--;
    if (mtEnd > mtStart && !nameIs(b, mtStart, mtEnd - mtStart, 'application/octet-stream')) {
      dissectMedia(p, dataOff, dataEnd, ROOT, ascii(b, mtStart, mtEnd).toLowerCase(), flavor.column);
    } else {
      callData(p, dataOff, dataEnd, ROOT);
    }
  }
  if ((s.collect || collectAll) && !p.session.visited && n > 0) {
    // the decoded entity body of a request or response, named after the request's URI
    const body = p.buf.slice(dataOff, Math.min(dataEnd, p.capEnd));
    const rq = msg.isReq ? msg : msg.peer;
    s.objects.push({
      frame: p.num, hostname: rq ? hostOf(rq) : ascii(b, hostStart, hostEnd), contentType: ascii(b, ctStart, ctEnd),
      uri: rq ? (rq.fullUri ? uriOf(rq) : rq.uri) : '', data: body,
    });
  }
  if (tok >= 0) p.popSource(tok);
  return msgEnd - off;
}

function hostOf(m: HttpMsg): string {
  const u = m.fullUri;
  const a = u.indexOf('://');
  if (a < 0) return '';
  const e = u.indexOf('/', a + 3);
  return e < 0 ? u.slice(a + 3) : u.slice(a + 3, e);
}

function uriOf(m: HttpMsg): string {
  const u = m.fullUri;
  const a = u.indexOf('://');
  if (a < 0) return u;
  const e = u.indexOf('/', a + 3);
  return e < 0 ? '/' : u.slice(e);
}

/** TCP heuristic: a payload that starts with a request or status line (and later data of that connection). */
function heuristicHttp(p: Packet, off: number, end: number, parent: number): number {
  const s = p.session.get(HTTP_STATE);
  const b = p.buf;
  // cheap first: a message starts with an upper-case method or "HTTP/"
  const c = off < p.capEnd ? b[off]! : 0;
  if (c >= 0x41 && c <= 0x5a && startsLikeHttp(b, off, Math.min(end, p.capEnd))) {
    s.heur.set(p, p.srcport, p.dstport, true);
    return dissectHttp(p, off, end, parent);
  }
  if (s.heur.size !== 0 && s.heur.has(p, p.srcport, p.dstport)) return dissectHttp(p, off, end, parent);
  return 0;
}

export const httpHandle: Handle = registerHandle('http', dissectHttp);
for (const port of [80, 631, 1900, 2710, 2869, 3128, 3132, 3689, 5985, 8080, 8088, 11371]) tcpPortTable.add(port, httpHandle);
tcpHeuristics.add('http', heuristicHttp);
