// Package emitc is the C emitter; empty until the C backend issue.
package emitc
