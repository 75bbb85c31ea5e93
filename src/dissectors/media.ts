// media: a typed body no dissector decodes ("Media Type" with media.type), plus the identification
// tshark gives common HTTP body formats (png, image-gif, image-jfif, json, xml): the layer in
// frame.protocols, the Protocol/Info text, no deeper decoding yet.

import { FT, f, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { dissectTextLines } from './data-text-lines.js';

export const proto_media = registerProtocol('media', 'Media Type', 'Media');
const hf_media_type = f('media.type', 'Media type', FT.BYTES);
const proto_png = registerProtocol('png', 'Portable Network Graphics', 'PNG');
const proto_gif = registerProtocol('image-gif', 'Compuserve GIF', 'GIF image');
const proto_jfif = registerProtocol('image-jfif', 'JPEG File Interchange Format', 'JFIF (JPEG) image');
const proto_json = registerProtocol('json', 'JavaScript Object Notation', 'JSON');
const proto_xml = registerProtocol('xml', 'eXtensible Markup Language', 'XML');
const proto_urlencoded = registerProtocol('urlencoded-form', 'HTML Form URL Encoded', 'URLENCODED-FORM');

const XML_TYPES = new Set(['text/xml', 'application/xml', 'application/xhtml+xml', 'image/svg+xml', 'application/rss+xml',
  'application/atom+xml', 'application/soap+xml', 'application/xslt+xml', 'application/xml-dtd', 'text/vnd.wap.wml']);

function startsWith(b: Uint8Array, off: number, lim: number, s: string): boolean {
  if (off + s.length > lim) return false;
  for (let i = 0; i < s.length; i++) if (b[off + i] !== s.charCodeAt(i)) return false;
  return true;
}

/**
 * A body of media type `type` (lower case, no parameters) at [off, end): what tshark's media_type
 * table gives it. `proto` is the Protocol column of the carrier ("HTTP"): JSON and XML make it
 * "HTTP/JSON", "HTTP/XML".
 */
export function dissectMedia(p: Packet, off: number, end: number, parent: number, type: string, carrier: string): void {
  const b = p.buf;
  const lim = Math.min(end, p.capEnd);
  const t = p.tree;
  if (type.startsWith('image/') && startsWith(b, off, lim, '\x89PNG')) {
    t.setLabel(p.addProto(parent, proto_png, off, end), 'Portable Network Graphics');
    if (p.cols) p.appendInfo(' (PNG)');
    return;
  }
  if (type.startsWith('image/') && (startsWith(b, off, lim, 'GIF89a') || startsWith(b, off, lim, 'GIF87a'))) {
    const v = String.fromCharCode(...b.subarray(off, off + 6));
    t.setLabel(p.addProto(parent, proto_gif, off, end), `Compuserve GIF, Version: ${v}`);
    if (p.cols) p.appendInfo(` (${v})`);
    return;
  }
  if (type.startsWith('image/') && startsWith(b, off, lim, '\xff\xd8')) {
    t.setLabel(p.addProto(parent, proto_jfif, off, end), 'JPEG File Interchange Format');
    if (p.cols) p.appendInfo(' (JPEG JFIF image)');
    return;
  }
  if (type === 'application/json' || type.endsWith('+json') || type === 'application/json-rpc' || type === 'application/jsonrequest') {
    t.setLabel(p.addProto(parent, proto_json, off, end), 'JavaScript Object Notation: ' + type);
    p.proto = carrier + '/JSON';
    if (p.cols) p.appendInfoSep(', ', `JavaScript Object Notation (${type})`);
    return;
  }
  if (XML_TYPES.has(type) || (type.endsWith('+xml') && type.startsWith('application/'))) {
    t.setLabel(p.addProto(parent, proto_xml, off, end), 'eXtensible Markup Language');
    p.proto = carrier + '/XML';
    return;
  }
  if (type === 'application/x-www-form-urlencoded') {
    t.setLabel(p.addProto(parent, proto_urlencoded, off, end), 'HTML Form URL Encoded: ' + type);
    if (p.cols) p.appendInfo(` (${type})`);
    return;
  }
  if (type.startsWith('text/') || type === 'application/javascript' || type === 'application/x-javascript' || type === 'application/ecmascript') {
    dissectTextLines(p, off, end, parent, type);
    return;
  }
  const top = p.addProto(parent, proto_media, off, end);
  if (top >= 0 && t.full) t.setLabel(top, 'Media Type');
  const n = lim - off;
  const it = t.addBytes(top, hf_media_type, off, Math.max(0, n));
  if (it >= 0 && t.full) t.setLabel(it, `Media type: ${type} (${end - off} byte${end - off === 1 ? '' : 's'})`);
  if (p.cols) p.appendInfo(` (${type})`);
}
