import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { findFreePort } from '../../src/scripts/findFreePort'

import { waitFor } from './waitFor'

export const NGINX_PATH = process.env.NGINX_PATH || '/usr/sbin/nginx'

export type ProxyChain = { url: string; stop: () => Promise<void> }

/**
 * `hops` nginx reverse proxies in a row in front of `upstream`, configured as production would be
 * (X-Forwarded-For: $proxy_add_x_forwarded_for). Each proxy reaches the next from an address of its
 * own (127.0.0.<firstHopAddress + n>), so that every hop in the header is told apart.
 */
export async function startProxyChain(upstream: string, hops: number, firstHopAddress: number): Promise<ProxyChain> {
  const dir = await mkdtemp(path.join(tmpdir(), 'otei-nginx-'))
  const ports = await Promise.all(Array.from({ length: hops }, () => findFreePort()))
  const servers = ports.map((port, hop) => {
    const next = hop + 1 < hops ? `http://127.0.0.1:${ports[hop + 1]}` : upstream
    return `
    server {
      listen 127.0.0.1:${port};
      location / {
        proxy_pass ${next};
        proxy_bind 127.0.0.${firstHopAddress + hop};
        proxy_set_header Host $http_host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      }
    }`
  })
  await writeFile(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  ${servers.join('\n')}
}
`,
  )
  let output = ''
  const nginx: ChildProcess = spawn(NGINX_PATH, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  nginx.stdout!.on('data', (chunk) => (output += chunk))
  nginx.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<void>((resolve) => nginx.on('exit', () => resolve()))
  const stop = async () => {
    if (nginx.exitCode === null) nginx.kill('SIGQUIT')
    await exited
    await rm(dir, { recursive: true, force: true })
  }
  const url = `http://127.0.0.1:${ports[0]}`
  try {
    await waitFor(
      'nginx to answer',
      async () => {
        if (nginx.exitCode !== null) throw new Error(`nginx exited ${nginx.exitCode}: ${output}`)
        return (await fetch(`${url}/api/health`).catch(() => undefined))?.ok ? true : undefined
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    )
  } catch (error) {
    await stop()
    throw error
  }
  return { url, stop }
}
