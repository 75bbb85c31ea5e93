// ssh: Secure Shell (RFC 4253) on TCP port 22, as tshark 4.0 shows it: the protocol version
// exchange ("SSH-2.0-…" banner lines), the binary packet protocol before NEWKEYS (KEXINIT with its
// cookie and name-lists, the key exchange messages) and encrypted packets after it; SSH 1.x packets.
//
//  SSH 2 binary packet (RFC 4253 §6):
//   uint32 packet_length | byte padding_length | byte[n1] payload (msg code first) | byte[n2] padding | mac
//  SSH 1 packet: uint32 length | 8 - length % 8 padding bytes | byte type | data | uint32 crc

import { FT, f, registerProtocol, vals } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { ROOT } from '../core/tree.js';
import { registerHandle } from '../core/table.js';
import { stateKey } from '../core/session.js';
import { tcpPortTable } from './tcp.js';
import { ConvMap, frameKey } from './inet-util.js';
import { md5Hex } from './tls-fingerprint.js';
import { latin1 } from '../capture/utf8.js';

export const proto_ssh = registerProtocol('ssh', 'SSH Protocol', 'SSH');

const PACKET_LENGTH = 0;
const PADDING_LENGTH = 4;
const HEADER_LEN = PADDING_LENGTH + 1;
/** packets longer than this are not believed (RFC 4253 §6.1 asks for 35000 at least) */
const MAX_PACKET_LEN = 256 * 1024;

const MSG_KEXINIT = 20;
const MSG_NEWKEYS = 21;

const MSG_NAMES = vals({
  1: 'Disconnect', 2: 'Ignore', 3: 'Unimplemented', 4: 'Debug', 5: 'Service Request', 6: 'Service Accept',
  20: 'Key Exchange Init', 21: 'New Keys', 50: 'User Authentication Request', 51: 'User Authentication Failure',
  52: 'User Authentication Success', 53: 'User Authentication Banner', 60: 'Public Key algorithm accepted',
  80: 'Global Request', 81: 'Request Success', 82: 'Request Failure', 90: 'Channel Open', 91: 'Channel Open Confirmation',
  92: 'Channel Open Failure', 93: 'Window Adjust', 94: 'Channel Data', 95: 'Channel Extended Data', 96: 'Channel EOF',
  97: 'Channel Close', 98: 'Channel Request', 99: 'Channel Success', 100: 'Channel Failure',
});
/** 30–49 depend on the key exchange method */
const KEX_DH = vals({ 30: 'Diffie-Hellman Key Exchange Init', 31: 'Diffie-Hellman Key Exchange Reply' });
const KEX_DH_GEX = vals({
  30: 'Diffie-Hellman Group Exchange Request (Old)', 31: 'Diffie-Hellman Group Exchange Group', 32: 'Diffie-Hellman Group Exchange Init',
  33: 'Diffie-Hellman Group Exchange Reply', 34: 'Diffie-Hellman Group Exchange Request',
});
const KEX_ECDH = vals({ 30: 'Elliptic Curve Diffie-Hellman Key Exchange Init', 31: 'Elliptic Curve Diffie-Hellman Key Exchange Reply' });
const MSG_NAMES_V1 = vals({ 0: 'No Message', 1: 'Disconnect', 2: 'Public Key', 3: 'Session Key', 4: 'User' });

const NAME_LISTS = [
  'kex_algorithms', 'server_host_key_algorithms', 'encryption_algorithms_client_to_server',
  'encryption_algorithms_server_to_client', 'mac_algorithms_client_to_server', 'mac_algorithms_server_to_client',
  'compression_algorithms_client_to_server', 'compression_algorithms_server_to_client',
  'languages_client_to_server', 'languages_server_to_client',
] as const;

