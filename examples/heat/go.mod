module example.com/heat

go 1.26.8

require (
	github.com/pyc2go/pyc2go v0.0.0
	gonum.org/v1/gonum v0.17.0
)

require (
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/go-python/gpython v0.2.0 // indirect
	golang.org/x/text v0.23.0 // indirect
)

// Inside the pyc2go repository the example builds against the checkout it
// sits in. A copy of the example elsewhere drops this line and requires a
// released version instead (go get github.com/pyc2go/pyc2go@latest).
replace github.com/pyc2go/pyc2go => ../..

// The compiler is a tool of this module (go get -tool), so go.sum pins what
// the go:generate line builds and `go tool pyc2go` works too.
tool github.com/pyc2go/pyc2go/cmd/pyc2go
