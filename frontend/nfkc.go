package frontend

import (
	"reflect"
	"unicode/utf8"

	"github.com/go-python/gpython/ast"
	"golang.org/x/text/unicode/norm"
)

// identifierType and its pointer and slice forms are the shapes in which
// gpython's AST holds names (ast.Name.Id, ast.Attribute.Attr,
// ast.FunctionDef.Name, ast.Arg.Arg, ast.Alias, ast.ExceptHandler.Name...).
var (
	identifierType      = reflect.TypeOf(ast.Identifier(""))
	identifierPtrType   = reflect.TypeOf((*ast.Identifier)(nil))
	identifierSliceType = reflect.TypeOf([]ast.Identifier(nil))
)

// normalizeIdentifiers rewrites every identifier of m to its NFKC form, as
// CPython's tokenizer does (PEP 3131): `ℌ` and `H` are one name, and so
// are `ﬁ` and `fi`. Without it a kernel that spells a name two ways would
// bind two variables where Python binds one, and return another value.
// ASCII names, nearly all of them, are left alone without a lookup, and a
// file that is all ASCII is not walked at all (ParseFile).
func normalizeIdentifiers(m ast.Ast) {
	ast.Walk(m, func(n ast.Ast) bool {
		v := reflect.ValueOf(n)
		if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return true
		}
		s := v.Elem()
		for i := 0; i < s.NumField(); i++ {
			f := s.Field(i)
			if !f.CanSet() {
				continue
			}
			switch f.Type() {
			case identifierType:
				normalizeIdentifier(f)
			case identifierPtrType:
				if !f.IsNil() {
					normalizeIdentifier(f.Elem())
				}
			case identifierSliceType:
				for j := 0; j < f.Len(); j++ {
					normalizeIdentifier(f.Index(j))
				}
			}
		}
		return true
	})
}

// normalizeIdentifier sets the ast.Identifier v to its NFKC form.
func normalizeIdentifier(v reflect.Value) {
	if id := v.String(); !isASCII(id) {
		v.SetString(norm.NFKC.String(id))
	}
}

// isASCII reports whether s is all ASCII, which NFKC leaves as it is.
func isASCII[S ~string | ~[]byte](s S) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
