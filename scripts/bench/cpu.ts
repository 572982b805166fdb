/**
 * CPU time and resident memory of a process group, read from /proc (Linux): how much CPU a
 * server spent, whatever else the machine was doing, and how much memory all its processes hold.
 * Returns undefined where /proc is not available.
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** The `/proc/<pid>/stat` fields (from "state" on) of every process in process group `pgid`. */
function groupStats(pgid: number): Array<{ pid: string; fields: string[] }> | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const out: Array<{ pid: string; fields: string[] }> = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
    // fields[2] = pgrp (proc(5), counted from "state").
    if (Number(fields[2]) === pgid) out.push({ pid: name, fields });
  }
  return out;
}

/** User + system CPU seconds of every process in process group `pgid`. */
export function groupCpuSeconds(pgid: number): number | undefined {
  const stats = groupStats(pgid);
  if (!stats?.length) return undefined;
  // fields[11] = utime, fields[12] = stime.
  return stats.reduce((sum, s) => sum + Number(s.fields[11]) + Number(s.fields[12]), 0) / TICKS_PER_SECOND;
}

/** Resident set size (VmRSS) of each process in process group `pgid`, in bytes. */
export function groupRssBytes(pgid: number): number[] | undefined {
  const stats = groupStats(pgid);
  if (!stats?.length) return undefined;
  const sizes: number[] = [];
  for (const { pid } of stats) {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (kb !== undefined) sizes.push(Number(kb) * 1024);
    } catch {
      // exited meanwhile
    }
  }
  return sizes;
}
