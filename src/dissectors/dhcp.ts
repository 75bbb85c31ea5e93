// dhcp: BOOTP (RFC 951) and DHCP (RFC 2131, options RFC 2132 and later) on UDP ports 67/68
// (and 4011, PXE). Field names are tshark 4.0's (dhcp.*, formerly bootp.*); the Info column and the
// labels follow tshark's as seen from the outside (-V, -T fields, -G fields/values).
// Options are type-length-value; each is checked against its length before it is read, so a bad
// length is an expert item or [Malformed Packet], never a read past the data.

import { FT, Base, f, vals, fields, valueName, registerProtocol } from '../core/field.js';
import type { Packet } from '../core/packet.js';
import type { Tree } from '../core/tree.js';
import { registerHandle, type Handle } from '../core/table.js';
import { expertInfo, Group, Severity } from '../core/expert.js';
import { formatIPv4, formatMac, formatInt, hexBytes, bitPattern } from '../core/format.js';
import { udpPortTable } from './udp.js';
import { dnsText } from './dns.js';

export const proto_dhcp = registerProtocol('dhcp', 'Dynamic Host Configuration Protocol', 'DHCP/BOOTP');

// Value names (tshark -G values)
const VALS_TYPE = vals({ 1: 'Boot Request', 2: 'Boot Reply' });
const VALS_HW_TYPE = vals({
  0: 'NET/ROM pseudo', 1: 'Ethernet', 2: 'Experimental Ethernet', 3: 'AX.25', 4: 'ProNET', 5: 'Chaos',
  6: 'IEEE 802', 7: 'ARCNET', 8: 'Hyperchannel', 9: 'Lanstar', 10: 'Autonet Short Address', 11: 'Localtalk',
  12: 'LocalNet', 13: 'Ultra link', 14: 'SMDS', 15: 'Frame Relay DLCI', 16: 'ATM', 17: 'HDLC',
  18: 'Fibre Channel', 19: 'ATM (RFC 2225)', 20: 'Serial Line', 21: 'ATM', 22: 'MIL-STD-188-220',
  23: 'Metricom STRIP', 24: 'IEEE 1394.1995', 25: 'MAPOS', 26: 'Twinaxial', 27: 'EUI-64', 28: 'HIPARP',
  29: 'IP and ARP over ISO 7816-3', 30: 'ARPSec', 31: 'IPsec tunnel', 32: 'InfiniBand',
  33: 'TIA-102 Project 25 CAI', 34: 'Wiegand Interface', 35: 'Pure IP', 36: 'Experimental 1', 37: 'HFI',
  256: 'Experimental 2', 257: 'AEthernet', 260: 'Notional KISS type', 264: 'ADAPT', 270: 'ROSE',
  271: 'CCITT X.25', 272: 'Boards with X.25 in firmware', 280: 'Controller Area Network', 512: 'PPP',
  513: 'Cisco HDLC', 516: 'LAPB', 517: "Digital's DDCMP protocol", 518: 'Raw HDLC', 519: 'Raw IP',
  768: 'IPIP tunnel', 769: 'IP6IP6 tunnel', 770: 'Frame Relay Access Device', 771: 'SKIP vif',
  772: 'Loopback', 774: 'Fiber Distributed Data Interface', 775: 'AP1000 BIF',
  776: 'sit0 device - IPv6-in-IPv4', 777: 'IP over DDP tunneller', 778: 'GRE over IP',
  779: 'PIMSM register interface', 780: 'High Performance Parallel Interface', 781: 'Nexus 64Mbps Ash',
  782: 'Acorn Econet', 783: 'Linux-IrDA', 784: 'Point to point fibrechannel',
  785: 'Fibrechannel arbitrated loop', 786: 'Fibrechannel public loop', 787: 'Fibrechannel fabric',
  800: 'Magic type ident for TR', 801: 'IEEE 802.11', 802: 'IEEE 802.11 + Prism2 header',
  803: 'IEEE 802.11 + radiotap header', 804: 'IEEE 802.15.4', 805: 'IEEE 802.15.4 network monitor',
  820: 'PhoNet media type', 821: 'PhoNet pipe header', 822: 'CAIF media type', 823: 'GRE over IPv6',
  824: 'Netlink', 825: 'IPv6 over LoWPAN', 826: 'Vsock monitor header', 65535: 'Void type, nothing is known',
  65534: 'zero header length',
});
const VALS_VENDOR_PKTC_MTA_CAP_TYPE = vals({
  12337: 'PacketCable Version', 12338: 'Number Of Telephony Endpoints', 12339: 'TGT Support',
  12340: 'HTTP Download File Access Method Support', 12341: 'MTA-24 Event SYSLOG Notification Support',
  12342: 'NCS Service Flow Support', 12343: 'Primary Line Support', 12344: 'Vendor Specific TLV Type(s)',
  12345: 'NVRAM Ticket/Session Keys Storage Support', 12353: 'Provisioning Event Reporting Support',
  12385: 'Provisioning Event Reporting Support', 12354: 'Supported CODEC(s)', 12386: 'Supported CODEC(s)',
  12355: 'Silence Suppression Support', 12387: 'Silence Suppression Support',
  12356: 'Echo Cancellation Support', 12388: 'Echo Cancellation Support', 12357: 'RSVP Support/ Reserved',
  12389: 'RSVP Support/ Reserved', 12358: 'UGS-AD Support', 12390: 'UGS-AD Support',
  12592: "MTA's \"ifIndex\" starting number in \"ifTable\"", 12593: 'Provisioning Flow Logging Support',
  12594: 'Supported Provisioning Flows', 12595: 'T38 Version Support', 12596: 'T38 Error Correction Support',
  12597: 'RFC 2833 DTMF Support', 12598: 'Voice Metrics Support', 12599: 'MIB Support',
  12600: 'Multiple Grants Per Interval Support', 12601: 'V.152 Support',
  12609: 'Certificate Bootstrapping Support', 12641: 'Certificate Bootstrapping Support',
});
const VALS_DOCSIS_CM_CAP_TYPE = vals({
  1: 'Concatenation Support', 2: 'DOCSIS Version', 3: 'Fragmentation Support',
  4: 'Payload Header Suppression Support', 5: 'IGMP Support', 6: 'Privacy Support',
  7: 'Downstream SAID Support', 8: 'Upstream Service Flow Support', 9: 'Optional Filtering Support',
  10: 'Transmit Equalizer Taps per Modulation Interval', 11: 'Number of Transmit Equalizer Taps',
  12: 'DCC Support', 13: 'IP Filters Support', 14: 'LLC Filters Support', 15: 'Expanded Unicast SID Space',
  16: 'Ranging Hold-Off Support', 17: 'L2VPN Capability', 18: 'L2VPN eSAFE Host Capability',
  19: 'Downstream Unencrypted Traffic (DUT) Filtering', 20: 'Upstream Frequency Range Support',
  21: 'Upstream Symbol Rate Support', 22: 'Selectable Active Code Mode 2 Support',
  23: 'Code Hopping Mode 2 Support', 24: 'Multiple Transmit Channel Support',
  25: '5.12 Msps Upstream Transmit Channel Support', 26: '2.56 Msps Upstream Transmit Channel Support',
  27: 'Total SID Cluster Support', 28: 'SID Clusters per Service Flow Support',
  29: 'Multiple Receive Channel Support', 30: 'Total Downstream Service ID (DSID) Support',
  31: 'Resequencing Downstream Service ID (DSID) Support',
  32: 'Multicast Downstream Service ID (DSID) Support', 33: 'Multicast DSID Forwarding',
  34: 'Frame Control Type Forwarding Capability', 35: 'DPV Capability',
  36: 'Unsolicited Grant Service/Upstream Service Flow Support', 37: 'MAP and UCD Receipt Support',
  38: 'Upstream Drop Classifier Support', 39: 'IPv6 Support',
  40: 'Extended Upstream Transmit Power Capability (1/4 dB)',
  41: 'Optional 802.1ad, 802.1ah, MPLS Classification Support', 42: 'D-ONU Capabilities Encoding',
  44: 'Energy Management Capabilities',
});
const VALS_CLIENT_ID_DUID_TYPE = vals({
  1: 'link-layer address plus time', 2: 'assigned by vendor based on Enterprise number',
  3: 'link-layer address',
});
const VALS_CLIENT_ID_DUID_LLT_HW_TYPE = vals({
  0: 'NET/ROM pseudo', 1: 'Ethernet', 2: 'Experimental Ethernet', 3: 'AX.25', 4: 'ProNET', 5: 'Chaos',
  6: 'IEEE 802', 7: 'ARCNET', 8: 'Hyperchannel', 9: 'Lanstar', 10: 'Autonet Short Address', 11: 'Localtalk',
  12: 'LocalNet', 13: 'Ultra link', 14: 'SMDS', 15: 'Frame Relay DLCI', 16: 'ATM', 17: 'HDLC',
  18: 'Fibre Channel', 19: 'ATM (RFC 2225)', 20: 'Serial Line', 21: 'ATM', 22: 'MIL-STD-188-220',
  23: 'Metricom STRIP', 24: 'IEEE 1394.1995', 25: 'MAPOS', 26: 'Twinaxial', 27: 'EUI-64', 28: 'HIPARP',
  29: 'IP and ARP over ISO 7816-3', 30: 'ARPSec', 31: 'IPsec tunnel', 32: 'InfiniBand',
  33: 'TIA-102 Project 25 CAI', 34: 'Wiegand Interface', 35: 'Pure IP', 36: 'Experimental 1', 37: 'HFI',
  256: 'Experimental 2', 257: 'AEthernet', 260: 'Notional KISS type', 264: 'ADAPT', 270: 'ROSE',
  271: 'CCITT X.25', 272: 'Boards with X.25 in firmware', 280: 'Controller Area Network', 512: 'PPP',
  513: 'Cisco HDLC', 516: 'LAPB', 517: "Digital's DDCMP protocol", 518: 'Raw HDLC', 519: 'Raw IP',
  768: 'IPIP tunnel', 769: 'IP6IP6 tunnel', 770: 'Frame Relay Access Device', 771: 'SKIP vif',
  772: 'Loopback', 774: 'Fiber Distributed Data Interface', 775: 'AP1000 BIF',
  776: 'sit0 device - IPv6-in-IPv4', 777: 'IP over DDP tunneller', 778: 'GRE over IP',
  779: 'PIMSM register interface', 780: 'High Performance Parallel Interface', 781: 'Nexus 64Mbps Ash',
  782: 'Acorn Econet', 783: 'Linux-IrDA', 784: 'Point to point fibrechannel',
  785: 'Fibrechannel arbitrated loop', 786: 'Fibrechannel public loop', 787: 'Fibrechannel fabric',
  800: 'Magic type ident for TR', 801: 'IEEE 802.11', 802: 'IEEE 802.11 + Prism2 header',
  803: 'IEEE 802.11 + radiotap header', 804: 'IEEE 802.15.4', 805: 'IEEE 802.15.4 network monitor',
  820: 'PhoNet media type', 821: 'PhoNet pipe header', 822: 'CAIF media type', 823: 'GRE over IPv6',
  824: 'Netlink', 825: 'IPv6 over LoWPAN', 826: 'Vsock monitor header', 65535: 'Void type, nothing is known',
  65534: 'zero header length',
});
const VALS_OPTION_VENDOR_PXECLIENT_SUBOPTION = vals({
  0: 'Padding', 1: 'PXE mtftp IP', 2: 'PXE mtftp client port', 3: 'PXE mtftp server port',
  4: 'PXE mtftp timeout', 5: 'PXE mtftp delay', 6: 'PXE discovery control', 7: 'PXE multicast address',
  8: 'PXE boot servers', 9: 'PXE boot menu', 10: 'PXE menu prompt', 11: 'PXE multicast address alloc',
  12: 'PXE credential types', 71: 'PXE boot item', 179: 'PXE LCM Server', 180: 'PXE LCM Domain',
  181: 'PXE LCM NIC option 0', 190: 'PXE LCM Workgroup', 191: 'PXE Discovery', 192: 'PXE Configured',
  193: 'PXE LCM version', 194: 'PXE LCM Serial Number', 255: 'PXE End',
});
const VALS_OPTION_VENDOR_PXECLIENT_BOOT_SERVERS_TYPE = vals({
  0: 'PXE bootstrap server', 1: 'Microsoft Windows NT Boot Server', 2: 'Intel LCM Boot Server',
  3: 'DOS/UNDI Boot Server', 4: 'NEC ESMPRO Boot Server', 5: 'IBM WSoD Boot Server',
  6: 'IBM LCCM Boot Server', 7: 'CA Unicenter TNG Boot Server', 8: 'HP OpenView Boot Server',
  65535: 'PXE API Test server',
});
const VALS_OPTION_VENDOR_PXECLIENT_BOOT_MENU_TYPE = vals({ 0: 'Local boot' });
const VALS_OPTION_VENDOR_CISCO_SUBOPTION = vals({
  225: 'XiqHostname', 226: 'XiqIpAddress', 1: 'Unk-1 (Node role?)', 2: 'Unk-2 (Spine level?)',
  3: 'Unk-3 (Pod ID?)', 4: 'Node ID', 5: 'Unk-5', 6: 'Unk-6', 7: 'Model', 8: 'APIC UUID', 9: 'Fabricname',
  10: 'Unk-10', 11: 'SerialNo', 12: 'Interfacename',
});
const VALS_OPTION_VENDOR_CL_SUBOPTION = vals({
  0: 'Padding', 1: 'Suboption Request List', 2: 'Device Type', 3: 'eSAFE Types', 4: 'Serial Number',
  5: 'Hardware Version', 6: 'Software Version', 7: 'Boot ROM version',
  8: 'Organizationally Unique Identifier', 9: 'Model Number', 10: 'Vendor Name', 11: 'Address Realm',
  12: 'CM/PS System Description', 13: 'CM/PS Firmware Revision', 14: 'Firewall Policy File Version',
  15: 'eSafe Config File Devices', 18: 'Video Security Type', 31: 'MTA MAC Address', 32: 'Correlation ID',
  51: 'Vendor Name', 52: 'CableCARD Capability', 53: 'Device Identification (CA)',
  54: 'Device Identification (X.509)', 179: 'LCM Server', 180: 'LCM Domain', 181: 'LCM NIC option 0',
  190: 'LCM Workgroup', 191: 'Discovery', 192: 'HH Configured', 193: 'LCM Version', 194: 'LCM Serial Number',
  255: 'CL End',
});
const VALS_OPTION_VENDOR_CL_ADDRESS_REALM = vals({ 1: 'PS WAN-Man', 2: 'PS WAN-Data' });
const VALS_OPTION_VENDOR_ALU_SUBOPTION = vals({
  0: 'Padding', 58: 'Voice VLAN ID', 64: 'Spatial Redundancy TFTP1', 65: 'Spatial Redundancy TFTP2',
  66: 'Application Type', 67: 'SIP URL', 255: 'Alcatel-Lucent End',
});
const VALS_OPTION_VENDOR_ALU_APP_TYPE = vals({ 0: 'NOE', 1: 'SIP' });
const VALS_OPTION_VENDOR_BSDP_MESSAGE_TYPE = vals({ 1: 'LIST', 2: 'SELECT', 3: 'FAILED' });
const VALS_OPTION_VENDOR_BSDP_BOOT_IMAGE_ATTRIBUTE_INSTALL = vals({ 0: 'non-install', 1: 'install' });
const VALS_OPTION_VENDOR_BSDP_BOOT_IMAGE_ATTRIBUTE_KIND = vals({
  0: 'Mac OS 9', 1: 'Mac OS X', 2: 'Mac OS X Server', 3: 'Hardware Diagnostics',
});
const VALS_OPTION_NETBIOS_OVER_TCPIP_NODE_TYPE = vals({ 1: 'B-node', 2: 'P-node', 4: 'M-node', 8: 'H-node' });
const VALS_OPTION_OPTION_OVERLOAD = vals({
  1: 'Boot file name holds options', 2: 'Server host name holds options',
  3: 'Boot file and server host names hold options',
});
const VALS_OPTION_DHCP = vals({
  1: 'Discover', 2: 'Offer', 3: 'Request', 4: 'Decline', 5: 'ACK', 6: 'NAK', 7: 'Release', 8: 'Inform',
  9: 'Force Renew', 10: 'Lease query', 11: 'Lease Unassigned', 12: 'Lease Unknown', 13: 'Lease Active',
  14: 'Bulk Lease Query', 15: 'Lease Query Done', 16: 'Active LeaseQuery', 17: 'Lease Query Status',
  18: 'TLS',
});
const VALS_OPTION_NOVELL_OPTIONS_SUBOPTION = vals({
  1: 'NWIP does not exist on subnet', 2: 'NWIP exists in options area', 3: 'NWIP exists in sname/file',
  4: 'NWIP exists, but too big', 5: 'Broadcast for nearest Netware server', 6: 'Preferred DSS server',
  7: 'Nearest NWIP server', 8: 'Autoretries', 9: 'Autoretry delay, secs', 10: 'Support NetWare/IP v1.1',
  11: 'Primary DSS',
});
const VALS_OPTION_SLP_DIRECTORY_AGENT_VALUE = vals({
  0: 'Dynamic Discovery', 1: 'Static Discovery', 128: 'Backwards compatibility',
});
const VALS_OPTION_SLP_SERVICE_SCOPE_VALUE = vals({ 0: 'Preferred Scope', 1: 'Mandatory Scope' });
const VALS_OPTION_AGENT_INFORMATION_OPTION_SUBOPTION = vals({
  0: 'Padding', 1: 'Agent Circuit ID', 2: 'Agent Remote ID', 3: 'Reserved', 4: 'DOCSIS Device Class',
  5: 'Link selection', 6: 'Subscriber ID', 7: 'RADIUS Attributes', 8: 'Authentication',
  9: 'Vendor-Specific Information', 10: 'Flags', 11: 'Server ID Override', 12: 'Relay Agent Identifier',
  13: 'Access Technology Type', 14: 'Access Network Name', 15: 'Access Point Name', 16: 'Access Point BSSID',
  17: 'Access Network Operator ID', 18: 'Access Network Operator Realm', 19: 'Source Port',
  150: 'Link selection (Cisco proprietary)', 151: 'VRF name/VPN ID',
  152: 'Server ID Override (Cisco proprietary)',
});
const VALS_OPTION_DHCP_AUTHENTICATION_PROTOCOL = vals({
  0: 'configuration token', 1: 'delayed authentication',
});
const VALS_OPTION_DHCP_AUTHENTICATION_ALG_DELAY = vals({ 1: 'HMAC_MD5' });
const VALS_OPTION_DHCP_AUTHENTICATION_RDM = vals({ 0: 'Monotonically-increasing counter' });
const VALS_OPTION_CLIENT_SYSTEM_ARCHITECTURE = vals({
  0: 'IA x86 PC', 1: 'NEC/PC98', 2: 'IA64 PC', 3: 'DEC Alpha', 4: 'ArcX86', 5: 'Intel Lean Client',
  6: 'EFI IA32', 7: 'EFI x64', 8: 'EFI Xscale', 9: 'EFI BC', 10: 'ARM 32-bit UEFI', 11: 'ARM 64-bit UEFI',
  12: 'PowerPC Open Firmware', 13: 'PowerPC ePAPR', 14: 'POWER OPAL v3', 15: 'x86 UEFI HTTP',
  16: 'x64 UEFI HTTP', 17: 'EBC UEFI HTTP', 18: 'ARM 32-bit UEFI HTTP', 19: 'ARM 64-bit UEFI HTTP',
  20: 'PC/AT HTTP', 21: 'ARM 32-bit uboot', 22: 'ARM 64-bit uboot', 23: 'ARM 32-bit uboot HTTP',
  24: 'ARM 64-bit uboot HTTP', 25: 'RISC-V 32-bit UEFI', 26: 'RISC-V 32-bit UEFI HTTP',
  27: 'RISC-V 64-bit UEFI', 28: 'RISC-V 64-bit UEFI HTTP', 29: 'RISC-V 128-bit UEFI',
  30: 'RISC-V 128-bit UEFI HTTP', 31: 's390 Basic', 32: 's390 Extended',
});
const VALS_OPTION_CIVIC_LOCATION_WHAT = vals({
  0: 'Location of the DHCP server',
  1: 'Location of the network element believed to be closest to the client', 2: 'Location of the client',
});
const VALS_OPTION_CIVIC_LOCATION_CA_TYPE = vals({
  0: 'Language', 1: 'A1', 2: 'A2', 3: 'A3', 4: 'A4', 5: 'A5', 6: 'A6', 16: 'PRD (Leading street direction)',
  17: 'POD (Trailing street suffix)', 18: 'STS (Street suffix)', 19: 'HNO (House number)',
  20: 'HNS (House number suffix)', 21: 'LMK (Landmark or vanity address)',
  22: 'LOC (Additional location information)', 23: 'NAM', 24: 'PC (Postal/ZIP code)', 25: 'BLD (Building)',
  26: 'UNIT', 27: 'FLR (Floor)', 28: 'ROOM', 29: 'PLC (Place-type)', 30: 'PCN (Postal community name)',
  31: 'POBOX', 32: 'ADDCODE (Additional Code)', 33: 'SEAT', 34: 'RD (Primary road or street)',
  35: 'RDSEC (Road section)', 36: 'RDBR (Road branch)', 37: 'RDSUBBR (Road sub-branch)',
  38: 'PRM (Road pre-modifier)', 39: 'POM (Road post-modifier', 128: 'Script',
});
const VALS_OPTION_DHCP_AUTO_CONFIGURATION = vals({ 0: 'DoNotAutoConfigure', 1: 'AutoConfigure' });
const VALS_OPTION_SIP_SERVER_ENCODING = vals({ 0: 'Fully Qualified Domain Name', 1: 'IPv4 Address' });
const VALS_OPTION_RFC3825_ERROR = vals({
  1: 'Latitude is out of range [-90,90]', 2: 'Latitude Uncertainty is out of range [0,90]',
  3: 'Longitude is out of range [-180,180]', 4: 'Longitude Uncertainty is out of range [0,180]',
  5: 'Altitude is out of range [-(2^21),(2^21)-1]', 6: 'Altitude Uncertainty is out of range [0,2^20]',
  7: 'Altitude Type is out of range [0,2]', 8: 'Datum is out of range [1,3]',
});
const VALS_OPTION_RFC3825_ALTITUDE_TYPE = vals({ 1: 'Meters', 2: 'Floors' });
const VALS_OPTION_CL_DSS_ID_OPTION = vals({
  1: 'WGS 84', 2: 'NAD83 (NAVD88)', 3: 'NAD83 (MLLW)',
});
const VALS_OPTION_VI_CLASS_CL_ADDRESS_MODE = vals({ 1: 'IPv4', 2: 'IPv6' });
const VALS_OPTION_VI_TR111_SUBOPTION = vals({
  1: 'DeviceManufacturerOUI', 2: 'DeviceSerialNumber', 3: 'DeviceProductClass', 4: 'GatewayManufacturerOUI',
  5: 'GatewaySerialNumber', 6: 'GatewayProductClass',
});
const VALS_OPTION_VI_CL_SUBOPTION = vals({
  1: 'Option Request', 2: 'TFTP Server Addresses', 3: 'eRouter Container Option',
  4: 'MIB Environment Indicator Option', 5: 'Modem Capabilities', 0: 'Reserved',
});
const VALS_OPTION_FORCERENEW_NONCE_ALGORITHM = vals({ 1: 'HMAC-MD5' });
const VALS_OPTION_RDNSS_PREFERENCE = vals({ 0: 'Medium', 1: 'High', 2: 'Reserved', 3: 'Low' });
const VALS_OPTION_BULK_LEASE_STATUS_CODE = vals({
  0: 'Success', 1: 'UpsecFail', 2: 'QueryTerminated', 3: 'MalformedQuery', 4: 'NotAllowed',
});
const VALS_OPTION_BULK_LEASE_DHCP_STATE = vals({
  1: 'Available', 2: 'Active', 3: 'Expired', 4: 'Released', 5: 'Abandoned', 6: 'Reset', 7: 'Remote',
  8: 'Transitioning',
});
const VALS_VENDOR_PC_IETF_CCC_SUBOPTION = vals({
  1: "TSP's Primary DHCP Server", 2: "TSP's Secondary DHCP Server", 3: "TSP's Provisioning Server",
  4: "TSP's AS-REQ/AS-REP Backoff and Retry", 5: "TSP's AP-REQ/AP-REP Backoff and Retry",
  6: "TSP's Kerberos Realm Name", 7: "TSP's Ticket Granting Server Utilization",
  8: "TSP's Provisioning Timer Value", 9: 'PacketCable Security Ticket Control',
});
const VALS_VENDOR_PC_I05_CCC_SUBOPTION = vals({
  1: 'Primary DHCP Server', 2: 'Secondary DHCP Server', 3: 'SNMP Entity', 4: 'Primary DNS Server',
  5: 'Secondary DNS Server', 6: 'Kerberos Realm', 7: 'MTA should fetch TGT?', 8: 'Provisioning Timer',
  9: 'CMS FQDN', 10: 'AS-REQ/AS-REP Backoff and Retry', 11: 'AP-REQ/AP-REP Backoff and Retry',
  12: 'MTA should clear Kerberos tickets?',
});

