package tfetest

// Seeding variables and variable sets. Both can be made through the API;
// these helpers exist so a test can give them fixed IDs (the docs' sample
// requests name IDs) or set them up without HTTP.

// Variable is a variable to seed with AddWorkspaceVariable or inside a
// VariableSet.
type Variable struct {
	// ID is optional; a var-… ID is generated when empty.
	ID string
	// Key is the variable name.
	Key string
	// Value is the value (write-only when Sensitive).
	Value string
	// Description is the variable's description.
	Description string
	// Category is terraform (the default), env or policy-set.
	Category string
	// HCL makes the value an HCL expression.
	HCL bool
	// Sensitive makes the value write-only.
	Sensitive bool
}

// VariableSet is a variable set to seed with AddVariableSet.
type VariableSet struct {
	// ID is optional; a varset-… ID is generated when empty.
	ID string
	// Name is the set's name, unique in its organization.
	Name string
	// Description is the set's description.
	Description string
	// Global applies the set to every workspace of the organization.
	Global bool
	// Priority makes the set's variables override all others.
	Priority bool
	// WorkspaceIDs are the workspaces the set is applied to.
	WorkspaceIDs []string
	// ProjectIDs are the projects the set is applied to.
	ProjectIDs []string
	// StackIDs are the stacks (from AddStack) the set is applied to.
	StackIDs []string
	// ParentProjectID makes the set owned by that project of the
	// organization instead of by the organization (the parent
	// relationship).
	ParentProjectID string
	// Variables are the set's variables.
	Variables []Variable
}

// AddWorkspaceVariable seeds a variable of workspace wsID and returns its
// ID. The API's rules apply: a known category, a key unique per category.
func (s *Server) AddWorkspaceVariable(wsID string, v Variable) string {
	st := s.lock()
	defer st.mu.Unlock()
	ws, ok := st.workspaces[wsID]
	if !ok {
		panic("tfetest: AddWorkspaceVariable: unknown workspace " + quote(wsID))
	}
	nv := st.mustVar("AddWorkspaceVariable", v, st.wsVars(ws.id))
	nv.wsID = ws.id
	st.saveVar(nv)
	return nv.id
}

// AddVariableSet seeds a variable set of org with its variables and
// returns its ID. The workspaces, projects, stacks and parent project must
// belong to org, and the name must be free there, as the API requires.
func (s *Server) AddVariableSet(org string, vs VariableSet) string {
	st := s.lock()
	defer st.mu.Unlock()
	o := st.mustOrg("AddVariableSet", org)
	for _, other := range st.varsets {
		if other.org == o && other.name == vs.Name {
			panic("tfetest: AddVariableSet: duplicate name " + quote(vs.Name) + " in " + quote(org))
		}
	}
	id := vs.ID
	if _, dup := st.varsets[id]; dup || id == "" {
		if dup {
			panic("tfetest: AddVariableSet: duplicate ID " + quote(id))
		}
		id = st.newID("varset")
	}
	set := &varset{
		seq: st.nextSeq(), id: id, org: o, name: vs.Name, description: vs.Description,
		global: vs.Global, priority: vs.Priority, parentType: "organizations", parentID: o.name,
	}
	// must returns the IDs a reference check passed, and panics with the
	// check's detail when it failed.
	must := func(ids []string, apiErr *apiError) []string {
		if apiErr != nil {
			panic("tfetest: AddVariableSet: " + apiErr.Detail)
		}
		return ids
	}
	set.wsIDs = must(st.checkWorkspaceRefs("", o, vs.WorkspaceIDs))
	set.prjIDs = must(st.checkProjectRefs("", o, vs.ProjectIDs))
	set.stackIDs = must(st.checkStackRefs("", o, vs.StackIDs))
	if vs.ParentProjectID != "" {
		must(st.checkProjectRefs("", o, []string{vs.ParentProjectID}))
		set.parentType, set.parentID = "projects", vs.ParentProjectID
	}
	var drafts []*variable
	for _, v := range vs.Variables {
		drafts = append(drafts, st.mustVar("AddVariableSet", v, drafts))
	}
	if apiErr := st.checkGlobalConflict("", set, drafts); apiErr != nil {
		panic("tfetest: AddVariableSet: " + apiErr.Detail)
	}
	st.saveVarset(set, drafts)
	return set.id
}

// mustVar builds a variable from a seed, checking it like the API does.
func (st *store) mustVar(fn string, v Variable, siblings []*variable) *variable {
	if v.Category == "" {
		v.Category = "terraform"
	}
	if _, dup := st.vars[v.ID]; dup {
		panic("tfetest: " + fn + ": duplicate variable ID " + quote(v.ID))
	}
	nv := &variable{
		key: v.Key, value: v.Value, description: v.Description, category: v.Category,
		hcl: v.HCL, sensitive: v.Sensitive,
	}
	in := &input{attrs: map[string]any{}}
	if v.Key == "" || !contains(categories, v.Category) || checkDuplicate(in, nv, siblings) != nil {
		panic("tfetest: " + fn + ": invalid or duplicate variable " + quote(v.Key) + " (" + v.Category + ")")
	}
	nv.id = v.ID
	return nv
}
