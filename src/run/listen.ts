// Where a server listens, read from the kernel's socket tables (Linux /proc/net/tcp and tcp6), so
// `run` can tell a server FC could reach (0.0.0.0 or :: on FC_CUSTOM_LISTEN_PORT) from one FC cannot:
// bound to 127.0.0.1 (FC answers FunctionNotStarted, spec §1.8) or to a port of its own.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';

export interface ListenSocket {
  /** `0.0.0.0`, `::`, `127.0.0.1`, `::1`, or another address in the table's hex. */
  address: string;
  port: number;
  inode: string;
}

const TCP_LISTEN = '0A';
const ADDRESSES: Record<string, string> = {
  '00000000': '0.0.0.0',
  '0100007F': '127.0.0.1',
  '00000000000000000000000000000000': '::',
  '00000000000000000000000001000000': '::1',
  '0000000000000000FFFF00000100007F': '127.0.0.1',
};

/** Every listening TCP socket, or undefined where there is no /proc/net (not Linux). */
export function listeningSockets(): ListenSocket[] | undefined {
  const sockets: ListenSocket[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      if (table.endsWith('tcp')) return undefined;
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[3] !== TCP_LISTEN) continue;
      const [address, port] = fields[1]!.split(':');
      sockets.push({ address: ADDRESSES[address!] ?? address!, port: parseInt(port!, 16), inode: fields[9]! });
    }
  }
  return sockets;
}

/** The socket inodes a process and its descendants hold open. */
export function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  const visit = (id: number) => {
    try {
      for (const fd of readdirSync(`/proc/${id}/fd`)) {
        const link = readlinkSync(`/proc/${id}/fd/${fd}`, 'utf8');
        if (link.startsWith('socket:[')) inodes.add(link.slice(8, -1));
      }
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(' ') : []) visit(Number(child));
      }
    } catch {
      // The process ended meanwhile.
    }
  };
  visit(pid);
  return inodes;
}

/** Whether something accepts connections on 127.0.0.1:port (the check where /proc is missing). */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
