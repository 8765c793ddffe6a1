package tfetest

// Inspecting what the server holds, without going through the API: a test
// checks what a write left behind (after a fault, say) without trusting the
// client under test, and sees the values the API never answers (sensitive
// variables).

// WorkspaceVariables reports the variables of workspace wsID as the server
// holds them, in creation order, sensitive values included. It is nil for
// a workspace without variables or one the server does not know.
func (s *Server) WorkspaceVariables(wsID string) []Variable {
	st := s.lock()
	defer st.mu.Unlock()
	var out []Variable
	for _, v := range st.wsVars(wsID) {
		out = append(out, v.report())
	}
	return out
}

// VariableSet reports a variable set as the server holds it, its
// variables' sensitive values included; ok is false for an unknown ID.
func (s *Server) VariableSet(id string) (vs VariableSet, ok bool) {
	st := s.lock()
	defer st.mu.Unlock()
	set, ok := st.varsets[id]
	if !ok {
		return VariableSet{}, false
	}
	vs = VariableSet{
		ID: set.id, Name: set.name, Description: set.description, Global: set.global, Priority: set.priority,
		WorkspaceIDs: append([]string(nil), set.wsIDs...), ProjectIDs: append([]string(nil), set.prjIDs...),
		StackIDs: append([]string(nil), set.stackIDs...),
	}
	if set.parentType == "projects" {
		vs.ParentProjectID = set.parentID
	}
	for _, v := range st.setVars(set) {
		vs.Variables = append(vs.Variables, v.report())
	}
	return vs, true
}

// report is v as a Variable.
func (v *variable) report() Variable {
	return Variable{
		ID: v.id, Key: v.key, Value: v.value, Description: v.description, Category: v.category,
		HCL: v.hcl, Sensitive: v.sensitive,
	}
}
