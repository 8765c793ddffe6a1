package tfe

import (
	"net/url"
	"reflect"
	"strconv"
	"strings"
)

// encodeQuery turns an options struct into URL query values, from its
// fields' `query:"name"` tags: strings and string kinds are sent when not
// empty, integers when not zero, booleans when true, slices as one
// comma-separated value, pointers when not nil. Embedded structs (such as
// ListOptions) are walked. A nil options value gives an empty query.
func encodeQuery(opts any) url.Values {
	vals := url.Values{}
	v := reflect.ValueOf(opts)
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return vals
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Struct {
		addQueryFields(vals, v)
	}
	return vals
}

// addQueryFields adds the tagged fields of struct value v.
func addQueryFields(vals url.Values, v reflect.Value) {
	t := v.Type()
	for i := range t.NumField() {
		field, fv := t.Field(i), v.Field(i)
		if field.Anonymous && fv.Kind() == reflect.Struct {
			addQueryFields(vals, fv)
			continue
		}
		name := field.Tag.Get("query")
		if name == "" || name == "-" || !field.IsExported() {
			continue
		}
		if s, ok := queryValue(fv); ok {
			vals.Set(name, s)
		}
	}
}

// queryValue formats one field value, reporting false when it is empty.
func queryValue(v reflect.Value) (string, bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return "", false
		}
		return queryValue(v.Elem())
	case reflect.String:
		return v.String(), v.Len() > 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), v.Int() != 0
	case reflect.Bool:
		return "true", v.Bool()
	case reflect.Slice:
		parts := make([]string, 0, v.Len())
		for i := range v.Len() {
			if s, ok := queryValue(v.Index(i)); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ","), len(parts) > 0
	}
	return "", false
}
