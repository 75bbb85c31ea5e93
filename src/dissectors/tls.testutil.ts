// Synthetic frames for the TLS and QUIC tests: Ethernet/IPv4/TCP or UDP around a payload
// (checksums zero: wirelens, like tshark, does not check them by default).

import { hex } from './golden.testutil.js';

/** Ethernet/IPv4/`proto` (6 TCP, 17 UDP) from 10.0.0.1:`sport` to 10.0.0.2:`dport` carrying `payload`. */
export function ipv4Frame(proto: 6 | 17, sport: number, dport: number, payload: Uint8Array): Uint8Array {
  const l4 = proto === 6 ? hex('0000' + '0000' + '00000001' + '00000000' + '50180200' + '00000000') : hex('0000' + '0000' + '0000' + '0000');
  const head = hex('020000000002' + '020000000001' + '0800' + '45000000' + '00004000' + '40000000' + '0a000001' + '0a000002');
  const f = new Uint8Array(head.length + l4.length + payload.length);
  f.set(head);
  f.set(l4, head.length);
  f.set(payload, head.length + l4.length);
  const ipLen = f.length - 14;
  f[16] = ipLen >> 8;
  f[17] = ipLen & 0xff;
  f[23] = proto;
  f[34] = sport >> 8;
  f[35] = sport & 0xff;
  f[36] = dport >> 8;
  f[37] = dport & 0xff;
  if (proto === 17) {
    f[38] = (payload.length + 8) >> 8;
    f[39] = (payload.length + 8) & 0xff;
  }
  return f;
}
