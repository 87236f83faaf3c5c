//go:build unix

package importer

import "syscall"

// cpuSeconds is the process's CPU time (user and system): on a shared machine the wall
// clock says more about the neighbours than about the import.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
