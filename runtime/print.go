package runtime

// print and caught exceptions: what generated code calls for Python's
// print() and for try/except.

import (
	"errors"
	"io"
	"os"
	"strconv"
	"sync"
)

var (
	stdoutMu sync.Mutex
	stdout   io.Writer = os.Stdout
)

// Print writes s to the kernel's standard output: os.Stdout, unless
// SetStdout redirected it (the harness captures a call's output so that
// verify can compare it with CPython's).
func Print(s string) {
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	io.WriteString(stdout, s)
}

// SetStdout redirects what Print writes to w (nil restores os.Stdout)
// and returns the previous writer.
func SetStdout(w io.Writer) io.Writer {
	stdoutMu.Lock()
	defer stdoutMu.Unlock()
	old := stdout
	if w == nil {
		w = os.Stdout
	}
	stdout = w
	return old
}

// ExcClass is the Python class name of an exception compiled code raised
// ("" for nil; "Exception" for an error that is no *Error).
func ExcClass(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Type
	}
	return "Exception"
}

// ExcIn reports whether err's class is one of classes (an except clause's
// classes, subclasses spelled out by the compiler).
func ExcIn(err error, classes ...string) bool {
	c := ExcClass(err)
	for _, k := range classes {
		if c == k {
			return true
		}
	}
	return false
}

// ExcMessage is str(e) of a caught exception: its message.
func ExcMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Msg
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// ExcRepr is repr(e) of a caught exception: ValueError('msg').
func ExcRepr(err error) string {
	m := ExcMessage(err)
	if m == "" {
		return ExcClass(err) + "()"
	}
	return ExcClass(err) + "(" + reprStr(m) + ")"
}

// reprStr is repr() of a str: single quotes unless the text has one and
// no double quote, escapes for backslashes, the quote and control bytes.
func reprStr(s string) string {
	q := byte('\'')
	if containsByte(s, '\'') && !containsByte(s, '"') {
		q = '"'
	}
	b := []byte{q}
	for _, r := range s {
		switch {
		case r == '\\' || r == rune(q):
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < 0x20 || r == 0x7f:
			b = append(b, []byte("\\x"+leftPad(strconv.FormatInt(int64(r), 16), 2))...)
		default:
			b = append(b, string(r)...)
		}
	}
	return string(append(b, q))
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}
