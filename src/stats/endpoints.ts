// `-z endpoints,TYPE[,FILTER]`: one row per address (and port for tcp/udp) with packets and bytes
// sent and received, sorted by packets (ties keep first-seen order), as tshark 4.0 prints them.

import type { Packet } from '../core/packet.js';
import { ADDR_TITLES, addrFields, addrWalker, type AddrType } from './addr.js';
import { padL, padR, type Tap, type TapFilter } from './tap.js';

export interface EndpointRow {
  address: string;
  /** tcp/udp port, else undefined */
  port: number | undefined;
  packets: number;
  bytes: number;
  txPackets: number;
  txBytes: number;
  rxPackets: number;
  rxBytes: number;
}

export interface EndpointsResult {
  type: AddrType;
  filter: string | undefined;
  rows: EndpointRow[];
}

const RULE = '='.repeat(80);

export class EndpointsTap implements Tap<EndpointsResult> {
  readonly fields: string[];
  readonly fullTree = false;
  readonly itemsOnly = true;
  readonly columns = false;
  private readonly walk: ReturnType<typeof addrWalker>;
  private readonly byKey = new Map<string, EndpointRow>();
  private readonly rows: EndpointRow[] = [];
  private readonly ports: boolean;
  private len = 0;

  constructor(readonly spec: string, readonly type: AddrType, readonly filter: TapFilter | undefined) {
    this.fields = addrFields(type);
    this.walk = addrWalker(type);
    this.ports = type === 'tcp' || type === 'udp';
  }

  packet(p: Packet): void {
    if (this.filter && !this.filter.match(p)) return;
    this.len = p.len;
    this.walk(p, this.add);
  }

  private row(addr: string, port: number): EndpointRow {
    const key = this.ports ? `${addr}:${port}` : addr;
    let r = this.byKey.get(key);
    if (r === undefined) {
      r = { address: addr, port: this.ports ? port : undefined, packets: 0, bytes: 0, txPackets: 0, txBytes: 0, rxPackets: 0, rxBytes: 0 };
      this.byKey.set(key, r);
      this.rows.push(r);
    }
    return r;
  }

  private readonly add = (src: string, dst: string, sport: number, dport: number): void => {
    const s = this.row(src, sport);
    s.packets++;
    s.bytes += this.len;
    s.txPackets++;
    s.txBytes += this.len;
    const d = this.row(dst, dport);
    d.packets++;
    d.bytes += this.len;
    d.rxPackets++;
    d.rxBytes += this.len;
  };

  private sorted(): EndpointRow[] {
    return this.rows.slice().sort((x, y) => y.packets - x.packets);
  }

  result(): EndpointsResult {
    return { type: this.type, filter: this.filter?.text, rows: this.sorted() };
  }

  text(): string {
    let s = `${RULE}\n${ADDR_TITLES[this.type]} Endpoints\nFilter:${this.filter?.text ?? '<No Filter>'}\n`;
    s += this.ports
      ? '                       |  Port  ||  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n'
      : '                       |  Packets  | |  Bytes  | | Tx Packets | | Tx Bytes | | Rx Packets | | Rx Bytes |\n';
    for (const r of this.sorted()) {
      s += padR(r.address, 20) + (this.ports ? padL(r.port!, 11) + padL(r.packets, 11) : padL(r.packets, 12))
        + `${padL(r.bytes, 14)}${padL(r.txPackets, 11)}${padL(r.txBytes, 16)}${padL(r.rxPackets, 12)}${padL(r.rxBytes, 16)}   \n`;
    }
    return s + RULE + '\n';
  }
}