const hf = {
  protocol: f('ssh.protocol', 'Protocol', FT.STRING),
  packet_length: f('ssh.packet_length', 'Packet Length', FT.UINT32),
  packet_length_encrypted: f('ssh.packet_length_encrypted', 'Packet Length (encrypted)', FT.BYTES),
  padding_length: f('ssh.padding_length', 'Padding Length', FT.UINT8),
  payload: f('ssh.payload', 'Payload', FT.BYTES),
  encrypted_packet: f('ssh.encrypted_packet', 'Encrypted Packet', FT.BYTES),
  padding_string: f('ssh.padding_string', 'Padding String', FT.BYTES),
  seq_num: f('ssh.seq_num', 'Sequence number', FT.UINT32),
  direction: f('ssh.direction', 'Direction', FT.BOOLEAN, { tfs: ['server-to-client', 'client-to-server'], blurb: 'Message direction' }),
  message_code: f('ssh.message_code', 'Message Code', FT.UINT8),
  cookie: f('ssh.cookie', 'Cookie', FT.BYTES),
  lists: NAME_LISTS.map((n) => f(`ssh.${n}`, `${n} string`, FT.STRING)),
  lengths: NAME_LISTS.map((n) => f(`ssh.${n}_length`, `${n} length`, FT.UINT32)),
  first_kex_packet_follows: f('ssh.first_kex_packet_follows', 'First KEX Packet Follows', FT.UINT8),
  kex_reserved: f('ssh.kex.reserved', 'Reserved', FT.BYTES),
  hassh_algorithms: f('ssh.kex.hassh_algorithms', 'hasshAlgorithms', FT.STRING),
  hassh: f('ssh.kex.hassh', 'hassh', FT.STRING),
  hasshserver_algorithms: f('ssh.kex.hasshserver_algorithms', 'hasshServerAlgorithms', FT.STRING),
  hasshserver: f('ssh.kex.hasshserver', 'hasshServer', FT.STRING),
};

/** Per direction (0 client → server, 1 server → client). */
interface SshDir {
  /** NEWKEYS sent: later packets are encrypted */
  newkeys: boolean;
  /** binary packets seen (the sequence number) */
  seq: number;
  /** name-lists of this side's KEXINIT */
  kex: string[] | undefined;
}

class SshConv {
  /** 0 unknown, 1 or 2 (from the client's banner) */
  version = 0;
  readonly serverPort: number;
  readonly dirs: [SshDir, SshDir] = [{ newkeys: false, seq: 0, kex: undefined }, { newkeys: false, seq: 0, kex: undefined }];
  constructor(serverPort: number) {
    this.serverPort = serverPort;
  }
  /** the negotiated algorithm of name-list `i`: the client's first that the server also lists */
  negotiated(i: number): string {
    const c = this.dirs[0].kex?.[i], s = this.dirs[1].kex?.[i];
    if (c === undefined || s === undefined) return '';
    const ss = s.split(',');
    for (const a of c.split(',')) if (ss.includes(a)) return a;
    return '';
  }
}

/** What a frame's first pass knew (revisits show the same thing). */
interface SshFrame { version: number; newkeys: [boolean, boolean]; seq: [number, number] }

class SshState {
  convs = new ConvMap<SshConv>();
  frames = new Map<number, SshFrame>();
}
const SSH_STATE = stateKey('ssh', () => new SshState());

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
}

function dissectSsh(p: Packet, off: number, end: number, parent: number): number {
  void parent;
  const b = p.buf;
  const avail = Math.min(end, p.capEnd);
  if (avail <= off) return 0;
  const st = p.session.get(SSH_STATE);
  let conv = st.convs.get(p, p.srcport, p.dstport);
  if (conv === undefined) {
    conv = new SshConv(p.dstport === 22 || p.srcport !== 22 ? p.dstport : p.srcport);
    st.convs.set(p, p.srcport, p.dstport, conv);
  }
  const dir = p.srcport === conv.serverPort ? 1 : 0;
  const D = conv.dirs[dir]!;
  // revisits: the state this frame started with
  const fk = frameKey(p);
  let saved: [number, boolean, number] | undefined;
  if (p.session.visited) {
    const fr = st.frames.get(fk);
    if (fr) { saved = [conv.version, D.newkeys, D.seq]; conv.version = fr.version; D.newkeys = fr.newkeys[dir]!; D.seq = fr.seq[dir]!; }
  } else if (p.session.retainFrames) {
    st.frames.set(fk, { version: conv.version, newkeys: [conv.dirs[0].newkeys, conv.dirs[1].newkeys], seq: [conv.dirs[0].seq, conv.dirs[1].seq] });
  }
  const t = p.tree;
  const top = p.addProto(ROOT, proto_ssh, off, end);
  p.proto = conv.version === 2 ? 'SSHv2' : conv.version === 1 ? 'SSHv1' : 'SSH';
  if (p.cols) p.clearInfo();
  let o = off;
  if (avail - off >= 4 && b[off] === 0x53 && b[off + 1] === 0x53 && b[off + 2] === 0x48 && b[off + 3] === 0x2d) {
    // "SSH-protoversion-softwareversion SP comments CR LF" (RFC 4253 §4.2)
    let e = off;
    while (e < avail && b[e] !== 0x0a) e++;
    const lineEnd = e < avail ? e + 1 : e;
    let textEnd = e;
    if (textEnd > off && b[textEnd - 1] === 0x0d) textEnd--;
    const s = latin1(b, off, textEnd);
    t.addStr(top, hf.protocol, off, lineEnd - off, s);
    if (p.cols) info(p, `Protocol (${s})`);
    if (dir === 0 && !p.session.visited) conv.version = s.startsWith('SSH-2.') || s.startsWith('SSH-1.99') ? 2 : s.startsWith('SSH-1.') ? 1 : 0;
    o = lineEnd;
  } else if (conv.version === 1) {
    o = v1Packets(p, conv, D, top, o, end, avail);
  } else {
    o = v2Packets(p, conv, D, dir, top, o, end, avail);
  }
  void o;
  t.generated(t.addNum(top, hf.direction, off, 0, dir));
  if (p.cols) p.prependInfo(dir === 0 ? 'Client: ' : 'Server: ');
  if (saved) { conv.version = saved[0]; D.newkeys = saved[1]; D.seq = saved[2]; }
  return end - off;
}

