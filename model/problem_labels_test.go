package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
)

// Every field a message can be about has a label, so that messages read 「解决日期格式不对」,
// never 「ResolvedOn格式不对」. The fields are found three ways, so that one added later fails
// here wherever its messages are made: the typed fields of the records, what the
// validators report, and the field names written where problems are made across the
// module's source (the forms' date checks, the store's own checks).
func TestEveryProblemFieldHasALabel(t *testing.T) {
	found := map[string]string{} // field -> where it was found
	note := func(field, where string) {
		if _, ok := found[field]; !ok {
			found[field] = where
		}
	}
	for field, where := range recordFields() {
		note(field, where)
	}
	for field, where := range validatorFields() {
		note(field, where)
	}
	for field, where := range sourceFields(t) {
		note(field, where)
	}
	// The ways above must each find what they are for, or the test proves nothing.
	for _, want := range []string{"ResolvedOn", "Since", "Key.ContactMonths", "HouseholdWith", "UnitB"} {
		if _, ok := found[want]; !ok {
			t.Errorf("the search did not find the field %s", want)
		}
	}
	for field, where := range found {
		zh, en := FieldLabel(field, Zh), FieldLabel(field, En)
		if zh == field || !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) || en == "" {
			t.Errorf("field %s (%s) has no label: messages would show %q", field, where, zh)
		}
	}
}

// notTyped are the record fields no message is about: kept by the store, derived, or
// links chosen from a list and shown by the name of what they point to.
var notTyped = map[string]bool{
	"ID": true, "CreatedAt": true, "UpdatedAt": true, "DeletedAt": true,
	"LastVisitOn": true, "LastHomeOn": true, "HouseholdKey": true,
	"HouseholdID": true, "VillageID": true, "ServiceUnitID": true, "VisitID": true, "UnitA": true,
}

// recordFields are the fields of the records a user types, but for notTyped ones and
// yes/no fields (a tick cannot be wrong).
func recordFields() map[string]string {
	out := map[string]string{}
	for _, rec := range []any{Person{}, Unit{}, Pairing{}, Event{}, Visit{}, PlaqueRecord{}, Confirmation{}, Settings{}} {
		rt := reflect.TypeOf(rec)
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			if f.IsExported() && !notTyped[f.Name] && f.Type.Kind() != reflect.Bool {
				out[f.Name] = rt.Name() + "." + f.Name
			}
		}
	}
	return out
}

// validatorFields are the fields of the problems the validators report about empty
// records and about records whose every field is wrong (control characters in the text,
// negative numbers, one empty element in every list).
func validatorFields() map[string]string {
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.Local)
	out := map[string]string{}
	add := func(name string, ps Problems) {
		for _, p := range append(ps.Errors, ps.Gaps...) {
			out[p.Field] = name
		}
	}
	for _, poison := range []bool{false, true} {
		var (
			p  Person
			u  Unit
			e  Event
			v  Visit
			pl PlaqueRecord
			c  Confirmation
			d  DutySettings
		)
		if poison {
			for _, rec := range []any{&p, &u, &e, &v, &pl, &c, &d} {
				spoil(reflect.ValueOf(rec).Elem())
			}
		}
		add("ValidatePerson", ValidatePerson(&p, today))
		add("ValidateUnit", ValidateUnit(&u))
		add("ValidateEvent", ValidateEvent(&e, today))
		add("ValidateVisit", ValidateVisit(&v, today))
		add("ValidatePlaque", ValidatePlaque(&pl, today))
		add("ValidateConfirmation", ValidateConfirmation(&c, today))
		add("DutySettings.Validate", d.Validate())
	}
	return out
}

// spoil makes every field of v wrong.
func spoil(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("坏\x01")
	case reflect.Int, reflect.Int64:
		v.SetInt(-1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		spoil(v.Index(0))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				spoil(v.Field(i))
			}
		}
	}
}

// fieldMakers take a field name among their arguments and put it in a problem, or name
// the field in its message.
var fieldMakers = map[string]bool{
	"ParseDateField": true, "AsProblem": true, "WithField": true, "CleanText": true, "problem": true,
	"date": true, "checkEnum": true, "cleanText": true, "cleanOptionalName": true, "addErr": true,
	"money": true, "count": true, "dateField": true,
}

var fieldName = regexp.MustCompile(`^[A-Z][A-Za-z]*(\.[A-Z][A-Za-z]*)?$`)

// sourceFields are the field names written as literals in the module's source: the
// string arguments of fieldMakers and the Field of Problem literals.
func sourceFields(t *testing.T) map[string]string {
	out := map[string]string{}
	fset := token.NewFileSet()
	root := ".."
	err := filepath.WalkDir(root, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() && path != root && (strings.HasPrefix(de.Name(), ".") || de.Name() == "testdata" || de.Name() == "vendor") {
			return filepath.SkipDir
		}
		if de.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		literal := func(e ast.Expr) {
			if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && fieldName.MatchString(s) {
					out[s] = fset.Position(lit.Pos()).String()
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				name := ""
				switch fn := n.Fun.(type) {
				case *ast.Ident:
					name = fn.Name
				case *ast.SelectorExpr:
					name = fn.Sel.Name
				}
				if fieldMakers[name] {
					for _, a := range n.Args {
						literal(a)
					}
				}
			case *ast.CompositeLit:
				if !isProblemType(n.Type) {
					return true
				}
				for _, el := range n.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok {
						if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Field" {
							literal(kv.Value)
						}
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// isProblemType reports a Problem or model.Problem type, or none (an element of a
// []model.Problem literal).
func isProblemType(e ast.Expr) bool {
	switch e := e.(type) {
	case nil:
		return true
	case *ast.Ident:
		return e.Name == "Problem"
	case *ast.SelectorExpr:
		return e.Sel.Name == "Problem"
	}
	return false
}
