import { createConnection, createServer, type Socket } from 'node:net'

import { findFreePort } from '../../src/scripts/findFreePort'

export type TcpProxy = {
  port: number
  /** Drops every open connection and refuses new ones, as a database that went away would. */
  cut: () => void
  restore: () => void
  close: () => Promise<void>
}

/** A TCP relay to host:port on 127.0.0.1 that a test can cut and restore. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>()
  let cut = false
  const server = createServer((client) => {
    if (cut) return void client.destroy()
    const upstream = createConnection(target)
    for (const socket of [client, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => (socket === client ? upstream : client).destroy())
    }
    client.pipe(upstream).pipe(client)
  })
  const port = await findFreePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    cut: () => {
      cut = true
      for (const socket of open) socket.destroy()
    },
    restore: () => {
      cut = false
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
