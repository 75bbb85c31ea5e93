// Per-capture state: everything that lives across packets of one capture (TCP streams, fragment
// reassembly, request/response matching, the first timestamp …). One Session per capture file, so
// nothing leaks from one capture into another. Dissectors own their state through a typed key.

export interface StateKey<T> {
  readonly name: string;
  readonly create: () => T;
  readonly slot: number;
}

let slots = 0;

/** Declares a kind of per-capture state; call at module load: `const K = stateKey('tcp', () => new TcpState())`. */
export function stateKey<T>(name: string, create: () => T): StateKey<T> {
  return { name, create, slot: slots++ };
}

/** What the frame tree shows of a capture interface (capture/types.ts InterfaceInfo fits). */
export interface SessionIface {
  readonly name: string | undefined;
  readonly description: string | undefined;
  /** the interface id inside its pcapng section (frame.interface_id); defaults to the global index */
  readonly idInSection?: number | undefined;
}

export class Session {
  private readonly states: unknown[] = [];
  /** the capture's interfaces by global index (FrameInfo.iface), when the reader knows them (pcapng) */
  ifaces: readonly SessionIface[] = [];
  /** true on the second pass over a capture (state already built; read caches, do not update) */
  visited = false;
  /**
   * Keep per-frame results for a later revisit (UI clicks, -2). A one-pass streaming run sets it
   * false so dissectors do not hold an object per frame (memory stays bounded by the connections,
   * not the capture's length).
   */
  retainFrames = true;
  /** first frame's timestamp (frame.time_relative) */
  firstSec = NaN;
  firstNsec = 0;
  /** previous captured frame's timestamp (frame.time_delta) */
  prevSec = NaN;
  prevNsec = 0;
  /** previous displayed frame's timestamp (frame.time_delta_displayed) */
  prevDispSec = NaN;
  prevDispNsec = 0;

  get<T>(k: StateKey<T>): T {
    let s = this.states[k.slot] as T | undefined;
    if (s === undefined) {
      s = k.create();
      this.states[k.slot] = s;
    }
    return s;
  }
}
