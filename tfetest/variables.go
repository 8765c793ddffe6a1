package tfetest

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Shared rules for workspace variables and variable set variables.

// maxVarDescription is the longest description, in characters, the
// service takes for a variable (workspace and variable set variables
// alike).
const maxVarDescription = 512

// categories are the variable categories the service accepts.
var categories = []string{"terraform", "env", "policy-set"}

// varFromBody reads a variables document and drafts it over old (nil on
// create; on update an id in the body must be old's); check then refuses
// a key and category the variable's siblings already have. rels are the
// relationships the document may carry.
func varFromBody(r *http.Request, old *variable, check func(*input, *variable) *apiError, rels ...string) (*variable, *apiError) {
	in, apiErr := readResource(r, []string{"vars"}, varAttrs, rels...)
	if apiErr != nil {
		return nil, apiErr
	}
	if old != nil && in.ID != "" && in.ID != old.id {
		return nil, errInvalid("/data/id", "id "+quote(in.ID)+" does not match the variable in the path")
	}
	v, apiErr := draftVar(in, old)
	if apiErr != nil {
		return nil, apiErr
	}
	return v, check(in, v)
}

// draftVar applies the attributes of in to a copy of old (a new variable
// when old is nil) and checks them: key and category are required on
// create, the category must be known, and a sensitive variable cannot be
// made non-sensitive.
func draftVar(in *input, old *variable) (*variable, *apiError) {
	v := &variable{}
	if old != nil {
		*v = *old
	}
	if key, ok := in.str("key"); ok {
		v.key = key
	}
	if strings.TrimSpace(v.key) == "" {
		return nil, errInvalid(in.attr("key"), "key can't be blank")
	}
	if c, ok := in.str("category"); ok {
		if !contains(categories, c) {
			return nil, errInvalid(in.attr("category"), "category must be one of terraform, env, policy-set; got "+quote(c))
		}
		v.category = c
	} else if old == nil {
		return nil, errInvalid(in.attr("category"), "category is required")
	}
	if val, ok := in.str("value"); ok {
		v.value = val
	}
	if d, ok := in.str("description"); ok {
		if n := utf8.RuneCountInString(d); n > maxVarDescription {
			return nil, errInvalid(in.attr("description"), "Description is too long (maximum is 512 characters, got "+strconv.Itoa(n)+")")
		}
		v.description = d
	}
	if h, ok := in.boolean("hcl"); ok {
		v.hcl = h
	}
	if sens, ok := in.boolean("sensitive"); ok {
		if old != nil && old.sensitive && !sens {
			return nil, errInvalid(in.attr("sensitive"), "a sensitive variable cannot be made non-sensitive")
		}
		v.sensitive = sens
	}
	return v, nil
}

// draftVarItems reads the vars relationship of in: variables with inline
// attributes. match finds the stored variable an item updates (nil for a
// new one); two items with the same key and category answer 422.
func draftVarItems(in *input, match func(it *input) (*variable, *apiError)) ([]*variable, *apiError) {
	items, _, apiErr := in.relInline("vars", []string{"vars"}, varAttrs)
	if apiErr != nil {
		return nil, apiErr
	}
	var out []*variable
	for _, it := range items {
		old, apiErr := match(it)
		if apiErr != nil {
			return nil, apiErr
		}
		v, apiErr := draftVar(it, old)
		if apiErr != nil {
			return nil, apiErr
		}
		if apiErr := checkDuplicate(it, v, out); apiErr != nil {
			return nil, apiErr
		}
		out = append(out, v)
	}
	return out, nil
}

// checkDuplicate refuses v when another variable among siblings has the
// same key and category.
func checkDuplicate(in *input, v *variable, siblings []*variable) *apiError {
	for _, o := range siblings {
		if o == v || (v.id != "" && o.id == v.id) {
			continue
		}
		if o.key == v.key && o.category == v.category {
			return errInvalid(in.attr("key"), "key "+quote(v.key)+" has already been taken for category "+quote(v.category))
		}
	}
	return nil
}

// checkGlobalConflict refuses variables for a global set vs when another
// global set of the same organization defines the same key and category.
func (st *store) checkGlobalConflict(ptr string, vs *varset, vars []*variable) *apiError {
	if !vs.global {
		return nil
	}
	for _, other := range st.varsets {
		if other.id == vs.id || !other.global || other.org != vs.org {
			continue
		}
		for _, ov := range st.setVars(other) {
			for _, v := range vars {
				if ov.key == v.key && ov.category == v.category {
					return errInvalid(ptr, "variable "+quote(v.key)+" ("+v.category+") conflicts with global variable set "+quote(other.name))
				}
			}
		}
	}
	return nil
}

// saveVar stores v, giving a new variable its ID, and stamps a new version.
func (st *store) saveVar(v *variable) *variable {
	if v.id == "" {
		v.id = st.newID("var")
	}
	if v.seq == 0 {
		v.seq = st.nextSeq()
		v.createdAt = st.timestamp()
	}
	v.versionID = st.hexID()
	st.vars[v.id] = v
	return v
}

// wsVars returns the variables of a workspace in creation order.
func (st *store) wsVars(wsID string) []*variable {
	var out []*variable
	for _, v := range sortedBy(st.vars, func(v *variable) int { return v.seq }) {
		if v.wsID == wsID {
			out = append(out, v)
		}
	}
	return out
}

// setVars returns the variables of a variable set in creation order.
func (st *store) setVars(vs *varset) []*variable {
	out := make([]*variable, 0, len(vs.varIDs))
	for _, id := range vs.varIDs {
		if v, ok := st.vars[id]; ok {
			out = append(out, v)
		}
	}
	return out
}

// varResource renders a variable. A sensitive value is write-only: it
// reads back as "".
func (st *store) varResource(v *variable) resource {
	value := v.value
	if v.sensitive {
		value = ""
	}
	res := resource{
		ID:   v.id,
		Type: "vars",
		Attributes: map[string]any{
			"key":         v.key,
			"value":       value,
			"description": v.description,
			"category":    v.category,
			"hcl":         v.hcl,
			"sensitive":   v.sensitive,
			"created-at":  formatTime(v.createdAt),
			"version-id":  v.versionID,
		},
	}
	if ws, ok := st.workspaces[v.wsID]; ok {
		rel := toOne("workspaces", ws.id)
		rel.Links = map[string]string{"related": apiPath("organizations", ws.org.name, "workspaces", ws.name)}
		res.Relationships = map[string]relationship{"configurable": rel}
		res.Links = map[string]string{"self": apiPath("workspaces", ws.id, "vars", v.id)}
	} else {
		rel := toOne("varsets", v.varsetID)
		rel.Links = map[string]string{"related": apiPath("varsets", v.varsetID)}
		res.Relationships = map[string]relationship{"configurable": rel, "varset": rel}
		res.Links = map[string]string{"self": apiPath("vars", v.id)}
	}
	return res
}

// hexID makes a 32-digit hex identifier, as variable version IDs are.
func (st *store) hexID() string {
	const hex = "0123456789abcdef"
	b := make([]byte, 32)
	for i := range b {
		b[i] = hex[st.rng.IntN(16)]
	}
	return string(b)
}
