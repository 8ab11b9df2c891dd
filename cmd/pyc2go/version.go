package main

import "runtime/debug"

// version is set at link time by release builds
// (-ldflags=-X=main.version=v1.2.3); otherwise the module version from
// the build info decides.
var version = ""

func buildVersion() string {
	bi, _ := debug.ReadBuildInfo()
	return moduleVersion(version, bi)
}

// moduleVersion picks the version to print: the link-time one, else the
// main module's version as the go command recorded it (v1.2.3 from `go
// install MODULE@v1.2.3`, a pseudo-version from a build in a VCS
// checkout), else "devel" (go run, go test, or no VCS information).
func moduleVersion(linked string, bi *debug.BuildInfo) string {
	if linked != "" {
		return linked
	}
	if bi != nil && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
