/**
 * Whether a process of this machine is still running, for records that name the process that wrote them (session
 * folders, a demo run's marker) and outlive it when it is killed.
 */
export function isProcessRunning(pid: number): boolean {
  try {
    // Signal 0 checks that the process exists and sends nothing.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
