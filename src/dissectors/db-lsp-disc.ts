// db-lsp-disc: Dropbox LAN sync Discovery Protocol on UDP port 17500: a JSON object broadcast by the
// Dropbox client (version, port, host_int, displayname, namespaces), handed to the JSON dissector.

import { registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { jsonHandle } from './json.js';

export const proto_db_lsp_disc = registerProtocol('db-lsp-disc', 'Dropbox LAN sync Discovery Protocol', 'DB-LSP-DISC');

const PORT = 17500;

function dissectDbLspDisc(p: Packet, off: number, end: number, parent: number): number {
  p.proto = 'DB-LSP-DISC';
  if (p.cols) p.setInfo('Dropbox LAN sync Discovery Protocol');
  const top = p.addProto(parent, proto_db_lsp_disc, off, end);
  p.call(jsonHandle, off, end, top);
  return end - off;
}

export const dbLspDiscHandle = registerHandle('db-lsp-disc', dissectDbLspDisc);
udpPortTable.add(PORT, dbLspDiscHandle);
