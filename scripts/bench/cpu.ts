/**
 * CPU time of a process group, read from /proc (Linux): how much CPU a server spent, whatever
 * else the machine was doing. Returns undefined where /proc is not available.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of every process in process group `pgid`. */
export function groupCpuSeconds(pgid: number): number | undefined {
  let ticks = 0;
  let found = false;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    // fields[2] = pgrp, fields[11] = utime, fields[12] = stime (proc(5), counted from "state").
    if (Number(fields[2]) !== pgid) continue;
    found = true;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return found ? ticks / TICKS_PER_SECOND : undefined;
}
