import { readdirSync, readFileSync } from 'node:fs'

const PAGE_SIZE = 4096

/** Resident memory (bytes) of a process and all its descendants, read from /proc. */
export function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      // The command name may hold spaces; fields after its closing parenthesis are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), pid])
      rss.set(pid, Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE)
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.pop()!
    total += rss.get(pid) ?? 0
    queue.push(...(children.get(pid) ?? []))
  }
  return total
}

/** Samples treeRss every `intervalMs` until stopped; returns the peak. */
export function samplePeakRss(rootPid: number, intervalMs = 100): { stop: () => number } {
  let peak = 0
  const sample = () => (peak = Math.max(peak, treeRss(rootPid)))
  sample()
  const timer = setInterval(sample, intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      return peak
    },
  }
}

export const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`
