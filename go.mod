module github.com/pyc2go/pyc2go

go 1.26.8

require (
	github.com/dave/jennifer v1.7.1
	github.com/go-python/gpython v0.2.0
	github.com/google/go-cmp v0.7.0
	golang.org/x/tools v0.52.0
	gonum.org/v1/gonum v0.17.0
)

require golang.org/x/text v0.23.0
