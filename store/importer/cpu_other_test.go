//go:build !unix

package importer

func cpuSeconds() float64 { return 0 }
