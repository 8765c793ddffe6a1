package tfetest

// Stacks exist in the fake only to have variable sets applied to them:
// the API makes a stack from a VCS repository, which the fake has not, so
// tests seed them with AddStack.

// Stack is a stack to seed with AddStack.
type Stack struct {
	// ID is optional; an st-… ID is generated when empty.
	ID string
	// Name is the stack's name.
	Name string
	// ProjectID defaults to the organization's default project.
	ProjectID string
}

// AddStack seeds a stack in org and returns its ID. Variable sets can then
// be applied to it (POST varsets/:id/relationships/stacks) and include it
// (include=stacks).
func (s *Server) AddStack(org string, stk Stack) string {
	st := s.lock()
	defer st.mu.Unlock()
	o := st.mustOrg("AddStack", org)
	rec := &stack{seq: st.nextSeq(), id: st.mustNewID("AddStack", stk.ID, "st"), name: stk.Name, org: o, projectID: stk.ProjectID}
	if rec.projectID == "" {
		rec.projectID = o.defaultProjectID
	}
	if p, ok := st.projects[rec.projectID]; !ok || p.org != o {
		panic("tfetest: AddStack: project " + quote(rec.projectID) + " not found in " + quote(org))
	}
	st.stacks[rec.id] = rec
	return rec.id
}

func stackResource(s *stack) resource {
	return resource{
		ID: s.id, Type: "stacks",
		Attributes: map[string]any{"name": s.name},
		Relationships: map[string]relationship{
			"project": toOne("projects", s.projectID),
		},
		Links: map[string]string{"self": apiPath("stacks", s.id)},
	}
}
