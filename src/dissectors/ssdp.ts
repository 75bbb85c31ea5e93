// ssdp: Simple Service Discovery Protocol (UPnP discovery): HTTP-formatted messages over UDP 1900
// (NOTIFY, M-SEARCH and their answers), dissected by the HTTP code with http.* fields, shown as SSDP.

import { registerProtocol } from '../core/field.js';
import { registerHandle } from '../core/table.js';
import { udpPortTable } from './udp.js';
import { dissectHttpAs, type HttpFlavor } from './http.js';

export const proto_ssdp = registerProtocol('ssdp', 'Simple Service Discovery Protocol', 'SSDP');
const SSDP: HttpFlavor = { proto: proto_ssdp, label: 'Simple Service Discovery Protocol', column: 'SSDP' };

export const ssdpHandle = registerHandle('ssdp', (p, off, end, parent) => dissectHttpAs(p, off, end, parent, SSDP));
udpPortTable.add(1900, ssdpHandle);
