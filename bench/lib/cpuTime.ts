import { readdirSync, readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100

/** CPU seconds (user + system) used so far by every running process, by pid, with its name and parent. */
function processTimes(): Map<number, { name: string; ppid: number; seconds: number }> {
  const times = new Map<number, { name: string; ppid: number; seconds: number }>()
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // Fields after the name: state ppid … utime (12th) stime (13th).
      times.set(pid, { name, ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND })
    } catch {
      // the process ended while we looked
    }
  }
  return times
}

/** Busy CPU seconds of the whole machine so far, from /proc/stat. */
function machineBusySeconds(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).map(Number)
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND
}

/**
 * CPU used between `start()` and `stop()`, split into a process tree of ours (the server), the
 * PostgreSQL processes, and everything else on the machine (the load generator, the bench script).
 */
export function cpuSplit(serverPid: number) {
  const treeOf = (times: ReturnType<typeof processTimes>) => {
    const inTree = new Set([serverPid])
    let grew = true
    while (grew) {
      grew = false
      for (const [pid, { ppid }] of times) if (inTree.has(ppid) && !inTree.has(pid)) (inTree.add(pid), (grew = true))
    }
    return inTree
  }
  const sum = (times: ReturnType<typeof processTimes>, pick: (pid: number, name: string) => boolean) =>
    [...times].filter(([pid, { name }]) => pick(pid, name)).reduce((total, [, { seconds }]) => total + seconds, 0)
  const snapshot = () => {
    const times = processTimes()
    const tree = treeOf(times)
    return {
      machine: machineBusySeconds(),
      server: sum(times, (pid) => tree.has(pid)),
      postgres: sum(times, (_pid, name) => name === 'postgres'),
    }
  }
  const before = snapshot()
  return {
    stop: () => {
      const after = snapshot()
      const server = after.server - before.server
      const postgres = after.postgres - before.postgres
      const machine = after.machine - before.machine
      return { server, postgres, other: Math.max(0, machine - server - postgres), machine }
    },
  }
}