/** Option names as tshark shows them in `Option: (N) Name`. */
const OPTION_NAMES = vals({
  0: 'Padding', 1: 'Subnet Mask', 2: 'Time Offset', 3: 'Router', 4: 'Time Server', 5: 'Name Server',
  6: 'Domain Name Server', 7: 'Log Server', 8: 'Quotes Server', 9: 'LPR Server', 10: 'Impress Server',
  11: 'Resource Location Server', 12: 'Host Name', 13: 'Boot File Size', 14: 'Merit Dump File',
  15: 'Domain Name', 16: 'Swap Server', 17: 'Root Path', 18: 'Extensions Path', 19: 'IP Forwarding',
  20: 'Non-Local Source Routing', 21: 'Policy Filter', 22: 'Maximum Datagram Reassembly Size',
  23: 'Default IP Time-to-Live', 24: 'Path MTU Aging Timeout', 25: 'Path MTU Plateau Table',
  26: 'Interface MTU', 27: 'All Subnets are Local', 28: 'Broadcast Address', 29: 'Perform Mask Discovery',
  30: 'Mask Supplier', 31: 'Perform Router Discover', 32: 'Router Solicitation Address', 33: 'Static Route',
  34: 'Trailer Encapsulation', 35: 'ARP Cache Timeout', 36: 'Ethernet Encapsulation', 37: 'TCP Default TTL',
  38: 'TCP Keepalive Interval', 39: 'TCP Keepalive Garbage', 40: 'Network Information Service Domain',
  41: 'Network Information Service Servers', 42: 'Network Time Protocol Servers',
  43: 'Vendor-Specific Information', 44: 'NetBIOS over TCP/IP Name Server',
  45: 'NetBIOS over TCP/IP Datagram Distribution Name Server', 46: 'NetBIOS over TCP/IP Node Type',
  47: 'NetBIOS over TCP/IP Scope', 48: 'X Window System Font Server', 49: 'X Window System Display Manager',
  50: 'Requested IP Address', 51: 'IP Address Lease Time', 52: 'Option Overload', 53: 'DHCP Message Type',
  54: 'DHCP Server Identifier', 55: 'Parameter Request List', 56: 'Message', 57: 'Maximum DHCP Message Size',
  58: 'Renewal Time Value', 59: 'Rebinding Time Value', 60: 'Vendor class identifier',
  61: 'Client identifier', 62: 'Novell/Netware IP domain', 63: 'Novell Options',
  64: 'Network Information Service+ Domain', 65: 'Network Information Service+ Servers',
  66: 'TFTP Server Name', 67: 'Bootfile name', 68: 'Mobile IP Home Agent', 69: 'SMTP Server',
  70: 'POP3 Server', 71: 'NNTP Server', 72: 'Default WWW Server', 73: 'Default Finger Server',
  74: 'Default IRC Server', 75: 'StreetTalk Server', 76: 'StreetTalk Directory Assistance Server',
  77: 'User Class Information', 78: 'Directory Agent Information', 79: 'Service Location Agent Scope',
  80: 'Rapid commit', 81: 'Client Fully Qualified Domain Name', 82: 'Agent Information Option', 83: 'iSNS',
  84: 'Removed/Unassigned', 85: 'Novell Directory Services Servers',
  86: 'Novell Directory Services Tree Name', 87: 'Novell Directory Services Context',
  88: 'BCMCS Controller Domain Name [TODO:RFC4280]', 89: 'BCMCS Controller IPv4 address [TODO:RFC4280]',
  90: 'Authentication', 91: 'Client last transaction time', 92: 'Associated IP option',
  93: 'Client System Architecture', 94: 'Client Network Device Interface', 95: 'LDAP [TODO:RFC3679]',
  96: 'Removed/Unassigned', 97: 'UUID/GUID-based Client Identifier',
  98: 'Open Group\'s User Authentication [TODO:RFC2485]', 99: 'Civic Addresses Configuration', 100: 'PCode',
  101: 'TCode', 102: 'Removed/unassigned', 103: 'Removed/unassigned', 104: 'Removed/unassigned',
  105: 'Removed/unassigned', 106: 'Removed/unassigned', 107: 'Removed/unassigned',
  108: 'IPv6-Only Preferred', 109: 'Unassigned', 110: 'Removed/Unassigned', 111: 'Unassigned',
  112: 'NetInfo Parent Server Address', 113: 'NetInfo Parent Server Tag', 114: 'DHCP Captive-Portal',
  115: 'Removed/Unassigned', 116: 'DHCP Auto-Configuration', 117: 'Name Service Search',
  118: 'Subnet Selection Option', 119: 'Domain Search', 120: 'SIP Servers', 121: 'Classless Static Route',
  122: 'CableLabs Client Configuration [TODO:RFC3495]', 123: 'Coordinate-based Location Configuration',
  124: 'V-I Vendor Class', 125: 'V-I Vendor-specific Information', 126: 'Removed/Unassigned',
  127: 'Removed/Unassigned', 128: 'DOCSIS full security server IP [TODO]',
  129: 'PXE - undefined (vendor specific)', 130: 'PXE - undefined (vendor specific)',
  131: 'PXE - undefined (vendor specific)', 132: 'PXE - undefined (vendor specific)',
  133: 'PXE - undefined (vendor specific)', 134: 'PXE - undefined (vendor specific)',
  135: 'PXE - undefined (vendor specific)', 136: 'PANA Authentication Agent', 137: 'LoST Server Domain Name',
  138: 'CAPWAP Access Controllers', 139: 'IPv4 Address-MoS', 140: 'IPv4 FQDN-MoS',
  141: 'SIP UA Configuration Domains', 142: 'IPv4 Address ANDSF',
  143: 'Zerotouch Redirect [TODO: draft-ietf-netconf-zerotouch]', 144: 'Geospatial Location [TODO:RFC6225]',
  145: 'Forcerenew Nonce Capable', 146: 'RDNSS Selection', 147: 'Unassigned', 148: 'Unassigned',
  149: 'Unassigned', 150: 'TFTP Server Address', 151: 'Leasequery Status code', 152: 'Leasequery Base Time',
  153: 'Leasequery Start Time of State', 154: 'Leasequery Query Start Time',
  155: 'Leasequery Query End Time', 156: 'Leasequery Dhcp State', 157: 'Leasequery Data Source',
  158: 'PCP Server', 159: 'Portparams', 160: 'Unassigned (ex DHCP Captive-Portal)',
  161: 'Manufacturer Usage Description', 162: 'Unassigned', 163: 'Unassigned', 164: 'Unassigned',
  165: 'Unassigned', 166: 'Unassigned', 167: 'Unassigned', 168: 'Unassigned', 169: 'Unassigned',
  170: 'Unassigned', 171: 'Unassigned', 172: 'Unassigned', 173: 'Unassigned', 174: 'Unassigned',
  175: 'Etherboot', 176: 'IP Telephone', 177: 'Etherboot', 178: 'Unassigned', 179: 'Unassigned',
  180: 'Unassigned', 181: 'Unassigned', 182: 'Unassigned', 183: 'Unassigned', 184: 'Unassigned',
  185: 'Unassigned', 186: 'Unassigned', 187: 'Unassigned', 188: 'Unassigned', 189: 'Unassigned',
  190: 'Unassigned', 191: 'Unassigned', 192: 'Unassigned', 193: 'Unassigned', 194: 'Unassigned',
  195: 'Unassigned', 196: 'Unassigned', 197: 'Unassigned', 198: 'Unassigned', 199: 'Unassigned',
  200: 'Unassigned', 201: 'Unassigned', 202: 'Unassigned', 203: 'Unassigned', 204: 'Unassigned',
  205: 'Unassigned', 206: 'Unassigned', 207: 'Unassigned', 208: 'PXELINUX Magic',
  209: 'PXE Configuration file', 210: 'PXE Path Prefix', 211: 'Reboot Time', 212: '6RD',
  213: 'V4 Access Domain', 214: 'Unassigned', 215: 'Unassigned', 216: 'Unassigned', 217: 'Unassigned',
  218: 'Unassigned', 219: 'Unassigned', 220: 'Subnet Allocation', 221: 'Virtual Subnet Selection',
  222: 'Unassigned', 223: 'Unassigned', 224: 'Private', 225: 'Private', 226: 'Private', 227: 'Private',
  228: 'Private', 229: 'Private', 230: 'Private', 231: 'Private', 232: 'Private', 233: 'Private',
  234: 'Private', 235: 'Private', 236: 'Private', 237: 'Private', 238: 'Private', 239: 'Private',
  240: 'Private', 241: 'Private', 242: 'Private/Avaya IP Telephone', 243: 'Private', 244: 'Private',
  245: 'Private', 246: 'Private', 247: 'Private', 248: 'Private',
  249: 'Private/Classless Static Route (Microsoft)', 250: 'Private', 251: 'Private',
  252: 'Private/Proxy autodiscovery', 253: 'Private', 254: 'Private', 255: 'End',
});

