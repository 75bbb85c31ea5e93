// jxta: JXTA P2P over TCP (JXTA v2.0 Protocols Specification, TCP/IP message transport): only
// what tshark's TCP heuristic shows when it claims a payload the snaplen cut.
//
// A framed message starts with headers, each:
// | name length (1) | name (name length) | value length (2) | value (value length) |
//
// tshark's heuristic, learned from the outside by varying the bytes of zeek/tcp/timestamp.pcap #85
// and of hand-made segments: with at least 8 bytes captured, the first header within the reported
// payload and its name captured but its value length not, the payload is JXTA and the packet ends
// with "[Packet size limited during capture: JXTA truncated]" (no JXTA item, Protocol stays TCP).
// Complete headers and untruncated payloads are left to the other dissectors here.

import { registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { tcpHeuristics } from './tcp.js';

const NAME_LEN = 0;
const NAME = 1;
const VALUE_LEN_SIZE = 2;
/** Fewer captured bytes are never claimed. */
const MIN_CAPTURED = 8;

export const proto_jxta = registerProtocol('jxta', 'JXTA P2P', 'JXTA');

function heurJxta(p: Packet, off: number, end: number, parent: number): number {
  void parent;
  const cap = Math.min(end, p.capEnd);
  if (cap - off < MIN_CAPTURED || cap >= end) return 0;
  const valueLen = off + NAME + p.buf[off + NAME_LEN]!; // offset of the first value length
  if (valueLen > cap || valueLen + VALUE_LEN_SIZE <= cap || valueLen + VALUE_LEN_SIZE > end) return 0;
  p.addLayer(proto_jxta);
  p.curProto = 'JXTA';
  p.short();
  return end - off;
}

tcpHeuristics.add('jxta_tcp', heurJxta);
