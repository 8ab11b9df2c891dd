package numpy

import (
	"fmt"
	"strings"
)

// The docs' table of numpy support (docs/language.md) is generated from
// the rows: `go run ./numpy/gendoc` rewrites the part of the file between
// the two marker lines, and TestDocTable fails when the committed file is
// stale.

// Markers delimiting the generated table in docs/language.md.
const (
	DocBegin = "<!-- numpy table: generated from the rows of package numpy by `go run ./numpy/gendoc`; do not edit -->"
	DocEnd   = "<!-- end of numpy table -->"
)

// DocRegenerate is the command that rewrites the docs' table.
const DocRegenerate = "go run ./numpy/gendoc"

// DocTable is the Markdown the docs show between the markers: one table
// per kind, one line per row.
func DocTable() string {
	var b strings.Builder
	for k := Type; int(k) < len(kindNames); k++ {
		var rs []*Row
		for _, r := range Rows() {
			if r.Kind == k {
				rs = append(rs, r)
			}
		}
		if len(rs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n**%s**\n\n", capitalize(k.String()))
		b.WriteString("| call | what it computes | exact | raises |\n|---|---|---|---|\n")
		for _, r := range rs {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(r.spellings()), cell(r.docNotes()), cell(r.exactness()), cell(r.faults()))
		}
	}
	b.WriteString(randomDocTable())
	return b.String()
}

// SpliceDocTable replaces the table between the markers of doc.
func SpliceDocTable(doc string) (string, error) {
	before, rest, ok := strings.Cut(doc, DocBegin+"\n")
	if !ok {
		return "", fmt.Errorf("no line %q", DocBegin)
	}
	_, after, ok := strings.Cut(rest, DocEnd)
	if !ok {
		return "", fmt.Errorf("no line %q after the table's start", DocEnd)
	}
	return before + DocBegin + "\n" + DocTable() + "\n" + DocEnd + after, nil
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// cell escapes a table cell.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// spellings are the ways to write the row, with the parameters pyc2go
// accepts and their numpy defaults: `np.sum(a, axis=None)`, `a.sum(axis=None)`.
func (r *Row) spellings() string {
	var out []string
	switch r.Kind {
	case Attribute:
		return "`a." + r.Name + "`"
	case Constant:
		return "`np." + r.Name + "`"
	}
	if r.Forms&Func != 0 || r.Kind == Type {
		for _, n := range r.Names() {
			out = append(out, "`np."+r.path(n)+"("+r.accepted(r.params)+")`")
		}
	}
	if r.Forms&Meth != 0 {
		out = append(out, "`a."+r.Name+"("+r.accepted(r.methodParams)+")`")
	}
	return strings.Join(out, ", ")
}

// accepted spells the parameters pyc2go accepts.
func (r *Row) accepted(ps []Param) string {
	var out []string
	for _, p := range ps {
		switch {
		case p.Variadic:
			out = append(out, "*"+p.Name)
		case p.Default == "?":
			out = append(out, "["+p.Name+"]")
		case p.Default == "":
			out = append(out, p.Name)
		case r.accepts[p.Name]:
			out = append(out, p.Name+"="+p.Default)
		}
	}
	return strings.Join(out, ", ")
}

// docNotes is the row's doc line with the operand kinds it does not
// support yet.
func (r *Row) docNotes() string {
	if r.NotYet != 0 {
		return r.Doc + " (" + r.NotYet.String() + " operands: not yet)"
	}
	return r.Doc
}

// exactness says how verify compares the row's results with numpy's.
func (r *Row) exactness() string {
	switch {
	case !r.Callable():
		return ""
	case r.Inexact == 0:
		return "yes"
	case r.Inexact == All:
		return "±1e-9"
	}
	return r.Inexact.String() + ": ±1e-9"
}

func (r *Row) faults() string {
	var out []string
	for _, f := range r.Raises {
		out = append(out, "`"+f.Class+": "+strings.TrimSpace(f.Msg)+"` when "+f.When)
	}
	return strings.Join(out, "; ")
}

// String names the classes: "int, float".
func (c Classes) String() string {
	var out []string
	for i, n := range []string{"int", "float", "complex"} {
		if c&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return strings.Join(out, ", ")
}
