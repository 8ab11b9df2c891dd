// Package numpy is pyc2go's knowledge of numpy 1.24.
package numpy