/** Every dhcp.* field tshark 4.0 registers (tshark -G fields), in its order. */
const hf = {
  bootp: f('dhcp.bootp', 'Frame is BOOTP', FT.BOOLEAN),
  type: f('dhcp.type', 'Message type', FT.UINT8, { vals: VALS_TYPE }),
  hw_type: f('dhcp.hw.type', 'Hardware type', FT.UINT8, { base: Base.HEX, vals: VALS_HW_TYPE }),
  hw_len: f('dhcp.hw.len', 'Hardware address length', FT.UINT8),
  hops: f('dhcp.hops', 'Hops', FT.UINT8),
  id: f('dhcp.id', 'Transaction ID', FT.UINT32, { base: Base.HEX }),
  secs: f('dhcp.secs', 'Seconds elapsed', FT.UINT16),
  flags: f('dhcp.flags', 'Bootp flags', FT.UINT16, { base: Base.HEX }),
  flags_bc: f('dhcp.flags.bc', 'Broadcast flag', FT.BOOLEAN, { boolBits: 16, mask: 0x8000, tfs: ['Broadcast', 'Unicast'] }),
  flags_reserved: f('dhcp.flags.reserved', 'Reserved flags', FT.UINT16, { base: Base.HEX, mask: 0x7fff }),
  ip_client: f('dhcp.ip.client', 'Client IP address', FT.IPv4),
  ip_your: f('dhcp.ip.your', 'Your (client) IP address', FT.IPv4),
  ip_server: f('dhcp.ip.server', 'Next server IP address', FT.IPv4),
  ip_relay: f('dhcp.ip.relay', 'Relay agent IP address', FT.IPv4),
  hw_addr: f('dhcp.hw.addr', 'Client hardware address', FT.BYTES),
  hw_addr_padding: f('dhcp.hw.addr_padding', 'Client hardware address padding', FT.BYTES),
  hw_mac_addr: f('dhcp.hw.mac_addr', 'Client MAC address', FT.ETHER),
  server: f('dhcp.server', 'Server host name', FT.STRING),
  file: f('dhcp.file', 'Boot file name', FT.STRING),
  cookie: f('dhcp.cookie', 'Magic cookie', FT.IPv4),
  vendor_specific_options: f('dhcp.vendor_specific_options', 'Bootp vendor specific options', FT.BYTES),
  fqdn_s: f('dhcp.fqdn.s', 'Server', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Server', 'Client'], blurb: 'If true, server should do DDNS update' }),
  fqdn_o: f('dhcp.fqdn.o', 'Server overrides', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Override', 'No override'], blurb: 'If true, server insists on doing DDNS update' }),
  fqdn_e: f('dhcp.fqdn.e', 'Encoding', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Binary encoding', 'ASCII encoding'], blurb: 'If true, name is binary encoded' }),
  fqdn_n: f('dhcp.fqdn.n', 'Server DDNS', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['No server updates', 'Some server updates'], blurb: 'If true, server should not do any DDNS updates' }),
  fqdn_flags: f('dhcp.fqdn.flags', 'Flags', FT.UINT8, { base: Base.HEX }),
  fqdn_mbz: f('dhcp.fqdn.mbz', 'Reserved flags', FT.UINT8, { base: Base.HEX, mask: 0xf0 }),
  fqdn_rcode1: f('dhcp.fqdn.rcode1', 'A-RR result', FT.UINT8, { blurb: 'Result code of A-RR update' }),
  fqdn_rcode2: f('dhcp.fqdn.rcode2', 'PTR-RR result', FT.UINT8, { blurb: 'Result code of PTR-RR update' }),
  fqdn_name: f('dhcp.fqdn.name', 'Client name', FT.STRING, { blurb: 'Name to register via DDNS' }),
  vendor_pktc_mta_cap_len: f('dhcp.vendor.pktc.mta_cap_len', 'MTA DC Length', FT.UINT8, { blurb: 'PacketCable MTA Device Capabilities Length' }),
  vendor_pktc_mta_cap_type: f('dhcp.vendor.pktc.mta_cap_type', 'Type', FT.UINT16, { vals: VALS_VENDOR_PKTC_MTA_CAP_TYPE }),
  vendor_pktc_mdc_supp_flow_secure: f('dhcp.vendor.pktc.mdc.supp_flow.secure', 'Secure Flow (Full Secure Provisioning Flow)', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Supported', 'Not supported'] }),
  vendor_pktc_mdc_supp_flow_hybrid: f('dhcp.vendor.pktc.mdc.supp_flow.hybrid', 'Hybrid Flow', FT.BOOLEAN, { boolBits: 16, mask: 0x2, tfs: ['Supported', 'Not supported'] }),
  vendor_pktc_mdc_supp_flow_basic: f('dhcp.vendor.pktc.mdc.supp_flow.basic', 'Basic Flow', FT.BOOLEAN, { boolBits: 16, mask: 0x4, tfs: ['Supported', 'Not supported'] }),
  vendor_pktc_mdc_cl_mib_mta: f('dhcp.vendor.pktc.mdc_cl.mib.mta', 'PacketCable 1.5 MTA MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_cl_mib_signaling: f('dhcp.vendor.pktc.mdc_cl.mib.signaling', 'PacketCable 1.5 Signaling MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_cl_mib_management_event: f('dhcp.vendor.pktc.mdc_cl.mib.management_event', 'PacketCable 1.5 Management Event MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_cl_mib_mta_extension: f('dhcp.vendor.pktc.mdc_cl.mib.mta_extension', 'PacketCable 1.5 MTA Extension MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_cl_mib_signaling_extension: f('dhcp.vendor.pktc.mdc_cl.mib.signaling_extension', 'PacketCable 1.5 Signaling Extension MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_cl_mib_mem_extension: f('dhcp.vendor.pktc.mdc_cl.mib.mem_extension', 'PacketCable 1.5 MEM Extension MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_cl_mib_reserved: f('dhcp.vendor.pktc.mdc_cl.mib.reserved', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0xc0 }),
  vendor_pktc_mdc_ietf_mib_mta: f('dhcp.vendor.pktc.mdc_ietf.mib.mta', 'IETF MTA MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_ietf_mib_signaling: f('dhcp.vendor.pktc.mdc_ietf.mib.signaling', 'IETF Signaling MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_ietf_mib_management_event: f('dhcp.vendor.pktc.mdc_ietf.mib.management_event', 'IETF Management Event MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_ietf_mib_reserved: f('dhcp.vendor.pktc.mdc_ietf.mib.reserved', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0xf8 }),
  vendor_pktc_mdc_euro_mib_mta: f('dhcp.vendor.pktc.mdc_euro.mib.mta', 'PacketCable 1.5 MTA MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_euro_mib_signaling: f('dhcp.vendor.pktc.mdc_euro.mib.signaling', 'PacketCable 1.5 Signaling MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_euro_mib_management_event: f('dhcp.vendor.pktc.mdc_euro.mib.management_event', 'PacketCable 1.5 Management Event MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_euro_mib_mta_extension: f('dhcp.vendor.pktc.mdc_euro.mib.mta_extension', 'PacketCable 1.5 MTA Extension MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_euro_mib_signaling_extension: f('dhcp.vendor.pktc.mdc_euro.mib.signaling_extension', 'PacketCable 1.5 Signaling Extension MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_euro_mib_mem_extension: f('dhcp.vendor.pktc.mdc_euro.mib.mem_extension', 'PacketCable 1.5 MEM Extension MIB', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: ['Present', 'Not Present'] }),
  vendor_pktc_mdc_euro_mib_reserved: f('dhcp.vendor.pktc.mdc_euro.mib.reserved', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0xc0 }),
  vendor_docsis_cm_cap_len: f('dhcp.vendor.docsis.cm_cap_len', 'CM DC Length', FT.UINT8, { blurb: 'DOCSIS Cable Modem Device Capabilities Length' }),
  docsis_cm_cap_type: f('dhcp.docsis_cm_cap_type', 'CM DC Type', FT.UINT16, { vals: VALS_DOCSIS_CM_CAP_TYPE, blurb: 'Docsis Cable Modem Device Capability type' }),
  docsis_cm_cap_ranging_hold_off_cm: f('dhcp.docsis_cm_cap.ranging_hold_off.cm', 'CM', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ranging_hold_off_eps: f('dhcp.docsis_cm_cap.ranging_hold_off.eps', 'ePS or eRouter', FT.BOOLEAN, { boolBits: 16, mask: 0x2, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ranging_hold_off_emta: f('dhcp.docsis_cm_cap.ranging_hold_off.emta', 'EMTA or EDVA', FT.BOOLEAN, { boolBits: 16, mask: 0x4, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ranging_hold_off_dsg: f('dhcp.docsis_cm_cap.ranging_hold_off.dsg', 'DSG/eSTB', FT.BOOLEAN, { boolBits: 16, mask: 0x8, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_stpid: f('dhcp.docsis_cm_cap.mpls.stpid', '[IEEE 802.1ad] S-TPID', FT.BOOLEAN, { boolBits: 32, mask: 0x1, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_svid: f('dhcp.docsis_cm_cap.mpls.svid', '[IEEE 802.1ad] S-VID', FT.BOOLEAN, { boolBits: 32, mask: 0x2, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_spcp: f('dhcp.docsis_cm_cap.mpls.spcp', '[IEEE 802.1ad] S-PCP', FT.BOOLEAN, { boolBits: 32, mask: 0x4, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_sdei: f('dhcp.docsis_cm_cap.mpls.sdei', '[IEEE 802.1ad] S-DEI', FT.BOOLEAN, { boolBits: 32, mask: 0x8, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_ctpid: f('dhcp.docsis_cm_cap.mpls.ctpid', '[IEEE 802.1ad] C-TPID', FT.BOOLEAN, { boolBits: 32, mask: 0x10, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_cvid: f('dhcp.docsis_cm_cap.mpls.cvid', '[IEEE 802.1ad] C-VID', FT.BOOLEAN, { boolBits: 32, mask: 0x20, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_cpcp: f('dhcp.docsis_cm_cap.mpls.cpcp', '[IEEE 802.1ad] C-PCP', FT.BOOLEAN, { boolBits: 32, mask: 0x40, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_ccfi: f('dhcp.docsis_cm_cap.mpls.ccfi', '[IEEE 802.1ad] C-CFI', FT.BOOLEAN, { boolBits: 32, mask: 0x80, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_stci: f('dhcp.docsis_cm_cap.mpls.stci', '[IEEE 802.1ad] S-TCI', FT.BOOLEAN, { boolBits: 32, mask: 0x100, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_ctci: f('dhcp.docsis_cm_cap.mpls.ctci', '[IEEE 802.1ad] C-TCI', FT.BOOLEAN, { boolBits: 32, mask: 0x200, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_itpid: f('dhcp.docsis_cm_cap.mpls.itpid', '[IEEE 802.1ad] I-TPID', FT.BOOLEAN, { boolBits: 32, mask: 0x400, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_isid: f('dhcp.docsis_cm_cap.mpls.isid', '[IEEE 802.1ad] I-SID', FT.BOOLEAN, { boolBits: 32, mask: 0x800, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_itci: f('dhcp.docsis_cm_cap.mpls.itci', '[IEEE 802.1ad] I-TCI', FT.BOOLEAN, { boolBits: 32, mask: 0x1000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_ipcp: f('dhcp.docsis_cm_cap.mpls.ipcp', '[IEEE 802.1ad] I-PCP', FT.BOOLEAN, { boolBits: 32, mask: 0x2000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_idei: f('dhcp.docsis_cm_cap.mpls.idei', '[IEEE 802.1ad] I-DEI', FT.BOOLEAN, { boolBits: 32, mask: 0x4000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_iuca: f('dhcp.docsis_cm_cap.mpls.iuca', '[IEEE 802.1ad] I-UCA', FT.BOOLEAN, { boolBits: 32, mask: 0x8000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_btpid: f('dhcp.docsis_cm_cap.mpls.btpid', '[IEEE 802.1ad] B-TPID', FT.BOOLEAN, { boolBits: 32, mask: 0x10000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_btci: f('dhcp.docsis_cm_cap.mpls.btci', '[IEEE 802.1ad] B-TCI', FT.BOOLEAN, { boolBits: 32, mask: 0x20000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_bpcp: f('dhcp.docsis_cm_cap.mpls.bpcp', '[IEEE 802.1ad] B-PCP', FT.BOOLEAN, { boolBits: 32, mask: 0x40000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_bdei: f('dhcp.docsis_cm_cap.mpls.bdei', '[IEEE 802.1ad] B-DEI', FT.BOOLEAN, { boolBits: 32, mask: 0x80000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_bvid: f('dhcp.docsis_cm_cap.mpls.bvid', '[IEEE 802.1ad] B-VID', FT.BOOLEAN, { boolBits: 32, mask: 0x100000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_bda: f('dhcp.docsis_cm_cap.mpls.bda', '[IEEE 802.1ad] B-DA', FT.BOOLEAN, { boolBits: 32, mask: 0x200000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_bsa: f('dhcp.docsis_cm_cap.mpls.bsa', '[IEEE 802.1ad] B-SA', FT.BOOLEAN, { boolBits: 32, mask: 0x200000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_tc: f('dhcp.docsis_cm_cap.mpls.tc', 'MPLS TC', FT.BOOLEAN, { boolBits: 32, mask: 0x200000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_mpls_label: f('dhcp.docsis_cm_cap.mpls.label', 'MPLS Label', FT.BOOLEAN, { boolBits: 32, mask: 0x200000, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ussymrate_160: f('dhcp.docsis_cm_cap.ussymrate.160', '160 ksps symbol rate', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ussymrate_320: f('dhcp.docsis_cm_cap.ussymrate.320', '320 ksps symbol rate', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ussymrate_640: f('dhcp.docsis_cm_cap.ussymrate.640', '640 ksps symbol rate', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ussymrate_1280: f('dhcp.docsis_cm_cap.ussymrate.1280', '1280 ksps symbol rate', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ussymrate_2560: f('dhcp.docsis_cm_cap.ussymrate.2560', '2560 ksps symbol rate', FT.BOOLEAN, { boolBits: 8, mask: 0x10, tfs: ['Supported', 'Not supported'] }),
  docsis_cm_cap_ussymrate_5120: f('dhcp.docsis_cm_cap.ussymrate.5120', '5120 ksps symbol rate', FT.BOOLEAN, { boolBits: 8, mask: 0x20, tfs: ['Supported', 'Not supported'] }),
  client_id_uuid: f('dhcp.client_id.uuid', 'Client Identifier (UUID)', FT.GUID, { blurb: 'Client Machine Identifier (UUID)' }),
  client_hardware_address: f('dhcp.client_hardware_address', 'Client hardware address', FT.STRING),
  client_id_iaid: f('dhcp.client_id.iaid', 'IAID', FT.STRING),
  client_id_duid_type: f('dhcp.client_id.duid_type', 'DUID Type', FT.UINT16, { vals: VALS_CLIENT_ID_DUID_TYPE }),
  client_id_duid_llt_hw_type: f('dhcp.client_id.duid_llt_hw_type', 'Hardware type', FT.UINT16, { vals: VALS_CLIENT_ID_DUID_LLT_HW_TYPE, blurb: 'Client Identifier DUID LLT Hardware type' }),
  client_id_duid_ll_hw_type: f('dhcp.client_id.duid_ll_hw_type', 'Hardware type', FT.UINT16, { vals: VALS_CLIENT_ID_DUID_LLT_HW_TYPE, blurb: 'Client Identifier DUID LL Hardware type' }),
  client_id_time: f('dhcp.client_id.time', 'Time', FT.UINT32),
  client_id_link_layer_address: f('dhcp.client_id.link_layer_address', 'Link layer address', FT.STRING),
  client_id_enterprise_num: f('dhcp.client_id.enterprise_num', 'Enterprise-number', FT.UINT32),
  client_id: f('dhcp.client_id', 'Identifier', FT.BYTES),
  client_id_type: f('dhcp.client_id.type', 'Type', FT.UINT8),
  client_id_undef: f('dhcp.client_id.undef', 'Client Identifier', FT.STRING),
  option_type: f('dhcp.option.type', 'Option', FT.UINT8, { blurb: 'DHCP/BOOTP option type' }),
  option_length: f('dhcp.option.length', 'Length', FT.UINT8, { blurb: 'DHCP/BOOTP option length' }),
  option_suboption_length: f('dhcp.option.suboption_length', 'Length', FT.UINT8, { blurb: 'Suboption length' }),
  option_value: f('dhcp.option.value', 'Value', FT.BYTES, { blurb: 'DHCP/BOOTP option value' }),
  option_value_uint: f('dhcp.option.value.uint', 'Value', FT.UINT8, { blurb: '8-bit DHCP/BOOTP option value' }),
  option_value_int: f('dhcp.option.value.int', 'Value', FT.INT32, { blurb: '32-bit DHCP/BOOTP option value' }),
  option_value_string: f('dhcp.option.value.string', 'Value', FT.STRINGZ, { blurb: 'Z-String DHCP/BOOTP option value' }),
  option_value_address: f('dhcp.option.value.address', 'Value', FT.IPv4, { blurb: 'IP address DHCP/BOOTP option value' }),
  option_value_bool: f('dhcp.option.value.bool', 'Value', FT.BOOLEAN, { tfs: ['True', 'False'], blurb: 'Boolean DHCP/BOOTP option value' }),
  option_padding: f('dhcp.option.padding', 'Padding', FT.BYTES, { blurb: 'Option 0: Padding' }),
  option_subnet_mask: f('dhcp.option.subnet_mask', 'Subnet Mask', FT.IPv4, { blurb: 'Option 1: Subnet Mask' }),
  option_time_offset: f('dhcp.option.time_offset', 'Time Offset', FT.INT32, { blurb: 'Option 2: Time Offset' }),
  option_router: f('dhcp.option.router', 'Router', FT.IPv4, { blurb: 'Option 3: Router' }),
  option_time_server: f('dhcp.option.time_server', 'Time Server', FT.IPv4, { blurb: 'Option 4: Time Server' }),
  option_name_server: f('dhcp.option.name_server', 'Name Server', FT.IPv4, { blurb: 'Option 5: Name Server' }),
  option_domain_name_server: f('dhcp.option.domain_name_server', 'Domain Name Server', FT.IPv4, { blurb: 'Option 6: Domain Name Server' }),
  option_log_server: f('dhcp.option.log_server', 'Log Server', FT.IPv4, { blurb: 'Option 7: Log Server' }),
  option_quotes_server: f('dhcp.option.quotes_server', 'Quotes Server', FT.IPv4, { blurb: 'Option 8: Quotes Server' }),
  option_lpr_server: f('dhcp.option.lpr_server', 'LPR Server', FT.IPv4, { blurb: 'Option 9: LPR Server' }),
  option_impress_server: f('dhcp.option.impress_server', 'Impress Server', FT.IPv4, { blurb: 'Option 10: Impress Server' }),
  option_resource_location_server: f('dhcp.option.resource_location_server', 'Resource Location Server', FT.IPv4, { blurb: 'Option 11: Resource Location Server' }),
  option_hostname: f('dhcp.option.hostname', 'Host Name', FT.STRINGZ, { blurb: 'Option 12: Host Name' }),
  option_boot_file_size: f('dhcp.option.boot_file_size', 'Boot File Size', FT.UINT16, { blurb: 'Option 13: Boot File Size' }),
  option_merit_dump_file: f('dhcp.option.merit_dump_file', 'Merit Dump File', FT.STRINGZ, { blurb: 'Option 14: Merit Dump File' }),
  option_domain_name: f('dhcp.option.domain_name', 'Domain Name', FT.STRINGZ, { blurb: 'Option 15: Domain Name' }),
  option_swap_server: f('dhcp.option.swap_server', 'Swap Server', FT.IPv4, { blurb: 'Option 16: Swap Server' }),
  option_root_path: f('dhcp.option.root_path', 'Root Path', FT.STRINGZ, { blurb: 'Option 17: Root Path' }),
  option_extension_path: f('dhcp.option.extension_path', 'Extensions Path', FT.STRINGZ, { blurb: 'Option 18: Extensions Path' }),
  option_ip_forwarding: f('dhcp.option.ip_forwarding', 'IP Forwarding', FT.BOOLEAN, { tfs: ['Enabled', 'Disabled'], blurb: 'Option 19: IP Forwarding' }),
  option_policy_filter_ip: f('dhcp.option.policy_filter.ip', 'IP Address', FT.IPv4, { blurb: 'Option 21: IP address' }),
  option_policy_filter_subnet_mask: f('dhcp.option.policy_filter.subnet_mask', 'Subnet Mask', FT.IPv4, { blurb: 'Option 21: Subnet Mask' }),
  option_non_local_source_routing: f('dhcp.option.non_local_source_routing', 'Non-Local Source Routing', FT.BOOLEAN, { tfs: ['Enabled', 'Disabled'], blurb: 'Option 20: Non-Local Source Routing' }),
  option_max_datagram_reassembly_size: f('dhcp.option.max_datagram_reassembly_size', 'Maximum Datagram Reassembly Size', FT.UINT16, { blurb: 'Option 22: Maximum Datagram Reassembly Size' }),
  option_default_ip_ttl: f('dhcp.option.default_ip_ttl', 'Default IP Time-to-Live', FT.UINT8, { blurb: 'Option 23: Default IP Time-to-Live' }),
  option_path_mtu_aging_timeout: f('dhcp.option.path_mtu_aging_timeout', 'Path MTU Aging Timeout', FT.UINT32, { blurb: 'Option 24: Path MTU Aging Timeout' }),
  option_path_mtu_plateau_table_item: f('dhcp.option.path_mtu_plateau_table_item', 'Path MTU Plateau Table Item', FT.UINT16, { blurb: 'Option 25: Path MTU Plateau Table Item' }),
  option_interface_mtu: f('dhcp.option.interface_mtu', 'Interface MTU', FT.UINT16, { blurb: 'Option 26: Interface MTU' }),
  option_all_subnets_are_local: f('dhcp.option.all_subnets_are_local', 'All Subnets are Local', FT.BOOLEAN, { tfs: ['Yes', 'No'], blurb: 'Option 27: All Subnets are Local' }),
  option_broadcast_address: f('dhcp.option.broadcast_address', 'Broadcast Address', FT.IPv4, { blurb: 'Option 28: Broadcast Address' }),
  option_perform_mask_discovery: f('dhcp.option.perform_mask_discovery', 'Perform Mask Discovery', FT.BOOLEAN, { tfs: ['Enabled', 'Disabled'], blurb: 'Option 29: Perform Mask Discovery' }),
  option_mask_supplier: f('dhcp.option.mask_supplier', 'Mask Supplier', FT.BOOLEAN, { tfs: ['Yes', 'No'], blurb: 'Option 30: Mask Supplier' }),
  option_perform_router_discover: f('dhcp.option.perform_router_discover', 'Perform Router Discover', FT.BOOLEAN, { tfs: ['Enabled', 'Disabled'], blurb: 'Option 31: Perform Router Discover' }),
  option_router_solicitation_address: f('dhcp.option.router_solicitation_address', 'Router Solicitation Address', FT.IPv4, { blurb: 'Option 32: Router Solicitation Address' }),
  option_static_route_ip: f('dhcp.option.static_route.ip', 'Destination IP Address', FT.IPv4, { blurb: 'Option 33: Destination IP address' }),
  option_static_route_router: f('dhcp.option.static_route.router', 'Destination Router', FT.IPv4, { blurb: 'Option 33: Destination Router' }),
  option_trailer_encapsulation: f('dhcp.option.trailer_encapsulation', 'Trailer Encapsulation', FT.BOOLEAN, { tfs: ['Enabled', 'Disabled'], blurb: 'Option 34: Trailer Encapsulation' }),
  option_arp_cache_timeout: f('dhcp.option.arp_cache_timeout', 'ARP Cache Timeout', FT.UINT32, { blurb: 'Option 35: ARP Cache Timeout' }),
  option_ethernet_encapsulation: f('dhcp.option.ethernet_encapsulation', 'Ethernet Encapsulation', FT.BOOLEAN, { tfs: ['Enabled', 'Disabled'], blurb: 'Option 36: Ethernet Encapsulation' }),
  option_tcp_default_ttl: f('dhcp.option.tcp_default_ttl', 'TCP Default TTL', FT.UINT8, { blurb: 'Option 37: TCP Default TTL' }),
  option_tcp_keepalive_interval: f('dhcp.option.tcp_keepalive_interval', 'TCP Keepalive Interval', FT.UINT32, { blurb: 'Option 38: TCP Keepalive Interval' }),
  option_tcp_keepalive_garbage: f('dhcp.option.tcp_keepalive_garbage', 'TCP Keepalive Garbage', FT.BOOLEAN, { tfs: ['Enabled', 'Disabled'], blurb: 'Option 39: TCP Keepalive Garbage' }),
  option_nis_domain: f('dhcp.option.nis_domain', 'Network Information Service Domain', FT.STRINGZ, { blurb: 'Option 40: Network Information Service Domain' }),
  option_nis_server: f('dhcp.option.nis_server', 'Network Information Service Server', FT.IPv4, { blurb: 'Option 41: Network Information Service Server' }),
  option_ntp_server: f('dhcp.option.ntp_server', 'Network Time Protocol Server', FT.IPv4, { blurb: 'Option 42: Network Time Protocol Server' }),
  option_vendor_value: f('dhcp.option.vendor.value', 'Value', FT.BYTES, { blurb: 'Option 43: Suboption value' }),
  option_vendor_value_uint: f('dhcp.option.vendor.value.uint', 'Value', FT.UINT8, { blurb: 'Option 43: Suboption 8-bit value' }),
  option_vendor_value_string: f('dhcp.option.vendor.value.string', 'Value', FT.STRINGZ, { blurb: 'Option 43: Suboption Z-String value' }),
  option_vendor_value_address: f('dhcp.option.vendor.value.address', 'Value', FT.IPv4, { blurb: 'Option 43: Suboption IP address' }),
  option_vendor_pxeclient_suboption: f('dhcp.option.vendor.pxeclient.suboption', 'Option 43 Suboption', FT.UINT8, { vals: VALS_OPTION_VENDOR_PXECLIENT_SUBOPTION, blurb: 'Option 43:PXE Client Suboption' }),
  option_vendor_pxeclient_padding: f('dhcp.option.vendor.pxeclient.padding', 'Padding', FT.UINT8, { blurb: 'Option 43:PXE Client 0 Padding' }),
  option_vendor_pxeclient_mtftp_ip: f('dhcp.option.vendor.pxeclient.mtftp_ip', 'mtftp IP', FT.IPv4, { blurb: 'Option 43:PXE Client 1 mtftp IP' }),
  option_vendor_pxeclient_mtftp_client_port: f('dhcp.option.vendor.pxeclient.mtftp_client_port', 'mtftp client port', FT.UINT16, { blurb: 'Option 43:PXE Client 2 mtftp client port' }),
  option_vendor_pxeclient_mtftp_server_port: f('dhcp.option.vendor.pxeclient.mtftp_server_port', 'mtftp server port', FT.UINT16, { blurb: 'Option 43:PXE Client 3 mtftp server port' }),
  option_vendor_pxeclient_mtftp_timeout: f('dhcp.option.vendor.pxeclient.mtftp_timeout', 'mtftp timeout', FT.UINT8, { blurb: 'Option 43:PXE Client 4 mtftp timeout' }),
  option_vendor_pxeclient_mtftp_delay: f('dhcp.option.vendor.pxeclient.mtftp_delay', 'mtftp delay', FT.UINT8, { blurb: 'Option 43:PXE Client 5 mtftp delay' }),
  option_vendor_pxeclient_discovery_control: f('dhcp.option.vendor.pxeclient.discovery_control', 'discovery control', FT.UINT8, { base: Base.HEX, blurb: 'Option 43:PXE Client 6 discovery control' }),
  option_vendor_pxeclient_discovery_control_broadcast: f('dhcp.option.vendor.pxeclient.discovery_control.broadcast', 'Disable Broadcast', FT.BOOLEAN, { boolBits: 8, mask: 0x1, tfs: ['Set', 'Not set'] }),
  option_vendor_pxeclient_discovery_control_multicast: f('dhcp.option.vendor.pxeclient.discovery_control.multicast', 'Disable Multicast', FT.BOOLEAN, { boolBits: 8, mask: 0x2, tfs: ['Set', 'Not set'] }),
  option_vendor_pxeclient_discovery_control_serverlist: f('dhcp.option.vendor.pxeclient.discovery_control.serverlist', 'Serverlist only', FT.BOOLEAN, { boolBits: 8, mask: 0x4, tfs: ['Set', 'Not set'] }),
  option_vendor_pxeclient_discovery_control_bstrap: f('dhcp.option.vendor.pxeclient.discovery_control.bstrap', 'Bootstrap override', FT.BOOLEAN, { boolBits: 8, mask: 0x8, tfs: ['Set', 'Not set'] }),
  option_vendor_pxeclient_multicast_address: f('dhcp.option.vendor.pxeclient.multicast_address', 'multicast address', FT.IPv4, { blurb: 'Option 43:PXE Client 7 multicast address' }),
  option_vendor_pxeclient_boot_servers: f('dhcp.option.vendor.pxeclient.boot_servers', 'boot servers', FT.BYTES, { blurb: 'Option 43:PXE Client 8 boot servers' }),
  option_vendor_pxeclient_boot_servers_type: f('dhcp.option.vendor.pxeclient.boot_servers.type', 'Type', FT.UINT16, { vals: VALS_OPTION_VENDOR_PXECLIENT_BOOT_SERVERS_TYPE }),
  option_vendor_pxeclient_boot_servers_count: f('dhcp.option.vendor.pxeclient.boot_servers.count', 'IP count', FT.UINT8),
  option_vendor_pxeclient_boot_servers_ip: f('dhcp.option.vendor.pxeclient.boot_servers.ip', 'IP', FT.IPv4),
  option_vendor_pxeclient_boot_menu: f('dhcp.option.vendor.pxeclient.boot_menu', 'boot menu', FT.BYTES, { blurb: 'Option 43:PXE Client 9 boot menu' }),
  option_vendor_pxeclient_boot_menu_type: f('dhcp.option.vendor.pxeclient.boot_menu.type', 'Type', FT.UINT16, { vals: VALS_OPTION_VENDOR_PXECLIENT_BOOT_MENU_TYPE }),
  option_vendor_pxeclient_boot_menu_length: f('dhcp.option.vendor.pxeclient.boot_menu.length', 'Length', FT.UINT8),
  option_vendor_pxeclient_boot_menu_desc: f('dhcp.option.vendor.pxeclient.boot_menu.desc', 'Description', FT.STRING),
  option_vendor_pxeclient_menu_prompt: f('dhcp.option.vendor.pxeclient.menu_prompt', 'menu prompt', FT.BYTES, { blurb: 'Option 43:PXE Client 10 menu prompt' }),
  option_vendor_pxeclient_menu_prompt_timeout: f('dhcp.option.vendor.pxeclient.menu_prompt.timeout', 'Timeout', FT.UINT8),
  option_vendor_pxeclient_menu_prompt_prompt: f('dhcp.option.vendor.pxeclient.menu_prompt.prompt', 'Prompt', FT.STRING),
  option_vendor_pxeclient_multicast_address_alloc: f('dhcp.option.vendor.pxeclient.multicast_address_alloc', 'multicast address alloc', FT.BYTES, { blurb: 'Option 43:PXE Client 11 multicast address alloc' }),
  option_vendor_pxeclient_credential_types: f('dhcp.option.vendor.pxeclient.credential_types', 'credential types', FT.BYTES, { blurb: 'Option 43:PXE Client 12 credential types' }),
  option_vendor_pxeclient_boot_item: f('dhcp.option.vendor.pxeclient.boot_item', 'boot item', FT.BYTES, { blurb: 'Option 43:PXE Client 71 boot item' }),
  option_vendor_pxeclient_boot_item_type: f('dhcp.option.vendor.pxeclient.boot_item.type', 'Type', FT.UINT16),
  option_vendor_pxeclient_boot_item_layer: f('dhcp.option.vendor.pxeclient.boot_item.layer', 'Layer', FT.BYTES),
  option_vendor_pxeclient_lcm_server: f('dhcp.option.vendor.pxeclient.lcm_server', 'LCM Server Name', FT.STRINGZ, { blurb: 'Option 43:PXE Client 179 LCM Server' }),
  option_vendor_pxeclient_lcm_domain: f('dhcp.option.vendor.pxeclient.lcm_domain', 'LCM Domain', FT.STRINGZ, { blurb: 'Option 43:PXE Client 180 LCM Domain' }),
  option_vendor_pxeclient_lcm_nic_option: f('dhcp.option.vendor.pxeclient.lcm_nic_option', 'LCM NIC option', FT.BYTES, { blurb: 'Option 43:PXE Client 181 LCM NIC Option' }),
  option_vendor_pxeclient_lcm_workgroup: f('dhcp.option.vendor.pxeclient.lcm_workgroup', 'LCM Workgroup', FT.STRINGZ, { blurb: 'Option 43:PXE Client 190 LCM Workgroup' }),
  option_vendor_pxeclient_discovery: f('dhcp.option.vendor.pxeclient.discovery', 'Discovery', FT.BOOLEAN, { tfs: ['Yes', 'No'], blurb: 'Option 43:PXE Client 191 Discovery' }),
  option_vendor_pxeclient_configured: f('dhcp.option.vendor.pxeclient.configured', 'Configured', FT.BOOLEAN, { tfs: ['Yes', 'No'], blurb: 'Option 43:PXE Client 192 Configured' }),
  option_vendor_pxeclient_lcm_version: f('dhcp.option.vendor.pxeclient.lcm_version', 'LCM Version', FT.UINT32, { blurb: 'Option 43:PXE Client 193 LCM Version' }),
  option_vendor_pxeclient_lcm_serial: f('dhcp.option.vendor.pxeclient.lcm_serial', 'LCM Serial Number', FT.STRINGZ, { blurb: 'Option 43:PXE Client 194 LCM Serial Number' }),
  option_vendor_pxeclient_end: f('dhcp.option.vendor.pxeclient.end', 'PXE Client End', FT.UINT8, { blurb: 'Option 43:PXE Client 255 End' }),
  option_vendor_cisco_suboption: f('dhcp.option.vendor.cisco.suboption', 'Option 43 Suboption', FT.UINT8, { vals: VALS_OPTION_VENDOR_CISCO_SUBOPTION, blurb: 'Option 43:AEROHIVE Suboption' }),
  option_vendor_aerohive_unknown: f('dhcp.option.vendor.aerohive.unknown', 'Unknown', FT.BYTES),
  option_vendor_aerohive_xiqhostname: f('dhcp.option.vendor.aerohive.xiqhostname', 'HM FQDN', FT.STRING, { blurb: 'Hive Manager NG FQDN' }),
  option_vendor_aerohive_xiqipaddress: f('dhcp.option.vendor.aerohive.xiqipaddress', 'HM IP', FT.IPv4, { blurb: 'Hive Manager NG IP address' }),
  option_vendor_cl_suboption: f('dhcp.option.vendor.cl.suboption', 'Option 43 Suboption', FT.UINT8, { vals: VALS_OPTION_VENDOR_CL_SUBOPTION, blurb: 'Option 43:CL Suboption' }),
  option_vendor_cl_padding: f('dhcp.option.vendor.cl.padding', 'Padding', FT.UINT8, { blurb: 'Option 43:CL 0 Padding' }),
  option_vendor_cl_suboption_request_list: f('dhcp.option.vendor.cl.suboption_request_list', 'Suboption Request List', FT.STRINGZ, { blurb: 'Option 43:CL 1 Suboption Request List' }),
  option_vendor_cl_device_type: f('dhcp.option.vendor.cl.device_type', 'Device Type', FT.STRINGZ, { blurb: 'Option 43:CL 2 Device Type' }),
  option_vendor_cl_esafe_type: f('dhcp.option.vendor.cl.esafe_type', 'eSAFE Types', FT.STRINGZ, { blurb: 'Option 43:CL 3 eSAFE Types' }),
  option_vendor_cl_serial_number: f('dhcp.option.vendor.cl.serial_number', 'Serial Number', FT.STRINGZ, { blurb: 'Option 43:CL 4 Serial Number' }),
  option_vendor_cl_hardware_version: f('dhcp.option.vendor.cl.hardware_version', 'Hardware Version', FT.STRINGZ, { blurb: 'Option 43:CL 5 Hardware Version' }),
  option_vendor_cl_software_version: f('dhcp.option.vendor.cl.software_version', 'Software Version', FT.STRINGZ, { blurb: 'Option 43:CL 6 Software Version' }),
  option_vendor_cl_boot_rom_version: f('dhcp.option.vendor.cl.boot_rom_version', 'Boot ROM version', FT.STRINGZ, { blurb: 'Option 43:CL 7 Boot ROM version' }),
  option_vendor_cl_oui_string: f('dhcp.option.vendor.cl.oui_string', 'Organizationally Unique Identifier', FT.STRINGZ, { blurb: 'Option 43:CL 8 Organizationally Unique Identifier' }),
  option_vendor_cl_oui_bytes: f('dhcp.option.vendor.cl.oui_bytes', 'Organizationally Unique Identifier', FT.BYTES, { blurb: 'Option 43:CL 8 Organizationally Unique Identifier' }),
  option_vendor_cl_model_number: f('dhcp.option.vendor.cl.model_number', 'Model Number', FT.STRINGZ, { blurb: 'Option 43:CL 9 Model Number' }),
  option_vendor_cl_vendor_name10: f('dhcp.option.vendor.cl.vendor_name10', 'Vendor Name', FT.STRINGZ, { blurb: 'Option 43:CL 10 Vendor Name' }),
  option_vendor_cl_address_realm: f('dhcp.option.vendor.cl.address_realm', 'Address Realm', FT.UINT8, { vals: VALS_OPTION_VENDOR_CL_ADDRESS_REALM, blurb: 'Option 43:CL 11 Address Realm' }),
  option_vendor_cl_cm_ps_system_desc: f('dhcp.option.vendor.cl.cm_ps_system_desc', 'CM/PS System Description', FT.STRINGZ, { blurb: 'Option 43:CL 12 CM/PS System Description' }),
  option_vendor_cl_cm_ps_firmware_revision: f('dhcp.option.vendor.cl.cm_ps_firmware_revision', 'CM/PS Firmware Revision', FT.STRINGZ, { blurb: 'Option 43:CL 13 CM/PS Firmware Revision' }),
  option_vendor_cl_firewall_policy_file_version: f('dhcp.option.vendor.cl.firewall_policy_file_version', 'Firewall Policy File Version', FT.STRINGZ, { blurb: 'Option 43:CL 14 Firewall Policy File Version' }),
  option_vendor_cl_esafe_config_file_devices: f('dhcp.option.vendor.cl.esafe_config_file_devices', 'eSafe Config File Devices', FT.STRINGZ, { blurb: 'Option 43:CL 15 eSafe Config File Devices' }),
  option_vendor_cl_video_security_tape: f('dhcp.option.vendor.cl.video_security_tape', 'Video Security Type', FT.STRINGZ, { blurb: 'Option 43:CL 18 Video Security Type' }),
  option_vendor_cl_mta_mac_address: f('dhcp.option.vendor.cl.mta_mac_address', 'MTA MAC Address', FT.ETHER, { blurb: 'Option 43:CL 31 MTA MAC Address' }),
  option_vendor_cl_correlation_ID: f('dhcp.option.vendor.cl.correlation_ID', 'Correlation ID', FT.UINT32, { blurb: 'Option 43: CL 32 Correlation ID' }),
  option_vendor_cl_vendor_name51: f('dhcp.option.vendor.cl.vendor_name51', 'Vendor Name', FT.STRINGZ, { blurb: 'Option 43:CL 51 Vendor Name' }),
  option_vendor_cl_cablecard_capability: f('dhcp.option.vendor.cl.cablecard_capability', 'CableCARD Capability', FT.BYTES, { blurb: 'Option 43:CL 52 CableCARD Capability' }),
  option_vendor_cl_device_id_ca: f('dhcp.option.vendor.cl.device_id_ca', 'Device Identification (CA)', FT.BYTES, { blurb: 'Option 43:CL 53 Device Identification (CA)' }),
  option_vendor_cl_device_id_x509: f('dhcp.option.vendor.cl.device_id_x509', 'Device Identification (X.509)', FT.STRINGZ, { blurb: 'Option 43:CL 54 Device Identification (X.509)' }),
  option_vendor_cl_end: f('dhcp.option.vendor.cl.end', 'CL End', FT.UINT8, { blurb: 'Option 43:CL 255 End' }),
  option_vendor_alu_suboption: f('dhcp.option.vendor.alu.suboption', 'Option 43 Suboption', FT.UINT8, { vals: VALS_OPTION_VENDOR_ALU_SUBOPTION, blurb: 'Option 43:Alcatel Suboption' }),
  option_vendor_alu_padding: f('dhcp.option.vendor.alu.padding', 'Padding', FT.UINT8, { blurb: 'Option 43:Alcatel 0 Padding' }),
  option_vendor_alu_vid: f('dhcp.option.vendor.alu.vid', 'Voice VLAN ID', FT.UINT16, { blurb: 'Option 43:Alcatel 58 Voice VLAN ID' }),
  option_vendor_alu_tftp1: f('dhcp.option.vendor.alu.tftp1', 'Spatial Redundancy TFTP1', FT.IPv4, { blurb: 'Option 43:Alcatel 64 Spatial Redundancy TFTP1' }),
  option_vendor_alu_tftp2: f('dhcp.option.vendor.alu.tftp2', 'Spatial Redundancy TFTP2', FT.IPv4, { blurb: 'Option 43:Alcatel 65 Spatial Redundancy TFTP2' }),
  option_vendor_alu_app_type: f('dhcp.option.vendor.alu.app_type', 'Application Type', FT.UINT8, { vals: VALS_OPTION_VENDOR_ALU_APP_TYPE, blurb: 'Option 43:Alcatel 66 Application Type' }),
  option_vendor_alu_sip_url: f('dhcp.option.vendor.alu.sip_url', 'SIP URL', FT.STRING, { blurb: 'Option 43:Alcatel 67 SIP URL' }),
  option_vendor_alu_end: f('dhcp.option.vendor.alu.end', 'Alcatel End', FT.UINT8, { blurb: 'Option 43:Alcatel 255 End' }),
  option_vendor_arubaap_controllerip: f('dhcp.option.vendor.arubaap.controllerip', 'Aruba Controller IP', FT.STRING, { blurb: 'Address IP of Aruba controller' }),
  option_vendor_arubaiap: f('dhcp.option.vendor.arubaiap', 'Aruba Instant AP', FT.STRING, { blurb: 'nameorg,amp-ip-address,password' }),
  option_vendor_arubaiap_name_org: f('dhcp.option.vendor.arubaiap.name_org', 'Name Organisation', FT.STRING),
  option_vendor_arubaiap_amp_ip: f('dhcp.option.vendor.arubaiap.amp_ip', 'AMP IP Address', FT.STRING, { blurb: 'Address IP of Airwave server (AMP)' }),
  option_vendor_arubaiap_password: f('dhcp.option.vendor.arubaiap.password', 'Password', FT.STRING, { blurb: 'Password for Instant AP Airwave server (AMP)' }),
  option_vendor_bsdp_suboption: f('dhcp.option.vendor.bsdp.suboption', 'Option 43 Suboption', FT.UINT8, { vals: VALS_OPTION_VENDOR_CL_SUBOPTION, blurb: 'Option 43:BSDP Suboption' }),
  option_vendor_bsdp_message_type: f('dhcp.option.vendor.bsdp.message_type', 'Message Type', FT.UINT8, { vals: VALS_OPTION_VENDOR_BSDP_MESSAGE_TYPE }),
  option_vendor_bsdp_version: f('dhcp.option.vendor.bsdp.version', 'Version', FT.UINT16, { base: Base.HEX }),
  option_vendor_bsdp_server_identifier: f('dhcp.option.vendor.bsdp.server_identifier', 'Server Identifier', FT.IPv4),
  option_vendor_bsdp_server_priority: f('dhcp.option.vendor.bsdp.server_priority', 'Server Priority', FT.UINT16),
  option_vendor_bsdp_reply_port: f('dhcp.option.vendor.bsdp.reply_port', 'Reply Port', FT.UINT16),
  option_vendor_bsdp_boot_image_list_path: f('dhcp.option.vendor.bsdp.boot_image_list_path', 'Boot Image List Path', FT.STRING),
  option_vendor_bsdp_boot_image_index: f('dhcp.option.vendor.bsdp.boot_image.index', 'Boot Image Index', FT.UINT16, { base: Base.HEX }),
  option_vendor_bsdp_default_boot_image_id: f('dhcp.option.vendor.bsdp.default_boot_image_id', 'Default Boot Image ID', FT.UINT32, { base: Base.HEX }),
  option_vendor_bsdp_selected_boot_image_id: f('dhcp.option.vendor.bsdp.selected_boot_image_id', 'Selected Boot Image ID', FT.UINT32, { base: Base.HEX }),
  option_vendor_bsdp_boot_image_list: f('dhcp.option.vendor.bsdp.boot_image_list', 'Boot Image List', FT.BYTES),
  option_vendor_bsdp_boot_image_desc: f('dhcp.option.vendor.bsdp.boot_image.desc', 'Boot Image Description', FT.BYTES),
  option_vendor_bsdp_boot_image_name_len: f('dhcp.option.vendor.bsdp.boot_image.name_len', 'Boot Image Name Length', FT.UINT8),
  option_vendor_bsdp_boot_image_name: f('dhcp.option.vendor.bsdp.boot_image.name', 'Boot Image Name', FT.STRING),
  option_vendor_bsdp_netboot_firmware: f('dhcp.option.vendor.bsdp.netboot_firmware', 'NetBoot 1.0 Firmware', FT.NONE),
  option_vendor_bsdp_attributes_filter_list: f('dhcp.option.vendor.bsdp.attributes_filter_list', 'Boot Image Attributes Filter List', FT.BYTES),
  option_vendor_bsdp_boot_image_attribute: f('dhcp.option.vendor.bsdp.boot_image.attribute', 'Boot Image Attribute', FT.UINT16, { base: Base.HEX }),
  option_vendor_bsdp_boot_image_attribute_install: f('dhcp.option.vendor.bsdp.boot_image.attribute.install', 'Install', FT.UINT16, { base: Base.HEX, mask: 0x8000, vals: VALS_OPTION_VENDOR_BSDP_BOOT_IMAGE_ATTRIBUTE_INSTALL, blurb: 'Boot Image Attribute Install' }),
  option_vendor_bsdp_boot_image_attribute_kind: f('dhcp.option.vendor.bsdp.boot_image.attribute.kind', 'Kind', FT.UINT16, { base: Base.HEX, mask: 0x7f00, vals: VALS_OPTION_VENDOR_BSDP_BOOT_IMAGE_ATTRIBUTE_KIND, blurb: 'Boot Image Attribute Kind' }),
  option_vendor_bsdp_boot_image_attribute_reserved: f('dhcp.option.vendor.bsdp.boot_image.attribute.reserved', 'Reserved', FT.UINT16, { base: Base.HEX, mask: 0xff, blurb: 'Boot Image Attribute Reserved' }),
  option_vendor_bsdp_message_size: f('dhcp.option.vendor.bsdp.message_size', 'Message Size', FT.UINT16),
  option_netbios_over_tcpip_name_server: f('dhcp.option.netbios_over_tcpip_name_server', 'NetBIOS over TCP/IP Name Server', FT.IPv4, { blurb: 'Option 44: NetBIOS over TCP/IP Name Server' }),
  option_netbios_over_tcpip_dd_name_server: f('dhcp.option.netbios_over_tcpip_dd_name_server', 'NetBIOS over TCP/IP Datagram Distribution Name Server', FT.IPv4, { blurb: 'Option 45: NetBIOS over TCP/IP Datagram Distribution Name Server' }),
  option_netbios_over_tcpip_node_type: f('dhcp.option.netbios_over_tcpip_node_type', 'NetBIOS over TCP/IP Node Type', FT.UINT8, { vals: VALS_OPTION_NETBIOS_OVER_TCPIP_NODE_TYPE, blurb: 'Option 46: NetBIOS over TCP/IP Node Type' }),
  option_netbios_over_tcpip_scope: f('dhcp.option.netbios_over_tcpip_scope', 'NetBIOS over TCP/IP Scope', FT.STRINGZ, { blurb: 'Option 47: NetBIOS over TCP/IP Scope' }),
  option_xwindows_system_font_server: f('dhcp.option.xwindows_system_font_server', 'X Window System Font Server', FT.IPv4, { blurb: 'Option 48: X Window System Font Server' }),
  option_xwindows_system_display_manager: f('dhcp.option.xwindows_system_display_manager', 'X Window System Display Manager', FT.IPv4, { blurb: 'Option 49: X Window System Display Manager' }),
  option_requested_ip_address: f('dhcp.option.requested_ip_address', 'Requested IP Address', FT.IPv4, { blurb: 'Option 50: Requested IP Address' }),
  option_ip_address_lease_time: f('dhcp.option.ip_address_lease_time', 'IP Address Lease Time', FT.UINT32, { blurb: 'Option 51: IP Address Lease Time' }),
  option_option_overload: f('dhcp.option.option_overload', 'Option Overload', FT.UINT8, { vals: VALS_OPTION_OPTION_OVERLOAD, blurb: 'Option 52: Option Overload' }),
  option_dhcp: f('dhcp.option.dhcp', 'DHCP', FT.UINT8, { vals: VALS_OPTION_DHCP, blurb: 'Option 53: DHCP option' }),
  option_dhcp_server_id: f('dhcp.option.dhcp_server_id', 'DHCP Server Identifier', FT.IPv4, { blurb: 'Option 54: DHCP Server Identifier' }),
  option_request_list_item: f('dhcp.option.request_list_item', 'Parameter Request List Item', FT.UINT8, { blurb: 'Option 55: Parameter Request List Item' }),
  option_message: f('dhcp.option.message', 'Message', FT.STRINGZ, { blurb: 'Option 56: Option message' }),
  option_dhcp_max_message_size: f('dhcp.option.dhcp_max_message_size', 'Maximum DHCP Message Size', FT.UINT16, { blurb: 'Option 57: Maximum DHCP Message Size' }),
  option_renewal_time_value: f('dhcp.option.renewal_time_value', 'Renewal Time Value', FT.UINT32, { blurb: 'Option 58: Renewal Time Value' }),
  option_rebinding_time_value: f('dhcp.option.rebinding_time_value', 'Rebinding Time Value', FT.UINT32, { blurb: 'Option 59: Rebinding Time Value' }),
  option_vendor_class_id: f('dhcp.option.vendor_class_id', 'Vendor class identifier', FT.STRINGZ, { blurb: 'Option 60: Vendor class identifier' }),
  option_vendor_class_data: f('dhcp.option.vendor_class_data', 'vendor-class-data', FT.STRINGZ, { blurb: 'Option 60: Vendor class data' }),
  option_novell_netware_ip_domain: f('dhcp.option.novell_netware_ip_domain', 'Novell/Netware IP domain', FT.STRINGZ, { blurb: 'Option 62: Novell/Netware IP domain' }),
  option_novell_options_suboption: f('dhcp.option.novell_options.suboption', 'Option 63 Suboption', FT.UINT8, { vals: VALS_OPTION_NOVELL_OPTIONS_SUBOPTION, blurb: 'Option 63: Suboption' }),
  option_novell_options_value: f('dhcp.option.novell_options.value', 'Value', FT.BYTES, { blurb: 'Option 63: Suboption value' }),
  option_novell_options_value_uint: f('dhcp.option.novell_options.value.uint', 'Value', FT.UINT8, { blurb: 'Option 63: Suboption 8-bit value' }),
  option_novell_options_value_address: f('dhcp.option.novell_options.value.address', 'Value', FT.IPv4, { blurb: 'Option 63: Suboption IP address' }),
  option_novell_options_value_bool: f('dhcp.option.novell_options.value.bool', 'Value', FT.BOOLEAN, { tfs: ['True', 'False'], blurb: 'Option 63: Suboption Boolean value' }),
  option_novell_options_broadcast: f('dhcp.option.novell_options.broadcast', 'Broadcast for nearest Netware server', FT.BOOLEAN, { tfs: ['Yes', 'No'], blurb: 'Option 63:5 Broadcast for nearest Netware server' }),
  option_novell_options_preferred_dss_server: f('dhcp.option.novell_options.preferred_dss_server', 'Preferred DSS server', FT.IPv4, { blurb: 'Option 63:6 Preferred DSS server' }),
  option_novell_options_nearest_nwip_server: f('dhcp.option.novell_options.nearest_nwip_server', 'Nearest NWIP server', FT.IPv4, { blurb: 'Option 63:7 Nearest NWIP server' }),
  option_novell_options_autoretries: f('dhcp.option.novell_options.autoretries', 'Autoretries', FT.UINT8, { blurb: 'Option 63:8 Autoretries' }),
  option_novell_options_autoretry_delay: f('dhcp.option.novell_options.autoretry_delay', 'Autoretry delay, sec', FT.UINT8, { blurb: 'Option 63:9 Autoretry delay, sec' }),
  option_novell_options_support_netware_v1_1: f('dhcp.option.novell_options.support_netware_v1_1', 'Broadcast for nearest Netware server', FT.BOOLEAN, { tfs: ['Yes', 'No'], blurb: 'Option 63:10 Broadcast for nearest Netware server' }),
  option_novell_options_primary_dss: f('dhcp.option.novell_options.primary_dss', 'Primary DSS', FT.IPv4, { blurb: 'Option 63:11 Primary DSS' }),
  option_nis_plus_domain: f('dhcp.option.nis_plus_domain', 'Network Information Service+ Domain', FT.STRINGZ, { blurb: 'Option 64: Network Information Service+ Domain' }),
  option_nis_plus_server: f('dhcp.option.nis_plus_server', 'Network Information Service+ Server', FT.IPv4, { blurb: 'Option 65: Network Information Service+ Server' }),
  option_tftp_server_name: f('dhcp.option.tftp_server_name', 'TFTP Server Name', FT.STRINGZ, { blurb: 'Option 66: TFTP Server Name' }),
  option_bootfile_name: f('dhcp.option.bootfile_name', 'Bootfile name', FT.STRINGZ, { blurb: 'Option 67: Bootfile name' }),
  option_mobile_ip_home_agent: f('dhcp.option.mobile_ip_home_agent', 'Mobile IP Home Agent', FT.IPv4, { blurb: 'Option 68: Mobile IP Home Agent' }),
  option_smtp_server: f('dhcp.option.smtp_server', 'SMTP Server', FT.IPv4, { blurb: 'Option 69: SMTP Server' }),
  option_pop3_server: f('dhcp.option.pop3_server', 'POP3 Server', FT.IPv4, { blurb: 'Option 70: POP3 Server' }),
  option_nntp_server: f('dhcp.option.nntp_server', 'NNTP Server', FT.IPv4, { blurb: 'Option 71: NNTP Server' }),
  option_default_www_server: f('dhcp.option.default_www_server', 'Default WWW Server', FT.IPv4, { blurb: 'Option 72: Default WWW Server' }),
  option_default_finger_server: f('dhcp.option.default_finger_server', 'Default Finger Server', FT.IPv4, { blurb: 'Option 73: Default Finger Server' }),
  option_default_irc_server: f('dhcp.option.default_irc_server', 'Default IRC Server', FT.IPv4, { blurb: 'Option 74: Default IRC Server' }),
  option_streettalk_server: f('dhcp.option.streettalk_server', 'StreetTalk Server', FT.IPv4, { blurb: 'Option 75: StreetTalk Server' }),
  option_streettalk_da_server: f('dhcp.option.streettalk_da_server', 'StreetTalk Directory Assistance Server', FT.IPv4, { blurb: 'Option 76: StreetTalk Directory Assistance Server' }),
  option_user_class: f('dhcp.option.user_class', 'Instance of User Class', FT.UINT8),
  option_user_class_length: f('dhcp.option.user_class.length', 'User Class Length', FT.UINT8, { blurb: 'Length of User Class Instance' }),
  option_user_class_data: f('dhcp.option.user_class.data', 'User Class Data', FT.BYTES, { blurb: 'Data of User Class Instance' }),
  option_user_class_text: f('dhcp.option.user_class.text', 'User Class Data (Text)', FT.STRING, { blurb: 'Text of User Class Instance' }),
  option_slp_directory_agent_value: f('dhcp.option.slp_directory_agent.value', 'Value', FT.UINT8, { vals: VALS_OPTION_SLP_DIRECTORY_AGENT_VALUE, blurb: 'Option 78: SLPDA Value' }),
  option_slp_directory_agent_slpda_address: f('dhcp.option.slp_directory_agent.slpda_address', 'IP Address', FT.IPv4, { blurb: 'Option 78: SLPDA Address' }),
  option_slp_service_scope_value: f('dhcp.option.slp_service_scope.value', 'Value', FT.UINT8, { vals: VALS_OPTION_SLP_SERVICE_SCOPE_VALUE, blurb: 'Option 79: SLP Service Scope Value' }),
  option_slp_service_scope_string: f('dhcp.option.slp_service_scope.string', 'SLP Service Scope', FT.STRINGZ, { blurb: 'Option 79: SLP Service Scope' }),
  option_agent_information_option_suboption: f('dhcp.option.agent_information_option.suboption', 'Option 82 Suboption', FT.UINT8, { vals: VALS_OPTION_AGENT_INFORMATION_OPTION_SUBOPTION, blurb: 'Option 82: Suboption' }),
  option_agent_information_option_value: f('dhcp.option.agent_information_option.value', 'Value', FT.BYTES, { blurb: 'Option 82: Suboption value' }),
  option_agent_information_option_value_uint: f('dhcp.option.agent_information_option.value.uint', 'Value', FT.UINT8, { blurb: 'Option 82: Suboption 8-bit value' }),
  option_agent_information_option_value_address: f('dhcp.option.agent_information_option.value.address', 'Value', FT.IPv4, { blurb: 'Option 82: Suboption IP address' }),
  option_agent_information_option_value_string: f('dhcp.option.agent_information_option.value.string', 'Value', FT.STRINGZ, { blurb: 'Option 82: Suboption Z-String value' }),
  option_agent_information_option_padding: f('dhcp.option.agent_information_option.padding', 'Padding', FT.UINT8, { blurb: 'Option 82:0 Padding' }),
  option_agent_information_option_agent_circuit_id: f('dhcp.option.agent_information_option.agent_circuit_id', 'Agent Circuit ID', FT.BYTES, { blurb: 'Option 82:1 Agent Circuit ID' }),
  option_agent_information_option_agent_remote_id: f('dhcp.option.agent_information_option.agent_remote_id', 'Agent Remote ID', FT.BYTES, { blurb: 'Option 82:2 Agent Remote ID' }),
  option_agent_information_option_reserved: f('dhcp.option.agent_information_option.reserved', 'Reserved', FT.BYTES, { blurb: 'Option 82:3 Reserved' }),
  option_agent_information_option_docsis_device_class: f('dhcp.option.agent_information_option.docsis_device_class', 'DOCSIS Device Class', FT.UINT32, { base: Base.HEX, blurb: 'Option 82:4 DOCSIS Device Class' }),
  option_agent_information_option_link_selection: f('dhcp.option.agent_information_option.link_selection', 'Link selection', FT.IPv4, { blurb: 'Option 82:5 Link selection' }),
  option_agent_information_option_subscriber_id: f('dhcp.option.agent_information_option.subscriber_id', 'Subscriber ID', FT.STRINGZ, { blurb: 'Option 82:6 Subscriber ID' }),
  option_agent_information_option_radius_attributes: f('dhcp.option.agent_information_option.radius_attributes', 'RADIUS Attributes', FT.BYTES, { blurb: 'Option 82:7 RADIUS Attributes' }),
  option_agent_information_option_authentication: f('dhcp.option.agent_information_option.authentication', 'Authentication', FT.BYTES, { blurb: 'Option 82:8 Authentication' }),
  option_agent_information_option_vi: f('dhcp.option.agent_information_option.vi', 'Vendor-Specific Information', FT.BYTES, { blurb: 'Option 82:9 Vendor-Specific Information' }),
  option_agent_information_option_vi_enterprise: f('dhcp.option.agent_information_option.vi.enterprise', 'Enterprise', FT.UINT32, { blurb: 'Option 82:9 VI Enterprise' }),
  option_agent_information_option_vi_data_length: f('dhcp.option.agent_information_option.vi.data_length', 'Data Length', FT.UINT8, { blurb: 'Option 82:9 VI Data Length' }),
  option_agent_information_option_vi_cl_docsis_version: f('dhcp.option.agent_information_option.vi.cl.docsis_version', 'DOCSIS Version Number', FT.UINT16, { base: Base.HEX, blurb: 'Option 82:9 VI CL DOCSIS Version Number' }),
  option_agent_information_option_vi_cl_dpoe_system_version: f('dhcp.option.agent_information_option.vi.cl.dpoe_system_version', 'DPoE System Version Number', FT.UINT16, { base: Base.HEX, blurb: 'Option 82:9 VI CL DPoE System Version Number' }),
  option_agent_information_option_vi_cl_dpoe_system_pbb_service: f('dhcp.option.agent_information_option.vi.cl.dpoe_system_pbb_service', 'DPoE System PBB Service', FT.BYTES, { blurb: 'Option 82:9 VI CL DPoE System PBB Service' }),
  option_agent_information_option_vi_cl_service_class_name: f('dhcp.option.agent_information_option.vi.cl.service_class_name', 'Service Class Name', FT.STRING, { blurb: 'Option 82:9 VI CL Service Class Name' }),
  option_agent_information_option_vi_cl_mso_defined_text: f('dhcp.option.agent_information_option.vi.cl.mso_defined_text', 'MSO Defined Text', FT.STRING, { blurb: 'Option 82:9 VI CL MSO Defined Text' }),
  option_agent_information_option_vi_cl_secure_file_transfer_uri: f('dhcp.option.agent_information_option.vi.cl.secure_file_transfer_uri', 'Secure File Transfer URI', FT.STRING, { blurb: 'Option 82:9 VI CL Secure File Transfer URI' }),
  option_agent_information_option_flags: f('dhcp.option.agent_information_option.flags', 'Flags', FT.UINT8, { base: Base.HEX, blurb: 'Option 82:10 Flags' }),
  option_agent_information_option_server_id_override: f('dhcp.option.agent_information_option.server_id_override', 'Server ID Override', FT.IPv4, { blurb: 'Option 82:11 Server ID Override' }),
  option_agent_information_option_relay_agent_id: f('dhcp.option.agent_information_option.relay_agent_id', 'Relay Agent Identifier', FT.BYTES, { blurb: 'Option 82:12 Relay Agent Identifier' }),
  option_agent_information_option_ani_att: f('dhcp.option.agent_information_option.ani_att', 'Access Technology Type', FT.UINT8, { blurb: 'Option 82:13 Access Technology Type' }),
  option_agent_information_option_ani_att_res: f('dhcp.option.agent_information_option.ani_att.res', 'Access Technology Type', FT.UINT8, { blurb: 'Option 82:13 Access Technology Type Reserved' }),
  option_agent_information_option_ani_att_att: f('dhcp.option.agent_information_option.ani_att.att', 'Access Technology Type', FT.UINT8, { blurb: 'Option 82:13 Access Technology Type Value' }),
  option_agent_information_option_ani_network_name: f('dhcp.option.agent_information_option.ani_network_name', 'Access Network Name', FT.STRING, { blurb: 'Option 82:14 Access Network Name' }),
  option_agent_information_option_ani_ap_name: f('dhcp.option.agent_information_option.ani_ap_name', 'Access Point Name', FT.STRING, { blurb: 'Option 82:15 Access Point Name' }),
  option_agent_information_option_ani_ap_bssid: f('dhcp.option.agent_information_option.ani_ap_bssid', 'Access Point BSSID', FT.ETHER, { blurb: 'Option 82:16 Access Point BSSID' }),
  option_agent_information_option_ani_operator_id: f('dhcp.option.agent_information_option.ani_operator_id', 'Access Network Operator ID', FT.BYTES, { blurb: 'Option 82:17 Access Network Operator ID' }),
  option_agent_information_option_ani_operator_realm: f('dhcp.option.agent_information_option.ani_operator_realm', 'Access Network Operator Realm', FT.STRING, { blurb: 'Option 82:18 Access Network Operator Realm' }),
  option_agent_information_option_source_port: f('dhcp.option.agent_information_option.source_port', 'Source Port', FT.NONE, { blurb: 'Option 82:19 Source Port' }),
  option_agent_information_option_link_selection_cisco: f('dhcp.option.agent_information_option.link_selection_cisco', 'Link selection (Cisco proprietary)', FT.IPv4, { blurb: 'Option 82:150 Link selection (Cisco proprietary)' }),
  option_agent_information_option_vrf_name_vpn_id: f('dhcp.option.agent_information_option.vrf_name.vpn_id', 'VRF name/VPN ID', FT.BYTES, { blurb: 'Option 82:151 VRF name/VPN ID' }),
  option_agent_information_option_vrf_name_global: f('dhcp.option.agent_information_option.vrf_name.global', 'Global, default VPN', FT.UINT8, { blurb: 'Option 82:151 Global, default VPN' }),
  option_agent_information_option_vrf_name: f('dhcp.option.agent_information_option.vrf_name', 'VRF name', FT.STRING, { blurb: 'Option 82:151 VRF name' }),
  option_agent_information_option_vrf_name_vpn_id_oui: f('dhcp.option.agent_information_option.vrf_name.vpn_id.oui', 'VRF name/VPN ID OUI', FT.UINT24, { base: Base.HEX, blurb: 'Option 82:151 VRF name/VPN ID OUI' }),
  option_agent_information_option_vrf_name_vpn_id_index: f('dhcp.option.agent_information_option.vrf_name.vpn_id.index', 'VRF name/VPN ID Index', FT.UINT32, { base: Base.HEX, blurb: 'Option 82:151 VRF name/VPN ID Index' }),
  option_agent_information_option_server_id_override_cisco: f('dhcp.option.agent_information_option.server_id_override_cisco', 'Server ID Override (Cisco proprietary)', FT.IPv4, { blurb: 'Option 82:152 Server ID Override (Cisco proprietary)' }),
  option_isns_functions: f('dhcp.option.isns.functions', 'iSNS Functions', FT.UINT16, { base: Base.HEX, blurb: 'iSNS: the functions supported by the iSNS servers' }),
  option_isns_functions_enabled: f('dhcp.option.isns.functions.enabled', 'Function Fields Enabled', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Yes', 'No'], blurb: 'If set to zero, then the contents of all other iSNS Function fields MUST be ignored' }),
  option_isns_functions_dd_base_authorization: f('dhcp.option.isns.functions.dd_base_authorization', 'Discovery Domain based Authorization', FT.BOOLEAN, { boolBits: 16, mask: 0x2, tfs: ['Automatically allowed access', 'Explicitly performed'], blurb: 'If set to zero, then access authorization must be explicitly performed by each device' }),
  option_isns_functions_sec_policy_distribution: f('dhcp.option.isns.functions.sec_policy_distribution', 'Security Policy Distribution', FT.BOOLEAN, { boolBits: 16, mask: 0x4, tfs: ['Download from iSNS server', 'By other means'] }),
  option_isns_functions_reserved: f('dhcp.option.isns.functions.reserved', 'Reserved flags', FT.UINT16, { base: Base.HEX, mask: 0xfff8 }),
  option_isns_discovery_domain_access: f('dhcp.option.isns.discovery_domain_access', 'Discovery Domain Access flags', FT.UINT16, { base: Base.HEX, blurb: 'iSNS: the types of iSNS clients that are allowed to modify Discovery Domains' }),
  option_isns_discovery_domain_access_enabled: f('dhcp.option.isns.discovery_domain_access.enabled', 'Discovery Domain Enabled', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Yes', 'No'], blurb: 'If set to zero, then the contents of the remainder of this field MUST be ignored' }),
  option_isns_discovery_domain_access_control_node: f('dhcp.option.isns.discovery_domain_access_control.node', 'Control Node', FT.BOOLEAN, { boolBits: 16, mask: 0x2, tfs: ['Yes', 'No'] }),
  option_isns_discovery_domain_access_iscsi_target: f('dhcp.option.isns.discovery_domain_access.iscsi_target', 'iSCSI Target', FT.BOOLEAN, { boolBits: 16, mask: 0x4, tfs: ['Yes', 'No'] }),
  option_isns_discovery_domain_access_iscsi_initiator: f('dhcp.option.isns.discovery_domain_access.iscsi_initiator', 'iSCSI Initiator', FT.BOOLEAN, { boolBits: 16, mask: 0x8, tfs: ['Yes', 'No'] }),
  option_isns_discovery_domain_access_ifcp_target_port: f('dhcp.option.isns.discovery_domain_access.ifcp_target_port', 'iFCP Target Port', FT.BOOLEAN, { boolBits: 16, mask: 0x10, tfs: ['Yes', 'No'] }),
  option_isns_discovery_domain_access_initiator_target_port: f('dhcp.option.isns.discovery_domain_access.initiator_target_port', 'iFCP Initiator Port', FT.BOOLEAN, { boolBits: 16, mask: 0x20, tfs: ['Yes', 'No'] }),
  option_isns_discovery_domain_access_reserved: f('dhcp.option.isns.discovery_domain_access.reserved', 'Reserved Flags', FT.UINT16, { base: Base.HEX, mask: 0xffc0 }),
  option_isns_administrative_flags: f('dhcp.option.isns.administrative_flags', 'Administrative Flags', FT.UINT16, { base: Base.HEX, blurb: 'iSNS: administrative settings for the iSNS servers discovered through the DHCP query' }),
  option_isns_administrative_flags_enabled: f('dhcp.option.isns.administrative_flags.enabled', 'Administrative Flags Enabled', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Yes', 'No'] }),
  option_isns_administrative_flags_heartbeat: f('dhcp.option.isns.administrative_flags.heartbeat', 'Heartbeat', FT.BOOLEAN, { boolBits: 16, mask: 0x2, tfs: ['Yes', 'No'] }),
  option_isns_administrative_flags_management_scns: f('dhcp.option.isns.administrative_flags.management_scns', 'Management SCNs', FT.BOOLEAN, { boolBits: 16, mask: 0x4, tfs: ['Yes', 'No'] }),
  option_isns_administrative_flags_default_discovery_domain: f('dhcp.option.isns.administrative_flags.default_discovery_domain', 'Default Discovery Domain', FT.BOOLEAN, { boolBits: 16, mask: 0x8, tfs: ['Yes', 'No'] }),
  option_isns_administrative_flags_reserved: f('dhcp.option.isns.administrative_flags.reserved', 'Reserved Flags', FT.UINT16, { base: Base.HEX, mask: 0xfff0 }),
  option_isns_server_security_bitmap: f('dhcp.option.isns.server_security_bitmap', 'iSNS Server Security Bitmap', FT.UINT32, { base: Base.HEX, blurb: 'iSNS: server security settings' }),
  option_isns_server_security_bitmap_enabled: f('dhcp.option.isns.server_security_bitmap.enabled', 'Server Security Bitmap Enabled', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Yes', 'No'] }),
  option_isns_server_security_bitmap_ike_ipsec_enabled: f('dhcp.option.isns.server_security_bitmap.ike_ipsec_enabled', 'IKE/IPSec', FT.BOOLEAN, { boolBits: 16, mask: 0x2, tfs: ['Enabled', 'Disabled'] }),
  option_isns_server_security_bitmap_main_mode: f('dhcp.option.isns.server_security_bitmap.main_mode', 'Main Mode', FT.BOOLEAN, { boolBits: 16, mask: 0x4, tfs: ['Enabled', 'Disabled'] }),
  option_isns_server_security_bitmap_aggressive_mode: f('dhcp.option.isns.server_security_bitmap.aggressive_mode', 'Aggressive Mode', FT.BOOLEAN, { boolBits: 16, mask: 0x8, tfs: ['Enabled', 'Disabled'] }),
  option_isns_server_security_bitmap_pfs: f('dhcp.option.isns.server_security_bitmap.pfs', 'PFS', FT.BOOLEAN, { boolBits: 16, mask: 0x10, tfs: ['Enabled', 'Disabled'] }),
  option_isns_server_security_bitmap_transport_mode: f('dhcp.option.isns.server_security_bitmap.transport_mode', 'Transport Mode', FT.BOOLEAN, { boolBits: 16, mask: 0x20, tfs: ['Preferred', 'No preference'] }),
  option_isns_server_security_bitmap_tunnel_mode: f('dhcp.option.isns.server_security_bitmap.tunnel_mode', 'Tunnel Mode', FT.BOOLEAN, { boolBits: 16, mask: 0x40, tfs: ['Preferred', 'No preference'] }),
  option_isns_server_security_bitmap_reserved: f('dhcp.option.isns.server_security_bitmap.reserved', 'Reserved Flags', FT.UINT16, { base: Base.HEX, mask: 0xff80 }),
  option_isns_primary_server_addr: f('dhcp.option.isns.primary_server_addr', 'Primary Server Address', FT.IPv4, { blurb: 'iSNS: IP address of the primary server' }),
  option_isns_heartbeat_originator_addr: f('dhcp.option.isns.heartbeat_originator_addr', 'Heartbeat Originator Address', FT.IPv4, { blurb: 'iSNS: IP address from which the iSNS heartbeat originates' }),
  option_isns_secondary_server_addr: f('dhcp.option.isns.secondary_server_addr', 'Secondary Server Address', FT.IPv4, { blurb: 'iSNS: a list of IP addresses of the secondary iSNS servers' }),
  option_novell_dss_string: f('dhcp.option.novell_dss.string', 'Novell Directory Services Servers String', FT.STRINGZ, { blurb: 'Option 85: Novell Directory Services Servers String' }),
  option_novell_dss_ip: f('dhcp.option.novell_dss.ip', 'IP Address', FT.IPv4, { blurb: 'Option 85: Novell Directory Services Servers IP Address' }),
  option_novell_ds_tree_name: f('dhcp.option.novell_ds_tree_name', 'Novell Directory Services Tree Name', FT.STRINGZ, { blurb: 'Option 86: Novell Directory Services Tree Name' }),
  option_novell_ds_context: f('dhcp.option.novell_ds_context', 'Novell Directory Services Context', FT.STRINGZ, { blurb: 'Option 87: Novell Directory Services Context' }),
  option_dhcp_authentication_protocol: f('dhcp.option.dhcp_authentication.protocol', 'Protocol', FT.UINT8, { vals: VALS_OPTION_DHCP_AUTHENTICATION_PROTOCOL, blurb: 'Option 90: Authentication Protocol' }),
  option_dhcp_authentication_alg_delay: f('dhcp.option.dhcp_authentication.alg_delay', 'Delay Algorithm', FT.UINT8, { vals: VALS_OPTION_DHCP_AUTHENTICATION_ALG_DELAY, blurb: 'Option 90: Delayed Authentication Algorithm' }),
  option_dhcp_authentication_algorithm: f('dhcp.option.dhcp_authentication.algorithm', 'Algorithm', FT.UINT8, { blurb: 'Option 90: Authentication Algorithm' }),
  option_dhcp_authentication_rdm: f('dhcp.option.dhcp_authentication.rdm', 'Replay Detection Method', FT.UINT8, { vals: VALS_OPTION_DHCP_AUTHENTICATION_RDM, blurb: 'Option 90: Replay Detection Method' }),
  option_dhcp_authentication_rdm_replay_detection: f('dhcp.option.dhcp_authentication.rdm_replay_detection', 'RDM Replay Detection Value', FT.UINT64, { base: Base.HEX, blurb: 'Option 90: RDM Replay Detection Value' }),
  option_dhcp_authentication_rdm_rdv: f('dhcp.option.dhcp_authentication.rdm_rdv', 'Replay Detection Value', FT.STRINGZ, { blurb: 'Option 90: Replay Detection Value' }),
  option_dhcp_authentication_secret_id: f('dhcp.option.dhcp_authentication.secret_id', 'Secret ID', FT.UINT32, { base: Base.HEX, blurb: 'Option 90: Secret ID' }),
  option_dhcp_authentication_hmac_md5_hash: f('dhcp.option.dhcp_authentication.hmac_md5_hash', 'HMAC MD5 Hash', FT.BYTES, { blurb: 'Option 90: HMAC MD5 Hash' }),
  option_dhcp_authentication_information: f('dhcp.option.dhcp_authentication.information', 'Authentication Information', FT.STRINGZ, { blurb: 'Option 90: Authentication Information' }),
  option_client_last_transaction_time: f('dhcp.option.client_last_transaction_time', 'Client last transaction time', FT.UINT32, { blurb: 'Option 91: Client last transaction time' }),
  option_associated_ip_option: f('dhcp.option.associated_ip_option', 'Associated IP option', FT.IPv4, { blurb: 'Option 92: Associated IP option' }),
  option_client_system_architecture: f('dhcp.option.client_system_architecture', 'Client System Architecture', FT.UINT16, { vals: VALS_OPTION_CLIENT_SYSTEM_ARCHITECTURE, blurb: 'Option 93: Client System Architecture' }),
  client_network_id_major: f('dhcp.client_network_id_major', 'Major Version', FT.UINT8, { blurb: 'Option 94: Major Version' }),
  client_network_id_minor: f('dhcp.client_network_id_minor', 'Minor Version', FT.UINT8, { blurb: 'Option 94: Minor Version' }),
  option_civic_location_what: f('dhcp.option.civic_location.what', 'What', FT.UINT8, { vals: VALS_OPTION_CIVIC_LOCATION_WHAT, blurb: 'Option 99: What' }),
  option_civic_location_country: f('dhcp.option.civic_location.country', 'Country', FT.STRINGZ, { blurb: 'Option 99: Country' }),
  option_civic_location_ca_type: f('dhcp.option.civic_location.ca_type', 'CA Type', FT.UINT8, { vals: VALS_OPTION_CIVIC_LOCATION_CA_TYPE, blurb: 'Option 99: CA Type' }),
  option_civic_location_ca_length: f('dhcp.option.civic_location.ca_length', 'CA Length', FT.UINT8, { blurb: 'Option 99: CA Length' }),
  option_civic_location_ca_value: f('dhcp.option.civic_location.ca_value', 'CA Value', FT.STRINGZ, { blurb: 'Option 99: CA Value' }),
  option_tz_pcode: f('dhcp.option.tz_pcode', 'TZ PCode', FT.STRING, { blurb: 'Option 100: TZ PCode' }),
  option_tz_tcode: f('dhcp.option.tz_tcode', 'TZ TCode', FT.STRING, { blurb: 'Option 101: TZ TCode' }),
  option_netinfo_parent_server_address: f('dhcp.option.netinfo_parent_server_address', 'NetInfo Parent Server Address', FT.IPv4, { blurb: 'Option 112: NetInfo Parent Server Address' }),
  option_netinfo_parent_server_tag: f('dhcp.option.netinfo_parent_server_tag', 'NetInfo Parent Server Tag', FT.STRINGZ, { blurb: 'Option 113: NetInfo Parent Server Tag' }),
  option_dhcp_auto_configuration: f('dhcp.option.dhcp_auto_configuration', 'DHCP Auto-Configuration', FT.UINT8, { vals: VALS_OPTION_DHCP_AUTO_CONFIGURATION, blurb: 'Option 116: DHCP Auto-Configuration' }),
  option_dhcp_name_service_search_option: f('dhcp.option.dhcp_name_service_search_option', 'Name Service', FT.STRINGZ, { blurb: 'Option 117: Name Service' }),
  option_dhcp_dns_domain_search_list_rfc_3396_detected: f('dhcp.option.dhcp_dns_domain_search_list_rfc_3396_detected', 'Encoding Long Options detected (RFC 3396)', FT.STRINGZ, { blurb: 'Option 119: Encoding Long Options detected (RFC 3396)' }),
  option_dhcp_dns_domain_search_list_refer_last_option: f('dhcp.option.dhcp_dns_domain_search_list_refer_last_option', 'For the data, please refer to last option 119', FT.STRINGZ, { blurb: 'Option 119: For the data, please refer to last option 119' }),
  option_dhcp_dns_domain_search_list_fqdn: f('dhcp.option.dhcp_dns_domain_search_list_fqdn', 'FQDN', FT.STRINGZ, { blurb: 'Option 119: FQDN' }),
  option_sip_server_rfc_3396_detected: f('dhcp.option.sip_server.rfc_3396_detected', 'Encoding Long Options detected (RFC 3396)', FT.STRINGZ, { blurb: 'Option 120: Encoding Long Options detected (RFC 3396)' }),
  option_sip_server_refer_last_option: f('dhcp.option.sip_server.refer_last_option', 'For the data, please refer to last option 120', FT.STRINGZ, { blurb: 'Option 120: For the data, please refer to last option 120' }),
  option_sip_server_encoding: f('dhcp.option.sip_server.encoding', 'SIP Server Encoding', FT.UINT8, { vals: VALS_OPTION_SIP_SERVER_ENCODING, blurb: 'Option 120: SIP Server encoding' }),
  option_sip_server_name: f('dhcp.option.sip_server.name', 'SIP Server Name', FT.STRINGZ, { blurb: 'Option 120: SIP Server Name' }),
  option_sip_server_address: f('dhcp.option.sip_server.address', 'SIP Server Address', FT.IPv4, { blurb: 'Option 120: SIP Server Address' }),
  option_classless_static_route: f('dhcp.option.classless_static_route', 'Subnet/MaskWidth-Router', FT.BYTES, { blurb: 'Option 121: Subnet/MaskWidth-Router' }),
  option_rfc3825_error: f('dhcp.option.rfc3825.error', 'Error', FT.UINT8, { vals: VALS_OPTION_RFC3825_ERROR, blurb: 'Option 123: Error' }),
  option_rfc3825_latitude: f('dhcp.option.rfc3825.latitude', 'Latitude', FT.DOUBLE, { blurb: 'Option 123: Latitude' }),
  option_rfc3825_longitude: f('dhcp.option.rfc3825.longitude', 'Longitude', FT.DOUBLE, { blurb: 'Option 123: Longitude' }),
  option_rfc3825_latitude_res: f('dhcp.option.rfc3825.latitude_res', 'Latitude resolution', FT.DOUBLE, { blurb: 'Option 123: Latitude resolution' }),
  option_rfc3825_longitude_res: f('dhcp.option.rfc3825.longitude_res', 'Longitude resolution', FT.DOUBLE, { blurb: 'Option 123: Longitude resolution' }),
  option_rfc3825_altitude: f('dhcp.option.rfc3825.altitude', 'Altitude', FT.DOUBLE, { blurb: 'Option 123: Altitude' }),
  option_rfc3825_altitude_res: f('dhcp.option.rfc3825.altitude_res', 'Altitude resolution', FT.DOUBLE, { blurb: 'Option 123: Altitude resolution' }),
  option_rfc3825_altitude_type: f('dhcp.option.rfc3825.altitude_type', 'Altitude type', FT.UINT8, { vals: VALS_OPTION_RFC3825_ALTITUDE_TYPE, blurb: 'Option 123: Altitude type' }),
  option_cl_dss_id_option: f('dhcp.option.cl_dss_id.option', 'Map Datum', FT.UINT8, { vals: VALS_OPTION_CL_DSS_ID_OPTION, blurb: 'Option 123: Map Datum' }),
  option_cl_dss_id_len: f('dhcp.option.cl_dss_id.len', 'DSS_ID Length', FT.UINT8, { blurb: 'Option 123:CL DSS_ID Length' }),
  option_cl_dss_id: f('dhcp.option.cl_dss_id', 'Country', FT.STRINGZ, { blurb: 'Option 123:CL DSS_ID' }),
  option_vi_class_cl_address_mode: f('dhcp.option.vi_class.cl_address_mode', 'CableLab Address Mode', FT.UINT8, { vals: VALS_OPTION_VI_CLASS_CL_ADDRESS_MODE, blurb: 'Option 124: CableLab Address Mode' }),
  option_vi_class_enterprise: f('dhcp.option.vi_class.enterprise', 'Enterprise', FT.UINT32, { blurb: 'Option 124: Enterprise' }),
  option_vi_class_length: f('dhcp.option.vi_class.length', 'CableLab Address Mode', FT.UINT8, { blurb: 'Option 124: Length' }),
  option_vi_class_data: f('dhcp.option.vi_class.data', 'NetInfo Parent Server Tag', FT.STRINGZ, { blurb: 'Option 124: Data' }),
  option_vi_enterprise: f('dhcp.option.vi.enterprise', 'Enterprise', FT.UINT32, { blurb: 'Option 125: Enterprise' }),
  option_vi_length: f('dhcp.option.vi.length', 'Length', FT.UINT8, { blurb: 'Option 125: Length' }),
  option_vi_value: f('dhcp.option.vi.value', 'Value', FT.BYTES, { blurb: 'Option 125: Suboption value' }),
  option_vi_value_uint: f('dhcp.option.vi.value.uint', 'Value', FT.UINT8, { blurb: 'Option 125: Suboption 8-bit value' }),
  option_vi_value_address: f('dhcp.option.vi.value.address', 'Value', FT.IPv4, { blurb: 'Option 125: Suboption IP address value' }),
  option_vi_value_string: f('dhcp.option.vi.value.string', 'Value', FT.STRINGZ, { blurb: 'Option 125: Suboption Z-String value' }),
  option_vi_tr111_suboption: f('dhcp.option.vi.tr111.suboption', 'Option 125 Suboption', FT.UINT8, { vals: VALS_OPTION_VI_TR111_SUBOPTION, blurb: 'Option 125:TR 111 Suboption' }),
  option_vi_tr111_device_manufacturer_oui: f('dhcp.option.vi.tr111.device_manufacturer_oui', 'DeviceManufacturerOUI', FT.UINT24, { blurb: 'Option 125:TR 111 1 DeviceManufacturerOUI' }),
  option_vi_tr111_device_serial_number: f('dhcp.option.vi.tr111.device_serial_number', 'DeviceSerialNumber', FT.STRINGZ, { blurb: 'Option 125:TR 111 2 DeviceSerialNumber' }),
  option_vi_tr111_device_product_class: f('dhcp.option.vi.tr111.device_product_class', 'DeviceProductClass', FT.STRINGZ, { blurb: 'Option 125:TR 111 3 DeviceProductClass' }),
  option_vi_tr111_gateway_manufacturer_oui: f('dhcp.option.vi.tr111.gateway_manufacturer_oui', 'GatewayManufacturerOUI', FT.STRINGZ, { blurb: 'Option 125:TR 111 4 GatewayManufacturerOUI' }),
  option_vi_tr111_gateway_serial_number: f('dhcp.option.vi.tr111.gateway_serial_number', 'GatewaySerialNumber', FT.STRINGZ, { blurb: 'Option 125:TR 111 5 GatewaySerialNumber' }),
  option_vi_tr111_gateway_product_class: f('dhcp.option.vi.tr111.gateway_product_class', 'GatewayProductClass', FT.STRINGZ, { blurb: 'Option 125:TR 111 6 GatewayProductClass' }),
  option_vi_cl_suboption: f('dhcp.option.vi.cl.suboption', 'Option 125 Suboption', FT.UINT8, { vals: VALS_OPTION_VI_CL_SUBOPTION, blurb: 'Option 125:CL Suboption' }),
  option_vi_cl_option_request: f('dhcp.option.vi.cl.option_request', 'Option Request', FT.BYTES, { blurb: 'Option 125:CL 1 Option Request' }),
  option_vi_cl_tftp_server_addresses: f('dhcp.option.vi.cl.tftp_server_addresses', 'TFTP Server Addresses', FT.IPv4, { blurb: 'Option 125:CL 2 TFTP Server Addresses' }),
  option_vi_cl_erouter_container_option: f('dhcp.option.vi.cl.erouter_container_option', 'eRouter Container Option', FT.BYTES, { blurb: 'Option 125:CL 3 eRouter Container Option' }),
  option_vi_cl_modem_capabilities: f('dhcp.option.vi.cl.modem_capabilities', 'Modem Capabilities', FT.BYTES, { blurb: 'Option 125:CL 5 Modem Capabilities' }),
  option_subnet_selection_option: f('dhcp.option.subnet_selection_option', 'Subnet Selection Option', FT.IPv4, { blurb: 'Option 118: Subnet Selection Option' }),
  option_pana_agent: f('dhcp.option.pana_agent', 'PAA IPv4 Address', FT.IPv4, { blurb: 'Protocol for Carrying Authentication for Network Access (PANA) Authentication Agents IPv4 Address' }),
  option_lost_server_domain_name: f('dhcp.option.lost_server_domain_name', 'LoST Server Domain Name', FT.STRINGZ, { blurb: 'Option 137: LoST Server Domain Name' }),
  option_capwap_access_controller: f('dhcp.option.capwap_access_controller', 'CAPWAP Access Controllers', FT.IPv4, { blurb: 'Option 138: CAPWAP Access Controllers' }),
  option_andsf_server: f('dhcp.option.andsf_server', 'ANDSF Server', FT.IPv4, { blurb: 'ANDSF (Access Network Discovery and Selection Function) Server' }),
  option_forcerenew_nonce_algorithm: f('dhcp.option.forcerenew_nonce.algorithm', 'Algorithm', FT.UINT8, { vals: VALS_OPTION_FORCERENEW_NONCE_ALGORITHM, blurb: 'Forcenew Nonce Algorithm' }),
  option_rdnss_reserved: f('dhcp.option.rdnss.reserved', 'Reserved', FT.UINT8, { base: Base.HEX, mask: 0xfc, blurb: 'RDNSS Reserved' }),
  option_rdnss_preference: f('dhcp.option.rdnss.preference', 'Preference', FT.UINT8, { mask: 0x3, vals: VALS_OPTION_RDNSS_PREFERENCE, blurb: 'RDNSS (Recursive DNS Server) Preference' }),
  option_rdnss_primary_dns: f('dhcp.option.rdnss.primary_dns', 'Primary DNS', FT.IPv4, { blurb: "RDNSS Primary DNS-recursive-name-server's IPv4 address" }),
  option_rdnss_secondary_dns: f('dhcp.option.rdnss.secondary_dns', 'Secondary DNS', FT.IPv4, { blurb: "RDNSS Secondary DNS-recursive-name-server's IPv4 address" }),
  option_rdnss_domain: f('dhcp.option.rdnss.domain', 'Domains and networks', FT.STRING, { blurb: 'RDNSS Domains and networks' }),
  option_tftp_server_address: f('dhcp.option.tftp_server_address', 'TFTP Server Address', FT.IPv4, { blurb: 'Option 150: TFTP Server Address' }),
  option_bulk_lease_status_code: f('dhcp.option.bulk_lease.status_code', 'Status Code', FT.UINT8, { vals: VALS_OPTION_BULK_LEASE_STATUS_CODE, blurb: 'DHCPv4 Bulk Leasequery Status Code' }),
  option_bulk_lease_status_code_message: f('dhcp.option.bulk_lease.status_code_message', 'Status Code Message', FT.STRING, { blurb: 'DHCPv4 Bulk Leasequery Status Code Message' }),
  option_bulk_lease_base_time: f('dhcp.option.bulk_lease.base_time', 'Base Time', FT.ABSOLUTE_TIME, { blurb: 'DHCPv4 Bulk Leasequery Base Time' }),
  option_bulk_lease_start_time_of_state: f('dhcp.option.bulk_lease.start_time_of_state', 'Start Time Of State', FT.UINT32, { blurb: 'DHCPv4 Bulk Leasequery Start Time Of State' }),
  option_bulk_lease_query_start_time: f('dhcp.option.bulk_lease.query_start_time', 'Query Start Time', FT.ABSOLUTE_TIME, { blurb: 'DHCPv4 Bulk Leasequery Query Start Time' }),
  option_bulk_lease_query_end_time: f('dhcp.option.bulk_lease.query_end_time', 'Query End Time', FT.ABSOLUTE_TIME, { blurb: 'DHCPv4 Bulk Leasequery Query End Time' }),
  option_bulk_lease_dhcp_state: f('dhcp.option.bulk_lease.dhcp_state', 'Dhcp State', FT.UINT8, { vals: VALS_OPTION_BULK_LEASE_DHCP_STATE, blurb: 'DHCPv4 Bulk Leasequery Dhcp State' }),
  option_bulk_lease_data_source: f('dhcp.option.bulk_lease.data_source', 'Data Source', FT.BOOLEAN, { tfs: ['Remote', 'Local'], blurb: 'DHCPv4 Bulk Leasequery Data Source' }),
  option_pcp_list_length: f('dhcp.option.pcp.list_length', 'List-Length', FT.UINT8, { blurb: 'Port Control Protocol (PCP) List Length' }),
  option_pcp_server: f('dhcp.option.pcp.server', 'PCP Server', FT.IPv4, { blurb: 'Port Control Protocol (PCP) Server' }),
  option_portparams_offset: f('dhcp.option.portparams.offset', 'Offset', FT.UINT8, { blurb: 'Port Set ID (PSID) offset' }),
  option_portparams_psid_length: f('dhcp.option.portparams.psid_length', 'PSID-Length', FT.UINT8, { blurb: 'Port Set ID (PSID) Length' }),
  option_portparams_psid: f('dhcp.option.portparams.psid', 'PSID', FT.BYTES, { blurb: 'Port Set ID (PSID)' }),
  option_mudurl: f('dhcp.option.mudurl', 'MUDURL', FT.STRING, { blurb: 'Option 161: MUDURL' }),
  option_pxe_config_file: f('dhcp.option.pxe_config_file', 'PXELINUX configuration file', FT.STRING, { blurb: 'Option 209: PXE Configuration File' }),
  option_pxe_path_prefix: f('dhcp.option.pxe_path_prefix', 'PXELINUX path prefix', FT.STRING, { blurb: 'Option 210: PXE Path Prefix' }),
  option_captive_portal: f('dhcp.option.captive_portal', 'Captive Portal', FT.STRING, { blurb: 'The contact URI for the captive portal that the user should connect to' }),
  option_6RD_ipv4_mask_len: f('dhcp.option.6RD.ipv4_mask_len', '6RD IPv4 Mask Length', FT.UINT8, { blurb: 'Option 212: 6RD IPv4 Mask Length' }),
  option_6RD_prefix_len: f('dhcp.option.6RD.prefix_len', '6RD Prefix Length', FT.UINT8, { blurb: 'Option 212: 6RD Prefix Length' }),
  option_6RD_prefix: f('dhcp.option.6RD.prefix', '6RD Prefix', FT.IPv6, { blurb: 'Option 212: 6RD Prefix' }),
  option_6RD_border_relay_ip: f('dhcp.option.6RD.border_relay_ip', 'Border Relay IP', FT.IPv4, { blurb: 'Option 212: Border Relay IP' }),
  option_private_proxy_autodiscovery: f('dhcp.option.private_proxy_autodiscovery', 'Private/Proxy autodiscovery', FT.STRINGZ, { blurb: 'Option 252: Private/Proxy autodiscovery' }),
  option_end: f('dhcp.option.end', 'Option End', FT.UINT8, { blurb: 'Option 255: End' }),
  vendor_suboption: f('dhcp.vendor.suboption', 'Option 125 Suboption', FT.UINT8),
  vendor_data: f('dhcp.vendor.data', 'Data', FT.BYTES),
  vendor_pc_ietf_ccc_suboption: f('dhcp.vendor.pc.ietf_ccc.suboption', 'Suboption', FT.UINT8, { vals: VALS_VENDOR_PC_IETF_CCC_SUBOPTION }),
  vendor_pc_i05_ccc_suboption: f('dhcp.vendor.pc.i05_ccc.suboption', 'Suboption', FT.UINT8, { vals: VALS_VENDOR_PC_I05_CCC_SUBOPTION }),
  cl_ietf_ccc_dev_realm_unc_key_nom_timeout: f('dhcp.cl.ietf_ccc.dev_realm_unc_key_nom_timeout', 'pktcMtaDevRealmUnsolicitedKeyNomTimeout', FT.UINT32),
  cl_ietf_ccc_dev_realm_unc_key_max_timeout: f('dhcp.cl.ietf_ccc.dev_realm_unc_key_max_timeout', 'pktcMtaDevRealmUnsolicitedKeyMaxTimeout', FT.UINT32),
  cl_ietf_ccc_dev_realm_unc_key_max_retries: f('dhcp.cl.ietf_ccc.dev_realm_unc_key_max_retries', 'pktcMtaDevRealmUnsolicitedKeyMaxRetries', FT.UINT32),
  cl_ietf_ccc_dev_prov_unc_key_nom_timeout: f('dhcp.cl.ietf_ccc.dev_prov_unc_key_nom_timeout', 'pktcMtaDevProvUnsolicitedKeyNomTimeout', FT.UINT32),
  cl_ietf_ccc_dev_prov_unc_key_max_timeout: f('dhcp.cl.ietf_ccc.dev_prov_unc_key_max_timeout', 'pktcMtaDevProvUnsolicitedKeyMaxTimeout', FT.UINT32),
  cl_ietf_ccc_dev_prov_unc_key_max_retries: f('dhcp.cl.ietf_ccc.dev_prov_unc_key_max_retries', 'pktcMtaDevProvUnsolicitedKeyMaxRetries', FT.UINT32),
  ccc_ietf_sec_tkt_pc_provision_server: f('dhcp.ccc.ietf.sec_tkt.pc_provision_server', 'Invalidate PacketCable Provisioning Server', FT.BOOLEAN, { boolBits: 16, mask: 0x1, tfs: ['Yes', 'No'] }),
  ccc_ietf_sec_tkt_all_pc_call_management: f('dhcp.ccc.ietf.sec_tkt.all_pc_call_management', 'Invalidate All PacketCable Call Management Servers', FT.BOOLEAN, { boolBits: 16, mask: 0x2, tfs: ['Yes', 'No'] }),
  option_vendor_avaya: f('dhcp.option.vendor.avaya', 'Private/Avaya IP Telephone', FT.STRINGZ, { blurb: 'Option 242: Private/Avaya IP Telephone' }),
  option_vendor_avaya_tlssrvr: f('dhcp.option.vendor.avaya.tlssrvr', 'TLSSRVR', FT.STRINGZ, { blurb: 'Option 242: TLSSRVR (HTTPS server(s) to download configuration)' }),
  option_vendor_avaya_httpsrvr: f('dhcp.option.vendor.avaya.httpsrvr', 'HTTPSRVR', FT.STRINGZ, { blurb: 'Option 242: HTTPSRVR (HTTP server(s) to download configuration)' }),
  option_vendor_avaya_httpdir: f('dhcp.option.vendor.avaya.httpdir', 'HTTPDIR', FT.STRINGZ, { blurb: 'Option 242: HTTPDIR (Path to configuration files)' }),
  option_vendor_avaya_static: f('dhcp.option.vendor.avaya.static', 'STATIC', FT.STRINGZ, { blurb: 'Option 242: STATIC (Static programming override flag)' }),
  option_vendor_avaya_mcipadd: f('dhcp.option.vendor.avaya.mcipadd', 'MCIPADD', FT.STRINGZ, { blurb: 'Option 242: MCIPADD (List of CM server(s))' }),
  option_vendor_avaya_dot1x: f('dhcp.option.vendor.avaya.dot1x', 'DOT1X', FT.STRINGZ, { blurb: 'Option 242: DOT1X (802.1X Supplicant operation mode)' }),
  option_vendor_avaya_icmpdu: f('dhcp.option.vendor.avaya.icmpdu', 'ICMPDU', FT.STRINGZ, { blurb: 'Option 242: ICMPDU (ICMP Destination Unreachable processing)' }),
  option_vendor_avaya_icmpred: f('dhcp.option.vendor.avaya.icmpred', 'ICMPRED', FT.STRINGZ, { blurb: 'Option 242: ICMPRED (ICMP Redirect handling)' }),
  option_vendor_avaya_l2q: f('dhcp.option.vendor.avaya.l2q', 'L2Q', FT.STRINGZ, { blurb: 'Option 242: L2Q (Controls 802.1Q tagging)' }),
  option_vendor_avaya_l2qvlan: f('dhcp.option.vendor.avaya.l2qvlan', 'L2QVLAN', FT.INT32, { blurb: 'Option 242: L2QVLAN (VLAN ID)' }),
  option_vendor_avaya_loglocal: f('dhcp.option.vendor.avaya.loglocal', 'LOGLOCAL', FT.STRINGZ, { blurb: 'Option 242: LOGLOCAL (Log level)' }),
  option_vendor_avaya_phy1stat: f('dhcp.option.vendor.avaya.phy1stat', 'PHY1STAT', FT.STRINGZ, { blurb: 'Option 242: PHY1STAT (Interface configuration)' }),
  option_vendor_avaya_phy2stat: f('dhcp.option.vendor.avaya.phy2stat', 'PHY2STAT', FT.STRINGZ, { blurb: 'Option 242: PHY2STAT (Interface configuration)' }),
  option_vendor_avaya_procpswd: f('dhcp.option.vendor.avaya.procpswd', 'PROCPSWD', FT.STRINGZ, { blurb: 'Option 242: PROCPSWD (Security string used to access local procedures)' }),
  option_vendor_avaya_procstat: f('dhcp.option.vendor.avaya.procstat', 'PROCSTAT', FT.STRINGZ, { blurb: 'Option 242: PROCSTAT (Local (dialpad) Administrative access)' }),
  option_vendor_avaya_snmpadd: f('dhcp.option.vendor.avaya.snmpadd', 'SNMPADD', FT.STRINGZ, { blurb: 'Option 242: SNMPADD (Allowable source IP Address(es) for SNMP queries)' }),
  option_vendor_avaya_snmpstring: f('dhcp.option.vendor.avaya.snmpstring', 'SNMPSTRING', FT.STRINGZ, { blurb: 'Option 242: SNMPSTRING (SNMP community string)' }),
  option_vendor_avaya_vlantest: f('dhcp.option.vendor.avaya.vlantest', 'VLANTEST', FT.INT32, { blurb: 'Option 242: VLANTEST (Timeout in seconds)' }),
  option_vendor_cisco_unknown: f('dhcp.option.vendor.cisco.unknown', 'Unknown', FT.BYTES),
  option_vendor_cisco_unknown1: f('dhcp.option.vendor.cisco.unknown1', 'Unknown1', FT.UINT8),
  option_vendor_cisco_unknown2: f('dhcp.option.vendor.cisco.unknown2', 'Unknown2', FT.UINT8),
  option_vendor_cisco_unknown3: f('dhcp.option.vendor.cisco.unknown3', 'Unknown3', FT.UINT16),
  option_vendor_cisco_nodeid: f('dhcp.option.vendor.cisco.nodeid', 'Node ID', FT.UINT32),
  option_vendor_cisco_unknown5: f('dhcp.option.vendor.cisco.unknown5', 'Unknown5', FT.UINT8),
  option_vendor_cisco_unknown6: f('dhcp.option.vendor.cisco.unknown6', 'Unknown6', FT.UINT8),
  option_vendor_cisco_model: f('dhcp.option.vendor.cisco.model', 'Model', FT.STRING),
  option_vendor_cisco_apicuuid: f('dhcp.option.vendor.cisco.apicuuid', 'APIC UUID', FT.STRING),
  option_vendor_cisco_fabricname: f('dhcp.option.vendor.cisco.fabricname', 'Fabricname', FT.STRING),
  option_vendor_cisco_unknown10: f('dhcp.option.vendor.cisco.unknown10', 'Unknown10', FT.UINT32),
  option_vendor_cisco_serialno: f('dhcp.option.vendor.cisco.serialno', 'SerialNo', FT.STRING),
  option_vendor_cisco_clientint: f('dhcp.option.vendor.cisco.clientint', 'Client Int', FT.STRING),
};

const ei = {
  bad_length: expertInfo('dhcp.bad_length', Group.PROTOCOL, Severity.ERROR, "length isn't 0"),
  bad_bitfield: expertInfo('dhcp.bad_bitfield', Group.PROTOCOL, Severity.ERROR, 'Bogus bitfield'),
  missing_subopt_length: expertInfo('dhcp.missing_subopt_length', Group.PROTOCOL, Severity.ERROR, 'no room left in option for suboption length'),
  missing_subopt_value: expertInfo('dhcp.missing_subopt_value', Group.PROTOCOL, Severity.ERROR, 'no room left in option for suboption value'),
  malformed_duid: expertInfo('dhcp.malformed.duid', Group.PROTOCOL, Severity.ERROR, 'DUID: malformed option'),
  option_option_overload_file_end_missing: expertInfo('dhcp.option.option_overload.file_end_missing', Group.PROTOCOL, Severity.ERROR, 'file overload end option missing'),
  option_option_overload_sname_end_missing: expertInfo('dhcp.option.option_overload.sname_end_missing', Group.PROTOCOL, Severity.ERROR, 'sname overload end option missing'),
  subopt_unknown_type: expertInfo('dhcp.subopt.unknown_type', Group.PROTOCOL, Severity.ERROR, 'ERROR, please report: Unknown subopt type handler'),
  option_civic_location_bad_cattype: expertInfo('dhcp.option.civic_location.bad_cattype', Group.PROTOCOL, Severity.ERROR, 'Error with CAType'),
  option_dhcp_name_service_invalid: expertInfo('dhcp.option.dhcp_name_service.invalid', Group.PROTOCOL, Severity.ERROR, 'Invalid Name Service'),
  option_sip_server_address_encoding: expertInfo('dhcp.option.sip_server_address.encoding', Group.PROTOCOL, Severity.ERROR, 'RFC 3361 defines only 0 and 1 for Encoding byte'),
  option_classless_static_route: expertInfo('dhcp.option.classless_static.route', Group.PROTOCOL, Severity.ERROR, 'Mask width > 32'),
  option_enterprise_malformed: expertInfo('dhcp.option.enterprise.malformed', Group.PROTOCOL, Severity.ERROR, 'no room left in option for enterprise data'),
  option_6RD_malformed: expertInfo('dhcp.option.6RD.malformed', Group.PROTOCOL, Severity.ERROR, '6RD: malformed option'),
  option_option_vi_cl_tag_unknown: expertInfo('dhcp.option.option.vi.cl.tag_unknown', Group.PROTOCOL, Severity.ERROR, 'Unknown tag'),
  option_parse_err: expertInfo('dhcp.option.parse_err', Group.PROTOCOL, Severity.ERROR, 'Parse error'),
  option_nonstd_data: expertInfo('dhcp.option.nonstd_data', Group.PROTOCOL, Severity.NOTE, 'Non standard compliant option data'),
  suboption_invalid: expertInfo('dhcp.suboption_invalid', Group.PROTOCOL, Severity.ERROR, 'Invalid suboption'),
  secs_le: expertInfo('dhcp.secs_le', Group.PROTOCOL, Severity.ERROR, 'Seconds elapsed appears to be encoded as little-endian'),
  end_option_missing: expertInfo('dhcp.end_option_missing', Group.PROTOCOL, Severity.ERROR, 'End option missing'),
  client_address_not_given: expertInfo('dhcp.client_address_not_given', Group.PROTOCOL, Severity.ERROR, 'Client address not given'),
  server_name_overloaded_by_dhcp: expertInfo('dhcp.server_name_overloaded_by_dhcp', Group.PROTOCOL, Severity.ERROR, 'Server name option overloaded by DHCP'),
  boot_filename_overloaded_by_dhcp: expertInfo('dhcp.boot_filename_overloaded_by_dhcp', Group.PROTOCOL, Severity.ERROR, 'Boot file name option overloaded by DHCP'),
  option_isns_ignored_bitfield: expertInfo('dhcp.option.isns.ignored_bitfield', Group.PROTOCOL, Severity.ERROR, 'Enabled field is not set - non-zero bitmask ignored'),
  option_vendor_avaya_l2qvlan_invalid: expertInfo('dhcp.option.vendor.avaya.l2qvlan.invalid', Group.PROTOCOL, Severity.ERROR, 'Option 242 (L2QVLAN) invalid'),
  option_vendor_avaya_vlantest_invalid: expertInfo('dhcp.option.vendor.avaya.vlantest.invalid', Group.PROTOCOL, Severity.ERROR, 'Option 242 (avaya vlantest) invalid'),
  option_client_architecture_ambiguous: expertInfo('dhcp.option.client_architecture.ambiguous', Group.PROTOCOL, Severity.ERROR, 'Client Architecture ID may be ambiguous'),
};

// ---- option kinds ----

const enum K {
  /** undecoded: the hidden Value item is shown */
  BYTES, IP1, IPLIST, STR, STRTEXT, U8, U16, BOOL, TIME, SPECIAL,
}

interface OptSpec { kind: K; fid: number; }

const OPTS = new Map<number, OptSpec>();
function opt(kind: K, fid: number, ...codes: number[]): void {
  for (const c of codes) OPTS.set(c, { kind, fid });
}
opt(K.IP1, hf.option_subnet_mask, 1);
opt(K.IP1, hf.option_swap_server, 16);
opt(K.IP1, hf.option_broadcast_address, 28);
opt(K.IP1, hf.option_router_solicitation_address, 32);
opt(K.IP1, hf.option_requested_ip_address, 50);
opt(K.IP1, hf.option_dhcp_server_id, 54);
opt(K.TIME, hf.option_time_offset, 2);
opt(K.IPLIST, hf.option_router, 3);
opt(K.IPLIST, hf.option_time_server, 4);
opt(K.IPLIST, hf.option_name_server, 5);
opt(K.IPLIST, hf.option_domain_name_server, 6);
opt(K.IPLIST, hf.option_log_server, 7);
opt(K.IPLIST, hf.option_quotes_server, 8);
opt(K.IPLIST, hf.option_lpr_server, 9);
opt(K.IPLIST, hf.option_impress_server, 10);
opt(K.IPLIST, hf.option_resource_location_server, 11);
opt(K.STR, hf.option_hostname, 12);
opt(K.U16, hf.option_boot_file_size, 13);
opt(K.STR, hf.option_merit_dump_file, 14);
opt(K.STR, hf.option_domain_name, 15);
opt(K.STR, hf.option_root_path, 17);
opt(K.STR, hf.option_extension_path, 18);
opt(K.BOOL, hf.option_ip_forwarding, 19);
opt(K.BOOL, hf.option_non_local_source_routing, 20);
opt(K.U16, hf.option_max_datagram_reassembly_size, 22);
opt(K.U8, hf.option_default_ip_ttl, 23);
opt(K.TIME, hf.option_path_mtu_aging_timeout, 24);
opt(K.U16, hf.option_interface_mtu, 26);
opt(K.BOOL, hf.option_all_subnets_are_local, 27);
opt(K.BOOL, hf.option_perform_mask_discovery, 29);
opt(K.BOOL, hf.option_mask_supplier, 30);
opt(K.BOOL, hf.option_perform_router_discover, 31);
opt(K.BOOL, hf.option_trailer_encapsulation, 34);
opt(K.TIME, hf.option_arp_cache_timeout, 35);
opt(K.BOOL, hf.option_ethernet_encapsulation, 36);
opt(K.U8, hf.option_tcp_default_ttl, 37);
opt(K.TIME, hf.option_tcp_keepalive_interval, 38);
opt(K.BOOL, hf.option_tcp_keepalive_garbage, 39);
opt(K.STR, hf.option_nis_domain, 40);
opt(K.IPLIST, hf.option_nis_server, 41);
opt(K.IPLIST, hf.option_ntp_server, 42);
opt(K.IPLIST, hf.option_netbios_over_tcpip_name_server, 44);
opt(K.IPLIST, hf.option_netbios_over_tcpip_dd_name_server, 45);
opt(K.U8, hf.option_netbios_over_tcpip_node_type, 46);
opt(K.STR, hf.option_netbios_over_tcpip_scope, 47);
opt(K.IPLIST, hf.option_xwindows_system_font_server, 48);
opt(K.IPLIST, hf.option_xwindows_system_display_manager, 49);
opt(K.TIME, hf.option_ip_address_lease_time, 51);
opt(K.STR, hf.option_message, 56);
opt(K.U16, hf.option_dhcp_max_message_size, 57);
opt(K.TIME, hf.option_renewal_time_value, 58);
opt(K.TIME, hf.option_rebinding_time_value, 59);
opt(K.STR, hf.option_vendor_class_id, 60);
opt(K.STR, hf.option_novell_netware_ip_domain, 62);
opt(K.STR, hf.option_nis_plus_domain, 64);
opt(K.IPLIST, hf.option_nis_plus_server, 65);
opt(K.STR, hf.option_tftp_server_name, 66);
opt(K.STR, hf.option_bootfile_name, 67);
opt(K.IPLIST, hf.option_mobile_ip_home_agent, 68);
opt(K.IPLIST, hf.option_smtp_server, 69);
opt(K.IPLIST, hf.option_pop3_server, 70);
opt(K.IPLIST, hf.option_nntp_server, 71);
opt(K.IPLIST, hf.option_default_www_server, 72);
opt(K.IPLIST, hf.option_default_finger_server, 73);
opt(K.IPLIST, hf.option_default_irc_server, 74);
opt(K.IPLIST, hf.option_streettalk_server, 75);
opt(K.IPLIST, hf.option_streettalk_da_server, 76);
opt(K.STR, hf.option_novell_ds_tree_name, 86);
opt(K.STR, hf.option_novell_ds_context, 87);
opt(K.TIME, hf.option_client_last_transaction_time, 91);
opt(K.IPLIST, hf.option_associated_ip_option, 92);
opt(K.IPLIST, hf.option_netinfo_parent_server_address, 112);
opt(K.STR, hf.option_netinfo_parent_server_tag, 113);
opt(K.U8, hf.option_dhcp_auto_configuration, 116);
opt(K.IPLIST, hf.option_subnet_selection_option, 118);
opt(K.STR, hf.option_lost_server_domain_name, 137);
opt(K.IPLIST, hf.option_capwap_access_controller, 138);
opt(K.IPLIST, hf.option_tftp_server_address, 150);
opt(K.STR, hf.option_private_proxy_autodiscovery, 252);
opt(K.STRTEXT, hf.option_tz_pcode, 100);
opt(K.STRTEXT, hf.option_tz_tcode, 101);
for (const c of [21, 25, 33, 43, 52, 53, 55, 61, 77, 81, 82, 93, 94, 97, 119, 120, 121, 145, 249, 255]) opt(K.SPECIAL, -1, c);

// Option codes with their own code below
const O_PAD = 0, O_OVERLOAD = 52, O_MSG_TYPE = 53, O_PRL = 55, O_CLIENT_ID = 61, O_USER_CLASS = 77, O_FQDN = 81,
  O_AGENT = 82, O_ARCH = 93, O_NDI = 94, O_UUID = 97, O_DOMAIN_SEARCH = 119, O_CLASSLESS = 121,
  O_FORCERENEW = 145, O_MS_CLASSLESS = 249, O_END = 255, O_VENDOR_CLASS = 60, O_VENDOR_SPECIFIC = 43,
  O_POLICY_FILTER = 21, O_MTU_PLATEAU = 25, O_STATIC_ROUTE = 33, O_SIP_SERVERS = 120;

// BOOTP header (RFC 951 / RFC 2131 §2)
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +---------------+---------------+---------------+---------------+
//  |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
//  +---------------+---------------+---------------+---------------+
//  |                            xid (4)                            |
//  +-------------------------------+-------------------------------+
//  |           secs (2)            |           flags (2)           |
//  +-------------------------------+-------------------------------+
//  |  ciaddr (4) | yiaddr (4) | siaddr (4) | giaddr (4)            |
//  |  chaddr (16)  |  sname (64)  |  file (128)                    |
//  |  options (variable; DHCP: magic cookie 99.130.83.99 first)    |
//  +---------------------------------------------------------------+
const OP = 0, HTYPE = 1, HLEN = 2, HOPS = 3, XID = 4, SECS = 8, FLAGS = 10, CIADDR = 12, YIADDR = 16,
  SIADDR = 20, GIADDR = 24, CHADDR = 28, SNAME = 44, FILE = 108, COOKIE = 236, OPTIONS = COOKIE + 4;
const CHADDR_LEN = SNAME - CHADDR, SNAME_LEN = FILE - SNAME, FILE_LEN = COOKIE - FILE;
const MAGIC = 0x63825363;
const ADDRESSES: readonly (readonly [number, number])[] = [[CIADDR, hf.ip_client], [YIADDR, hf.ip_your], [SIADDR, hf.ip_server], [GIADDR, hf.ip_relay]];

/** Scratch of one message (reset per message; holds nothing across packets). */
const msgState = { type: -1, typeOff: -1, vendorClass: '' };

/**
 * The first look through the options: message type (53) and vendor class (60). Returns false
 * (packet marked short) when the options run past the captured bytes before the end option.
 */
function scanOptions(p: Packet, x: number, end: number): boolean {
  const buf = p.buf;
  while (x < end) {
    if (x >= p.capEnd) { p.short(); return false; }
    const code = buf[x]!;
    if (code === O_END) break;
    if (code === O_PAD) { x++; continue; }
    if (x + 1 >= p.capEnd) { if (x + 1 < end) p.short(); else p.malformed(); return false; }
    const len = buf[x + 1]!;
    const d = x + 2;
    if (code === O_MSG_TYPE && len >= 1 && msgState.type < 0) {
      if (d >= p.capEnd) { p.short(); return false; }
      msgState.type = buf[d]!;
    } else if (code === O_VENDOR_CLASS && d + len <= p.capEnd) {
      msgState.vendorClass = zstring(buf, d, len);
    }
    x = d + len;
  }
  return true;
}

function secsText(n: number): string {
  if (n === 0xffffffff) return 'infinity';
  if (n === 0) return '0 seconds';
  const parts: string[] = [];
  const d = Math.floor(n / 86400), h = Math.floor(n / 3600) % 24, m = Math.floor(n / 60) % 60, s = n % 60;
  if (d) parts.push(`${d} day${d === 1 ? '' : 's'}`);
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** A C string inside [a, a+n): the bytes up to the first zero, as tshark's FT_STRINGZ shows them. */
function zstring(buf: Uint8Array, a: number, n: number): string {
  let e = a;
  while (e < a + n && buf[e] !== 0) e++;
  return dnsText(buf, a, e - a);
}

function typeName(t: number): string {
  return VALS_OPTION_DHCP.get(t) ?? `Unknown Message Type (0x${t < 16 ? '0' : ''}${t.toString(16)})`;
}

/** Length of [a, a+n) clipped to the captured bytes (tree items never reach past them). */
function capLen(p: Packet, a: number, n: number): number {
  const e = a + n < p.capEnd ? a + n : p.capEnd;
  return e > a ? e - a : 0;
}

function dissectDhcp(p: Packet, off: number, end: number, parent: number): number {
  const t = p.tree;
  const full = t.full;
  const dv = p.dv;
  const buf = p.buf;
  p.proto = 'BOOTP';
  if (p.cols) p.clearInfo();
  const top = p.addProto(parent, proto_dhcp, off, off + capLen(p, off, end - off));
  msgState.type = -1;
  msgState.typeOff = -1;
  msgState.vendorClass = '';

  // The fixed header is read field by field: a capture cut inside it shows what is there (as tshark).
  if (!p.need(off + OP, 1, end)) return end - off;
  const op = buf[off + OP]!;
  if (p.cols) {
    if (op === 1) {
      const mac = off + CHADDR + 6 <= Math.min(end, p.capEnd) ? formatMac(buf, off + CHADDR) : '';
      p.setInfo(`Boot Request from ${mac} (${mac})`);
    } else if (op === 2) p.setInfo('Boot Reply');
    else p.setInfo(`Unknown BOOTP message type (${op})`);
  }
  // tshark looks through the options first (message type, vendor class, overload) when the vendor
  // area is there: options cut short by the capture stop it before any field is added.
  if (off + OPTIONS <= Math.min(end, p.capEnd) && p.dv.getUint32(off + COOKIE) === MAGIC && !scanOptions(p, off + OPTIONS, end)) {
    return end - off;
  }
  addV(t, top, hf.type, off + OP, 1, op);
  if (!p.need(off + HTYPE, 1, end)) return end - off;
  const htype = buf[off + HTYPE]!;
  addV(t, top, hf.hw_type, off + HTYPE, 1, htype);
  if (!p.need(off + HLEN, 1, end)) return end - off;
  const hlen = buf[off + HLEN]!;
  t.addNum(top, hf.hw_len, off + HLEN, 1, hlen);
  if (!p.need(off + HOPS, 1, end)) return end - off;
  t.addNum(top, hf.hops, off + HOPS, 1, buf[off + HOPS]!);
  if (!p.need(off + XID, 4, end)) return end - off;
  const xid = dv.getUint32(off + XID);
  t.addNum(top, hf.id, off + XID, 4, xid);
  if (!p.need(off + SECS, 2, end)) return end - off;
  t.addNum(top, hf.secs, off + SECS, 2, dv.getUint16(off + SECS));
  if (!p.need(off + FLAGS, 2, end)) return end - off;
  const flags = dv.getUint16(off + FLAGS);
  const fi = t.addNum(top, hf.flags, off + FLAGS, 2, flags);
  if (fi >= 0 && full) t.setLabel(fi, `Bootp flags: ${hex4(flags)}${flags & 0x8000 ? ', Broadcast flag (Broadcast)' : ' (Unicast)'}`);
  t.addNum(fi, hf.flags_bc, off + FLAGS, 2, flags);
  t.addNum(fi, hf.flags_reserved, off + FLAGS, 2, flags);
  for (const [o, fid] of ADDRESSES) {
    if (!p.need(off + o, 4, end)) return end - off;
    t.addNum(top, fid, off + o, 4, dv.getUint32(off + o));
  }
  // Client hardware address: a MAC for Ethernet, else the bytes
  if (htype === 1 && hlen === 6) {
    if (!p.need(off + CHADDR, 6, end)) return end - off;
    t.addBytes(top, hf.hw_mac_addr, off + CHADDR, 6);
    if (!p.need(off + CHADDR + 6, CHADDR_LEN - 6, end)) return end - off;
    t.addBytes(top, hf.hw_addr_padding, off + CHADDR + 6, CHADDR_LEN - 6);
  } else {
    const n = hlen > CHADDR_LEN ? CHADDR_LEN : hlen;
    if (!p.need(off + CHADDR, CHADDR_LEN, end)) return end - off;
    const ai = t.addBytes(top, hf.hw_addr, off + CHADDR, n);
    if (ai >= 0 && full && n === 0) t.setLabel(ai, 'Client hardware address: <MISSING>');
    if (n < CHADDR_LEN) t.addBytes(top, hf.hw_addr_padding, off + CHADDR + n, CHADDR_LEN - n);
  }
  if (!p.need(off + SNAME, SNAME_LEN, end)) return end - off;
  addNameField(p, top, hf.server, off + SNAME, SNAME_LEN, 'Server host name');
  if (!p.need(off + FILE, FILE_LEN, end)) return end - off;
  addNameField(p, top, hf.file, off + FILE, FILE_LEN, 'Boot file name');

  // Vendor area: the DHCP magic cookie and options, or BOOTP vendor-specific bytes
  if (off + COOKIE >= end) return end - off;
  if (off + OPTIONS > p.capEnd) {
    // a cookie cut by the capture is reported as malformed by tshark
    if (off + COOKIE < p.capEnd) p.malformed(); else p.short();
    return end - off;
  }
  if (!p.need(off + COOKIE, 4, end)) return end - off;
  const cookie = dv.getUint32(off + COOKIE);
  if (cookie !== MAGIC) {
    t.addBytes(top, hf.vendor_specific_options, off + COOKIE, Math.min(end, p.capEnd) - off - COOKIE);
    return end - off;
  }
  const ci = t.addNum(top, hf.cookie, off + COOKIE, 4, cookie);
  if (ci >= 0 && full) t.setLabel(ci, 'Magic cookie: DHCP');

  let x = off + OPTIONS;
  while (x < end) {
    if (!p.need(x, 1, end)) return end - off;
    const code = buf[x]!;
    if (code === O_END) {
      const oi = t.addNum(top, hf.option_type, x, 1, 0);
      if (oi >= 0 && full) t.setLabel(oi, 'Option: (255) End');
      t.addNum(oi, hf.option_end, x, 1, 255);
      x++;
      // what follows the end option is padding
      const rest = Math.min(end, p.capEnd) - x;
      if (rest > 0) t.addBytes(top, hf.option_padding, x, rest);
      if (end > p.capEnd) p.short();
      break;
    }
    if (code === O_PAD) {
      // a run of pad bytes is one item
      let y = x;
      while (y < end && y < p.capEnd && buf[y] === 0) y++;
      const oi = t.addNum(top, hf.option_type, x, y - x, 0);
      if (oi >= 0 && full) t.setLabel(oi, 'Option: (0) Padding');
      t.addBytes(oi, hf.option_padding, x, y - x);
      x = y;
      continue;
    }
    if (!p.need(x + 1, 1, end)) return end - off;
    const len = buf[x + 1]!;
    const d = x + 2;
    const oi = t.addNum(top, hf.option_type, x, capLen(p, x, 2 + len), code);
    t.addNum(oi, hf.option_length, x + 1, 1, len);
    if (!p.need(d, len, end)) return end - off;
    const vi = t.addBytes(oi, hf.option_value, d, len);
    const suffix = dissectOption(p, oi, vi, code, d, len);
    if (p.stopped) return end - off;
    if (oi >= 0 && full) t.setLabel(oi, `Option: (${code}) ${OPTION_NAMES.get(code) ?? 'Unknown'}${suffix}`);
    x = d + len;
  }

  if (msgState.type >= 0) {
    const name = typeName(msgState.type);
    if (top >= 0 && full) t.setLabel(top, `Dynamic Host Configuration Protocol (${name})`);
    p.proto = 'DHCP';
    if (p.cols) {
      const pad = name.length < 8 ? name + ' '.repeat(8 - name.length) : name;
      p.setInfo(`DHCP ${pad} - Transaction ID 0x${xid.toString(16)}`);
    }
  }
  return end - off;
}

/** sname / file: a string, or "… not given" when it starts with a zero byte. */
function addNameField(p: Packet, parent: number, fid: number, a: number, n: number, label: string): void {
  const t = p.tree;
  const s = zstring(p.buf, a, n);
  const i = t.addStr(parent, fid, a, n, s);
  if (i >= 0 && t.full && s === '') t.setLabel(i, `${label} not given`);
}

/**
 * The value of one option [d, d+len) under its item `oi` (`vi` is the hidden Value item, shown when
 * the option is not decoded). Returns the text appended to the option's label (`" (Discover)"`).
 */
function dissectOption(p: Packet, oi: number, vi: number, code: number, d: number, len: number): string {
  const t = p.tree;
  const dv = p.dv;
  const spec = OPTS.get(code);
  const full = t.full;
  if (spec === undefined || len === 0) return '';
  const badLen = (want: number): string => {
    p.addExpert(oi, ei.bad_length, d, len, `length isn't ${want}`);
    return '';
  };
  switch (spec.kind) {
    case K.IP1: {
      if (len !== 4) return badLen(4);
      t.hide(vi);
      const a = dv.getUint32(d);
      t.addNum(oi, spec.fid, d, 4, a);
      return full ? ` (${formatIPv4(a)})` : '';
    }
    case K.IPLIST: {
      t.hide(vi);
      for (let i = 0; i + 4 <= len; i += 4) t.addNum(oi, spec.fid, d + i, 4, dv.getUint32(d + i));
      if (len % 4 !== 0) p.addExpert(oi, ei.bad_length, d, len, "Option length isn't a multiple of 4");
      return '';
    }
    case K.STR:
      t.hide(vi);
      t.addStr(oi, spec.fid, d, len, zstring(p.buf, d, len));
      return '';
    case K.STRTEXT:
      t.hide(vi);
      t.addStr(oi, spec.fid, d, len, dnsText(p.buf, d, len));
      return '';
    case K.U8:
      if (len !== 1) return badLen(1);
      t.hide(vi);
      addV(t, oi, spec.fid, d, 1, p.buf[d]!);
      return '';
    case K.BOOL:
      if (len !== 1) return badLen(1);
      t.hide(vi);
      t.addNum(oi, spec.fid, d, 1, p.buf[d]!);
      return '';
    case K.U16:
      if (len !== 2) return badLen(2);
      t.hide(vi);
      t.addNum(oi, spec.fid, d, 2, dv.getUint16(d));
      return '';
    case K.TIME: {
      if (len !== 4) return badLen(4);
      t.hide(vi);
      const v = code === 2 ? dv.getInt32(d) : dv.getUint32(d);
      const i = t.addNum(oi, spec.fid, d, 4, v);
      if (i >= 0 && full) t.setLabel(i, `${fields[spec.fid]!.name}: (${v}s) ${secsText(v < 0 ? -v : v)}`);
      return '';
    }
    case K.BYTES:
      return '';
    case K.SPECIAL:
      return dissectSpecial(p, oi, vi, code, d, len);
  }
}

function dissectSpecial(p: Packet, oi: number, vi: number, code: number, d: number, len: number): string {
  const t = p.tree;
  const dv = p.dv;
  const buf = p.buf;
  const full = t.full;
  switch (code) {
    case O_MSG_TYPE: {
      t.hide(vi);
      const v = buf[d]!;
      addV(t, oi, hf.option_dhcp, d, 1, v);
      return full ? ` (${typeName(v)})` : '';
    }
    case O_OVERLOAD:
      if (len !== 1) return '';
      t.hide(vi);
      addV(t, oi, hf.option_option_overload, d, 1, buf[d]!);
      return '';
    case O_PRL:
      t.hide(vi);
      for (let i = 0; i < len; i++) {
        const c = buf[d + i]!;
        const it = t.addNum(oi, hf.option_request_list_item, d + i, 1, c);
        if (it >= 0 && full) t.setLabel(it, `Parameter Request List Item: (${c}) ${OPTION_NAMES.get(c) ?? 'Unknown'}`);
      }
      return '';
    case O_CLIENT_ID:
      t.hide(vi);
      clientId(p, oi, d, len);
      return '';
    case O_USER_CLASS:
      t.hide(vi);
      userClass(p, oi, d, len);
      return '';
    case O_FQDN: {
      if (len < 3) return '';
      t.hide(vi);
      const fl = buf[d]!;
      const fi = t.addNum(oi, hf.fqdn_flags, d, 1, fl);
      if (fi >= 0 && full) {
        let s = `Flags: ${hex2(fl)}`;
        const names: string[] = [];
        if (fl & 0x08) names.push('Server DDNS');
        if (fl & 0x04) names.push('Encoding');
        if (fl & 0x02) names.push('Server overrides');
        if (fl & 0x01) names.push('Server');
        if (names.length) s += ', ' + names.join(', ');
        t.setLabel(fi, s);
      }
      const mi = t.addNum(fi, hf.fqdn_mbz, d, 1, fl);
      // tshark shows a masked hex value with as many digits as the mask is wide
      if (mi >= 0 && full) t.setLabel(mi, `${bitPattern(0xf0, 8, fl)} = Reserved flags: 0x${(fl >> 4).toString(16)}`);
      t.addNum(fi, hf.fqdn_n, d, 1, fl);
      t.addNum(fi, hf.fqdn_e, d, 1, fl);
      t.addNum(fi, hf.fqdn_o, d, 1, fl);
      t.addNum(fi, hf.fqdn_s, d, 1, fl);
      t.addNum(oi, hf.fqdn_rcode1, d + 1, 1, buf[d + 1]!);
      t.addNum(oi, hf.fqdn_rcode2, d + 2, 1, buf[d + 2]!);
      if (len > 3) t.addStr(oi, hf.fqdn_name, d + 3, len - 3, fl & 0x04 ? wireName(buf, d + 3, d + len) : dnsText(buf, d + 3, len - 3));
      return '';
    }
    case O_AGENT:
      t.hide(vi);
      agentInfo(p, oi, d, len);
      return '';
    case O_ARCH:
      t.hide(vi);
      for (let i = 0; i + 2 <= len; i += 2) addV(t, oi, hf.option_client_system_architecture, d + i, 2, dv.getUint16(d + i));
      return '';
    case O_NDI:
      if (len !== 3) return '';
      t.hide(vi);
      t.addNum(oi, hf.client_network_id_major, d + 1, 1, buf[d + 1]!);
      t.addNum(oi, hf.client_network_id_minor, d + 2, 1, buf[d + 2]!);
      return '';
    case O_UUID:
      if (len !== 17) return '';
      t.hide(vi);
      t.addObj(oi, hf.client_id_uuid, d + 1, 16, guidText(buf, d + 1));
      return '';
    case O_FORCERENEW:
      t.hide(vi);
      for (let i = 0; i < len; i++) addV(t, oi, hf.option_forcerenew_nonce_algorithm, d + i, 1, buf[d + i]!);
      return '';
    case O_CLASSLESS: case O_MS_CLASSLESS:
      if (len < 5) {
        p.addExpert(oi, ei.bad_length, d, len, "length isn't >= 5");
        return '';
      }
      t.hide(vi);
      classlessRoutes(p, oi, d, len);
      return '';
    case O_DOMAIN_SEARCH:
      t.hide(vi);
      domainSearch(p, oi, d, len);
      return '';
    case O_POLICY_FILTER: case O_STATIC_ROUTE: {
      if (len % 8 !== 0) {
        p.addExpert(oi, ei.bad_length, d, len, "Option length isn't a multiple of 8");
        return '';
      }
      t.hide(vi);
      const a = code === O_STATIC_ROUTE ? hf.option_static_route_ip : hf.option_policy_filter_ip;
      const b = code === O_STATIC_ROUTE ? hf.option_static_route_router : hf.option_policy_filter_subnet_mask;
      for (let i = 0; i < len; i += 8) {
        t.addNum(oi, a, d + i, 4, dv.getUint32(d + i));
        t.addNum(oi, b, d + i + 4, 4, dv.getUint32(d + i + 4));
      }
      return '';
    }
    case O_MTU_PLATEAU:
      t.hide(vi);
      for (let i = 0; i + 2 <= len; i += 2) t.addNum(oi, hf.option_path_mtu_plateau_table_item, d + i, 2, dv.getUint16(d + i));
      return '';
    case O_SIP_SERVERS: {
      t.hide(vi);
      const enc = buf[d]!;
      addV(t, oi, hf.option_sip_server_encoding, d, 1, enc);
      if (enc === 0) domainNames(p, oi, d + 1, len - 1, hf.option_sip_server_name);
      else if (enc === 1) for (let i = 1; i + 4 <= len; i += 4) t.addNum(oi, hf.option_sip_server_address, d + i, 4, dv.getUint32(d + i));
      else p.addExpert(oi, ei.option_sip_server_address_encoding, d, 1, `RFC 3361 defines only 0 and 1 for Encoding byte (Encoding = ${enc}).`);
      return '';
    }
    case O_VENDOR_SPECIFIC:
      // decoded by vendor class (option 60); others stay bytes
      if (msgState.vendorClass.startsWith('ArubaAP')) {
        t.hide(vi);
        t.addStr(oi, hf.option_vendor_arubaap_controllerip, d, len, zstring(buf, d, len));
        return full ? ' (Aruba AP)' : '';
      }
      if (msgState.vendorClass.startsWith('PXEClient')) {
        t.hide(vi);
        pxeSuboptions(p, oi, d, len);
        return full ? ' (PXEClient)' : '';
      }
      return '';
    default:
      return '';
  }
}

/** Option 61 (RFC 2132 §9.14, RFC 4361): type 1 + MAC, type 255 + IAID + DUID, else bytes. */
function clientId(p: Packet, oi: number, d: number, len: number): void {
  const t = p.tree;
  const buf = p.buf;
  const type = buf[d]!;
  if (len === 7 && type === 1) {
    addV(t, oi, hf.hw_type, d, 1, type);
    const mi = t.addBytes(oi, hf.hw_mac_addr, d + 1, 6);
    void mi;
    return;
  }
  if (type === 255 && len >= 7) {
    t.addStr(oi, hf.client_id_iaid, d + 1, 4, hexBytes(buf.subarray(d + 1, d + 5)));
    const dt = p.dv.getUint16(d + 5);
    addV(t, oi, hf.client_id_duid_type, d + 5, 2, dt);
    if (dt === 1 && len >= 15) {
      addV(t, oi, hf.client_id_duid_llt_hw_type, d + 7, 2, p.dv.getUint16(d + 7));
      t.addNum(oi, hf.client_id_time, d + 9, 4, p.dv.getUint32(d + 9));
      t.addStr(oi, hf.client_id_link_layer_address, d + 13, len - 13, hexBytes(buf.subarray(d + 13, d + len), ':'));
    } else if (dt === 3 && len >= 9) {
      addV(t, oi, hf.client_id_duid_ll_hw_type, d + 7, 2, p.dv.getUint16(d + 7));
      t.addStr(oi, hf.client_id_link_layer_address, d + 9, len - 9, hexBytes(buf.subarray(d + 9, d + len), ':'));
    } else if (len > 7) {
      t.addBytes(oi, hf.client_id, d + 7, len - 7);
    }
    return;
  }
  t.addNum(oi, hf.client_id_type, d, 1, type);
  if (len > 1) t.addStr(oi, hf.client_id_undef, d + 1, len - 1, dnsText(buf, d + 1, len - 1));
}

/** Option 77 (RFC 3004): length-prefixed instances. */
function userClass(p: Packet, oi: number, d: number, len: number): void {
  const t = p.tree;
  const buf = p.buf;
  // RFC 3004 instances must fill the option exactly; otherwise tshark shows the data as text
  let y = d;
  while (y < d + len) y += 1 + buf[y]!;
  if (y !== d + len || buf[d] === 0) {
    const ti = t.addStr(oi, hf.option_user_class_text, d, len, dnsText(buf, d, len));
    p.addExpert(ti, ei.option_nonstd_data, d, len);
    return;
  }
  let x = d, i = 0;
  while (x < d + len) {
    const n = buf[x]!;
    const ii = t.addNum(oi, hf.option_user_class, x, Math.min(1 + n, d + len - x), i);
    if (ii >= 0 && t.full) t.setLabel(ii, `Instance of User Class: [${i}]`);
    t.addNum(ii, hf.option_user_class_length, x, 1, n);
    if (x + 1 + n > d + len) break;
    t.addBytes(ii, hf.option_user_class_data, x + 1, n);
    x += 1 + n;
    i++;
  }
}

/** Option 82 (RFC 3046): sub-options, labelled `Option 82 Suboption: (1) Agent Circuit ID`. */
function agentInfo(p: Packet, oi: number, d: number, len: number): void {
  const t = p.tree;
  const buf = p.buf;
  const dv = p.dv;
  let x = d;
  while (x + 2 <= d + len) {
    const sc = buf[x]!, sl = buf[x + 1]!;
    const si = t.addNum(oi, hf.option_agent_information_option_suboption, x, Math.min(2 + sl, d + len - x), sc);
    let label = `Option 82 Suboption: (${sc}) ${VALS_OPTION_AGENT_INFORMATION_OPTION_SUBOPTION.get(sc) ?? 'Unknown'}`;
    t.addNum(si, hf.option_suboption_length, x + 1, 1, sl);
    if (x + 2 + sl > d + len) { t.setLabel(si, label); break; }
    const v = x + 2;
    switch (sc) {
      case 1: t.addBytes(si, hf.option_agent_information_option_agent_circuit_id, v, sl); break;
      case 2: t.addBytes(si, hf.option_agent_information_option_agent_remote_id, v, sl); break;
      case 4: if (sl === 4) t.addNum(si, hf.option_agent_information_option_docsis_device_class, v, 4, dv.getUint32(v)); break;
      case 5: case 11:
        if (sl === 4) {
          const a = dv.getUint32(v);
          t.addNum(si, sc === 5 ? hf.option_agent_information_option_link_selection : hf.option_agent_information_option_server_id_override, v, 4, a);
          label += ` (${formatIPv4(a)})`;
        }
        break;
      case 6: t.addStr(si, hf.option_agent_information_option_subscriber_id, v, sl, zstring(buf, v, sl)); break;
      case 10: if (sl === 1) t.addNum(si, hf.option_agent_information_option_flags, v, 1, buf[v]!); break;
      case 12: t.addBytes(si, hf.option_agent_information_option_relay_agent_id, v, sl); break;
      default: t.addBytes(si, hf.option_agent_information_option_value, v, sl);
    }
    if (si >= 0 && t.full) t.setLabel(si, label);
    x += 2 + sl;
  }
}

/** Option 43 for PXE clients (PXE 2.1 §2.4): sub-options. */
function pxeSuboptions(p: Packet, oi: number, d: number, len: number): void {
  const t = p.tree;
  const buf = p.buf;
  const dv = p.dv;
  let x = d;
  while (x < d + len) {
    const sc = buf[x]!;
    if (sc === 255) { t.addNum(oi, hf.option_vendor_pxeclient_end, x, 1, sc); break; }
    if (sc === 0) { t.addNum(oi, hf.option_vendor_pxeclient_padding, x, 1, sc); x++; continue; }
    if (x + 2 > d + len) break;
    const sl = buf[x + 1]!;
    const si = t.addNum(oi, hf.option_vendor_pxeclient_suboption, x, Math.min(2 + sl, d + len - x), sc);
    if (si >= 0 && t.full) t.setLabel(si, `Option 43 Suboption: (${sc}) ${VALS_OPTION_VENDOR_PXECLIENT_SUBOPTION.get(sc) ?? 'Unknown'}`);
    t.addNum(si, hf.option_suboption_length, x + 1, 1, sl);
    if (x + 2 + sl > d + len) break;
    const v = x + 2;
    switch (sc) {
      case 1: case 7: if (sl === 4) t.addNum(si, sc === 1 ? hf.option_vendor_pxeclient_mtftp_ip : hf.option_vendor_pxeclient_multicast_address, v, 4, dv.getUint32(v)); break;
      case 2: case 3: if (sl === 2) t.addNum(si, sc === 2 ? hf.option_vendor_pxeclient_mtftp_client_port : hf.option_vendor_pxeclient_mtftp_server_port, v, 2, dv.getUint16(v)); break;
      case 4: case 5: if (sl === 1) t.addNum(si, sc === 4 ? hf.option_vendor_pxeclient_mtftp_timeout : hf.option_vendor_pxeclient_mtftp_delay, v, 1, buf[v]!); break;
      case 6:
        // tshark reads the first byte whatever the length says
        if (sl >= 1) {
          const b = buf[v]!;
          const ci = t.addNum(si, hf.option_vendor_pxeclient_discovery_control, v, 1, b);
          t.addNum(ci, hf.option_vendor_pxeclient_discovery_control_broadcast, v, 1, b);
          t.addNum(ci, hf.option_vendor_pxeclient_discovery_control_multicast, v, 1, b);
          t.addNum(ci, hf.option_vendor_pxeclient_discovery_control_serverlist, v, 1, b);
          t.addNum(ci, hf.option_vendor_pxeclient_discovery_control_bstrap, v, 1, b);
        }
        break;
      default: t.addBytes(si, hf.option_vendor_value, v, sl);
    }
    x += 2 + sl;
  }
}

/** A DNS wire-format name inside an option (RFC 1035 §3.1, pointers relative to `base`), as text. */
function wireName(buf: Uint8Array, a: number, e: number, base = a): string {
  let s = '';
  let x = a, hops = 0;
  while (x < e) {
    const n = buf[x]!;
    if (n === 0) break;
    if ((n & 0xc0) === 0xc0) {
      if (x + 1 >= e || ++hops > 32) break;
      x = base + (((n & 0x3f) << 8) | buf[x + 1]!);
      continue;
    }
    if (x + 1 + n > e) break;
    s += (s ? '.' : '') + dnsText(buf, x + 1, n);
    x += 1 + n;
  }
  return s;
}

/** Option 119 (RFC 3397): names with compression pointers relative to the option data. */
function domainSearch(p: Packet, oi: number, d: number, len: number): void {
  domainNames(p, oi, d, len, hf.option_dhcp_dns_domain_search_list_fqdn);
}

function domainNames(p: Packet, oi: number, d: number, len: number, fid: number): void {
  const buf = p.buf;
  const e = d + len;
  let x = d;
  while (x < e) {
    const start = x;
    // walk to the end of this name in place (a label run ended by a zero byte or a pointer)
    while (x < e && buf[x] !== 0 && (buf[x]! & 0xc0) !== 0xc0) x += 1 + buf[x]!;
    if (x < e && (buf[x]! & 0xc0) === 0xc0) x += 2; else x += 1;
    if (x > e) x = e;
    p.tree.addStr(oi, fid, start, x - start, wireName(buf, start, e, d));
  }
}

/** Options 121/249 (RFC 3442): width, significant octets of the destination, router. */
function classlessRoutes(p: Packet, oi: number, d: number, len: number): void {
  const t = p.tree;
  const buf = p.buf;
  let x = d;
  while (x < d + len) {
    const w = buf[x]!;
    if (w > 32) { p.addExpert(oi, ei.option_classless_static_route, x, 1); break; }
    const sig = (w + 7) >> 3;
    if (x + 1 + sig + 4 > d + len) break;
    let net = 0;
    for (let i = 0; i < 4; i++) net = net * 256 + (i < sig ? buf[x + 1 + i]! : 0);
    const gw = p.dv.getUint32(x + 1 + sig);
    const ri = t.addBytes(oi, hf.option_classless_static_route, x, 1 + sig + 4);
    if (ri >= 0 && t.full) t.setLabel(ri, w === 0 ? ` default-${formatIPv4(gw)}` : ` ${formatIPv4(net)}/${w}-${formatIPv4(gw)}`);
    x += 1 + sig + 4;
  }
}

/** GUID text as tshark shows option 97's UUID (first three groups little-endian). */
function guidText(b: Uint8Array, a: number): string {
  const h = (i: number): string => (b[a + i]! < 16 ? '0' : '') + b[a + i]!.toString(16);
  return `${h(3)}${h(2)}${h(1)}${h(0)}-${h(5)}${h(4)}-${h(7)}${h(6)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

function hex2(v: number): string {
  return '0x' + (v < 16 ? '0' : '') + v.toString(16);
}

function hex4(v: number): string {
  const s = v.toString(16);
  return '0x' + '0000'.slice(s.length) + s;
}

/** Integer item with value names: a value without a name is labelled `Unknown (v)` as tshark does. */
function addV(t: Tree, parent: number, fid: number, off: number, len: number, v: number): number {
  const i = t.addNum(parent, fid, off, len, v);
  if (i >= 0 && t.full) {
    const fl = fields[fid]!;
    if (valueName(fl, t.num[i]!) === undefined) t.setLabel(i, `${fl.name}: Unknown (${formatInt(fl, t.num[i]!)})`);
  }
  return i;
}

export const dhcpHandle: Handle = registerHandle('dhcp', dissectDhcp);
udpPortTable.add(67, dhcpHandle);
udpPortTable.add(68, dhcpHandle);
udpPortTable.add(4011, dhcpHandle);
