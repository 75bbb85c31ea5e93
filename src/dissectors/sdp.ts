// sdp: Session Description Protocol (RFC 8866), a text body carried by RTSP, SIP, HTTP.
//
//   <type>=<value> CRLF    one field per line; type is one letter:
//   v= o= s= i= u= e= p= c= b= z= k= a= t= r= m=   (i=, c=, b=, k=, a= again inside a media section)
//
// Each line is one item "<Name> (x): value" (the field's own label); the sub-fields of o=, c=, t=,
// m=, a= are shown as tshark does for the common ones. The Protocol column gets "/SDP".

import { FT, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { latin1z } from './strz.js';

export const proto_sdp = registerProtocol('sdp', 'Session Description Protocol', 'SDP');

const hf = {
  version: f('sdp.version', 'Session Description Protocol Version (v)', FT.STRING),
  owner: f('sdp.owner', 'Owner/Creator, Session Id (o)', FT.STRING),
  session_name: f('sdp.session_name', 'Session Name (s)', FT.STRING),
  session_info: f('sdp.session_info', 'Session Information (i)', FT.STRING),
  uri: f('sdp.uri', 'URI of Description (u)', FT.STRING),
  email: f('sdp.email', 'E-mail Address (e)', FT.STRING),
  phone: f('sdp.phone', 'Phone Number (p)', FT.STRING),
  connection_info: f('sdp.connection_info', 'Connection Information (c)', FT.STRING),
  bandwidth: f('sdp.bandwidth', 'Bandwidth Information (b)', FT.STRING),
  timezone: f('sdp.timezone', 'Time Zone Adjustments (z)', FT.STRING),
  encryption_key: f('sdp.encryption_key', 'Encryption Key (k)', FT.STRING),
  session_attr: f('sdp.session_attr', 'Session Attribute (a)', FT.STRING),
  media_attr: f('sdp.media_attr', 'Media Attribute (a)', FT.STRING),
  time: f('sdp.time', 'Time Description, active time (t)', FT.STRING),
  repeat_time: f('sdp.repeat_time', 'Repeat Time (r)', FT.STRING),
  media: f('sdp.media', 'Media Description, name and address (m)', FT.STRING),
  media_title: f('sdp.media_title', 'Media Title (i)', FT.STRING),
  unknown: f('sdp.unknown', 'Unknown', FT.STRING),
  invalid: f('sdp.invalid', 'Invalid line', FT.STRING),
  owner_username: f('sdp.owner.username', 'Owner Username', FT.STRING),
  owner_sessionid: f('sdp.owner.sessionid', 'Session ID', FT.STRING),
  owner_version: f('sdp.owner.version', 'Session Version', FT.STRING),
  owner_network_type: f('sdp.owner.network_type', 'Owner Network Type', FT.STRING),
  owner_address_type: f('sdp.owner.address_type', 'Owner Address Type', FT.STRING),
  owner_address: f('sdp.owner.address', 'Owner Address', FT.STRING),
  connection_network_type: f('sdp.connection_info.network_type', 'Connection Network Type', FT.STRING),
  connection_address_type: f('sdp.connection_info.address_type', 'Connection Address Type', FT.STRING),
  connection_address: f('sdp.connection_info.address', 'Connection Address', FT.STRING),
  time_start: f('sdp.time.start', 'Session Start Time', FT.STRING),
  time_stop: f('sdp.time.stop', 'Session Stop Time', FT.STRING),
  bandwidth_modifier: f('sdp.bandwidth.modifier', 'Bandwidth Modifier', FT.STRING),
  bandwidth_value: f('sdp.bandwidth.value', 'Bandwidth Value', FT.STRING, { blurb: 'Bandwidth Value (in kbits/s)' }),
  session_attr_field: f('sdp.session_attr.field', 'Session Attribute Fieldname', FT.STRING),
  session_attr_value: f('sdp.session_attr.value', 'Session Attribute Value', FT.STRING),
  media_attr_field: f('sdp.media_attr.field', 'Media Attribute Fieldname', FT.STRING),
  media_attr_value: f('sdp.media_attr.value', 'Media Attribute Value', FT.STRING),
  media_media: f('sdp.media.media', 'Media Type', FT.STRING),
  media_port: f('sdp.media.port', 'Media Port', FT.UINT16),
  media_proto: f('sdp.media.proto', 'Media Protocol', FT.STRING),
  media_format: f('sdp.media.format', 'Media Format', FT.STRING),
};

const LINE_FIELD: Readonly<Record<string, number>> = {
  v: hf.version, o: hf.owner, s: hf.session_name, i: hf.session_info, u: hf.uri, e: hf.email, p: hf.phone,
  c: hf.connection_info, b: hf.bandwidth, z: hf.timezone, k: hf.encryption_key, a: hf.session_attr,
  t: hf.time, r: hf.repeat_time, m: hf.media,
};

/** Adds the space-separated words of `v` (starting at byte `at`) as `fids`, in order. */
function words(p: Packet, parent: number, at: number, v: string, fids: readonly number[]): void {
  let x = 0;
  for (let k = 0; k < fids.length && x <= v.length; k++) {
    let sp = k === fids.length - 1 ? -1 : v.indexOf(' ', x);
    if (sp < 0) sp = v.length;
    p.tree.addStr(parent, fids[k]!, at + x, sp - x, v.slice(x, sp));
    x = sp + 1;
  }
}

/** An SDP body at [off, end). */
export function dissectSdp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const b = p.buf;
  const lim = Math.min(end, p.capEnd);
  const top = p.addProto(parent, proto_sdp, off, end);
  if (p.cols) p.proto = p.proto + '/SDP';
  if (!t.full && top < 0) return end - off;
  let inMedia = false;
  let x = off;
  while (x < lim) {
    let lf = x;
    while (lf < lim && b[lf] !== 0x0a) lf++;
    const next = lf < lim ? lf + 1 : lim;
    let e = lf;
    if (e > x && b[e - 1] === 0x0d) e--;
    if (e - x >= 2 && b[x + 1] === 0x3d) {
      const ty = String.fromCharCode(b[x]!);
      if (ty === 'm') inMedia = true;
      let fid = LINE_FIELD[ty] ?? hf.unknown;
      if (inMedia && ty === 'a') fid = hf.media_attr;
      if (inMedia && ty === 'i') fid = hf.media_title;
      const v = latin1z(b, x + 2, e - x - 2);
      const it = t.addStr(top, fid, x, next - x, v);
      const at = x + 2;
      if (it >= 0) {
        if (ty === 'o') words(p, it, at, v, [hf.owner_username, hf.owner_sessionid, hf.owner_version, hf.owner_network_type, hf.owner_address_type, hf.owner_address]);
        else if (ty === 'c') words(p, it, at, v, [hf.connection_network_type, hf.connection_address_type, hf.connection_address]);
        else if (ty === 't') words(p, it, at, v, [hf.time_start, hf.time_stop]);
        else if (ty === 'm') {
          const w = v.split(' ');
          let y = at;
          t.addStr(it, hf.media_media, y, w[0]!.length, w[0]!); y += w[0]!.length + 1;
          if (w.length > 1) { t.addNum(it, hf.media_port, y, w[1]!.length, parseInt(w[1]!, 10) || 0); y += w[1]!.length + 1; }
          if (w.length > 2) { t.addStr(it, hf.media_proto, y, w[2]!.length, w[2]!); y += w[2]!.length + 1; }
          for (let k = 3; k < w.length; k++) {
            const n = parseInt(w[k]!, 10);
            const name = n >= 96 && n <= 127 ? `DynamicRTP-Type-${n}` : w[k]!;
            t.addStr(it, hf.media_format, y, w[k]!.length, name); y += w[k]!.length + 1;
          }
        } else if (ty === 'b') {
          const c = v.indexOf(':');
          if (c > 0) {
            t.addStr(it, hf.bandwidth_modifier, at, c, v.slice(0, c));
            t.addStr(it, hf.bandwidth_value, at + c + 1, v.length - c - 1, v.slice(c + 1));
          }
        } else if (ty === 'a') {
          const c = v.indexOf(':');
          if (c > 0) {
            t.addStr(it, inMedia ? hf.media_attr_field : hf.session_attr_field, at, c, v.slice(0, c));
            if (!inMedia || (v.slice(0, c) !== 'rtpmap' && v.slice(0, c) !== 'fmtp')) {
              t.addStr(it, inMedia ? hf.media_attr_value : hf.session_attr_value, at + c + 1, v.length - c - 1, v.slice(c + 1));
            }
          }
        }
      }
    } else if (e > x) {
      t.addStr(top, hf.invalid, x, next - x, latin1z(b, x, e - x));
    }
    x = next;
  }
  return end - off;
}

registerHandle('sdp', dissectSdp);