/** col_append_sep_str(", "): tshark adds the separator after a fenced TCP tag too. */
function info(p: Packet, s: string): void {
  p.appendInfo(p.info.length > 0 ? ', ' + s : s);
}

function v2Packets(p: Packet, conv: SshConv, D: SshDir, dir: number, top: number, o: number, end: number, avail: number): number {
  const t = p.tree;
  const b = p.buf;
  while (o < end) {
    // after NEWKEYS, or a packet that cannot be a clear one (a capture started mid-connection)
    if (D.newkeys || !plausiblePacket(b, o, avail)) {
      const enc = conv.negotiated(dir === 0 ? 2 : 3);
      const comp = conv.negotiated(dir === 0 ? 6 : 7);
      const v = t.addItem(top, hf.packet_length, o, end - o);
      if (enc.startsWith('chacha20-poly1305')) {
        // the length is encrypted too: nothing can be shown
        t.setLabel(v, `SSH Version 2 (encryption:${enc} compression:${comp})`);
        return end;
      }
      t.setLabel(v, 'SSH Version 2');
      t.addBytes(v, hf.packet_length_encrypted, o, Math.min(4, avail - o));
      // (only the bytes captured: none when the capture ends within the length)
      if (end - o > 4 && avail - o > 4) t.addBytes(v, hf.encrypted_packet, o + 4, Math.min(end, avail) - o - 4);
      if (p.cols) info(p, `Encrypted packet (len=${end - o})`);
      return end;
    }
    if (end - o < HEADER_LEN) return end;
    if (!p.need(o, HEADER_LEN, end)) return end;
    const plen = u32(b, o + PACKET_LENGTH);
    const padLen = b[o + PADDING_LENGTH]!;
    if (plen > MAX_PACKET_LEN || plen < padLen + 1) return end;
    const pEnd = o + 4 + plen;
    if (pEnd > end) {
      if (p.desegment(o, pEnd - end)) return end;
    }
    const v = t.addItem(top, hf.packet_length, o, Math.min(pEnd, end) - o);
    t.setLabel(v, 'SSH Version 2');
    t.addNum(v, hf.packet_length, o, 4, plen);
    t.addNum(v, hf.padding_length, o + 4, 1, padLen);
    const msg = o + HEADER_LEN;
    const payEnd = pEnd - padLen;
    if (!p.need(msg, 1, end)) return end;
    const code = b[msg]!;
    const kex = conv.negotiated(0);
    const name = messageName(code, kex);
    const grp = t.addText(v, msg, payEnd - msg, code === MSG_KEXINIT || code === MSG_NEWKEYS || (code >= 30 && code <= 49) ? (kex !== '' && code !== MSG_KEXINIT ? `Key Exchange (method:${kex})` : 'Key Exchange') : name);
    const mi = t.addNum(grp, hf.message_code, msg, 1, code);
    if (mi >= 0 && t.full) t.setLabel(mi, `Message Code: ${name} (${code})`);
    if (p.cols) info(p, name);
    if (code === MSG_KEXINIT) kexinit(p, D, grp, msg + 1, Math.min(payEnd, end), dir);
    if (pEnd <= end) t.addBytes(v, hf.padding_string, payEnd, padLen);
    t.addNum(v, hf.seq_num, o, 0, D.seq);
    if (!p.session.visited) D.seq++;
    if (code === MSG_NEWKEYS && !p.session.visited) D.newkeys = true;
    if (p.stopped) return end;
    o = pEnd;
  }
  return o;
}

