// Package driver runs the pipeline end to end: Python source in, Go source
// and, for `pyc2go run` and `verify`, a built program out.
//
//	frontend.ParseFile -> typeinfer.Check -> lower.Module -> opt.Run -> emitgo.File (or emitc.File)
//
// Config composes the options of the stages (lower.Config, opt.Config)
// with the driver's own; Compile runs the stages in order, and under
// --wraparound=off also the reference compilation opt needs to keep the
// default signatures (opt.Config.Reference).
//
// Building needs only the Go toolchain: the runtime's source is embedded in
// pyc2go (runtime.Source) and written beside the generated package, so a
// build never fetches modules. Built programs are cached under the user
// cache directory, keyed by a hash of everything that goes into the build
// (generated code, runtime source, Go version), so a second `pyc2go run` of
// the same file and flags starts at once.
package driver