/** A clear binary packet header: sane length and padding (RFC 4253 §6: 4 ≤ padding, multiple of 8). */
function plausiblePacket(b: Uint8Array, o: number, avail: number): boolean {
  if (avail - o < HEADER_LEN + 1) return true; // too short to judge: the normal path asks for more
  const plen = u32(b, o);
  const pad = b[o + PADDING_LENGTH]!;
  return plen <= MAX_PACKET_LEN && pad >= 4 && pad < plen;
}

function messageName(code: number, kex: string): string {
  if (code >= 30 && code <= 49) {
    const tbl = kex.startsWith('diffie-hellman-group-exchange') ? KEX_DH_GEX
      : kex.startsWith('ecdh-') || kex.startsWith('curve25519') || kex.startsWith('curve448') || kex.startsWith('sntrup') ? KEX_ECDH : KEX_DH;
    return tbl.get(code) ?? `Unknown (${code})`;
  }
  return MSG_NAMES.get(code) ?? `Unknown (${code})`;
}

function kexinit(p: Packet, D: SshDir, parent: number, o: number, end: number, dir: number): void {
  const t = p.tree;
  const b = p.buf;
  const alg = t.addText(parent, o, end - o, 'Algorithms');
  if (!p.need(o, 16, end)) return;
  t.addBytes(alg, hf.cookie, o, 16);
  o += 16;
  const lists: string[] = [];
  for (let i = 0; i < NAME_LISTS.length; i++) {
    if (!p.need(o, 4, end)) return;
    const n = u32(b, o);
    t.addNum(alg, hf.lengths[i]!, o, 4, n);
    if (!p.need(o + 4, n, end)) return;
    const s = latin1(b, o + 4, o + 4 + n);
    t.addStr(alg, hf.lists[i]!, o + 4, n, s);
    lists.push(s);
    o += 4 + n;
  }
  if (!p.need(o, 5, end)) return;
  t.addNum(alg, hf.first_kex_packet_follows, o, 1, b[o]!);
  t.addBytes(alg, hf.kex_reserved, o + 1, 4);
  if (!p.session.visited) D.kex = lists;
  // HASSH (Salesforce): kex;encryption;mac;compression of this side, MD5
  const fullId = dir === 0 ? hf.hassh_algorithms : hf.hasshserver_algorithms;
  const hashId = dir === 0 ? hf.hassh : hf.hasshserver;
  if (t.wants(fullId) || t.wants(hashId)) {
    const c = dir === 0 ? [lists[0], lists[2], lists[4], lists[6]] : [lists[0], lists[3], lists[5], lists[7]];
    const full = c.join(';');
    t.generated(t.addStr(alg, fullId, o, 0, full));
    t.generated(t.addStr(alg, hashId, o, 0, md5Hex(full)));
  }
}

function v1Packets(p: Packet, conv: SshConv, D: SshDir, top: number, o: number, end: number, avail: number): number {
  const t = p.tree;
  const b = p.buf;
  void conv;
  while (o + 4 <= end) {
    if (!p.need(o, 4, end)) return end;
    const plen = u32(b, o);
    const pad = 8 - (plen % 8);
    const pEnd = o + 4 + pad + plen;
    if (plen > MAX_PACKET_LEN) return end;
    if (pEnd > end && p.desegment(o, pEnd - end)) return end;
    const v = t.addItem(top, hf.packet_length, o, Math.min(pEnd, end) - o);
    t.setLabel(v, 'SSH Version 1');
    t.addNum(v, hf.packet_length, o, 4, plen);
    t.addNum(v, hf.padding_length, o, 0, pad);
    const body = o + 4 + pad;
    if (!D.newkeys && body < avail) {
      const code = b[body]!;
      const mi = t.addNum(v, hf.message_code, body, 1, code);
      const name = MSG_NAMES_V1.get(code) ?? `Unknown (${code})`;
      if (mi >= 0 && t.full) t.setLabel(mi, `Message Code: ${name} (${code})`);
      t.addBytes(v, hf.payload, body + 1, Math.max(0, Math.min(pEnd, avail) - body - 1));
      if (p.cols) info(p, name);
      // after the session key both directions are encrypted (SSH 1.5 protocol)
      if (code === 3 && !p.session.visited) { conv.dirs[0].newkeys = true; conv.dirs[1].newkeys = true; }
    } else {
      t.addBytes(v, hf.payload, body, Math.max(0, Math.min(pEnd, avail) - body));
      if (p.cols) info(p, `Encrypted packet (len=${plen})`);
    }
    o = pEnd;
  }
  return o;
}


export const sshHandle = registerHandle('ssh', dissectSsh);
tcpPortTable.add(22, sshHandle);
tcpPortTable.add(29418, sshHandle);
