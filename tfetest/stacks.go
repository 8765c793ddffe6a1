package tfetest

// Stacks exist in the fake only to have variable sets applied to them:
// the API makes a stack from a VCS repository, which the fake has not, so
// tests seed them with AddStack. GET organizations/:org/stacks (with
// search[name] and filter[project][id]) and GET stacks/:id read them.

import (
	"net/http"
	"strings"
)

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
	rec := &stack{
		seq: st.nextSeq(), id: st.mustNewID("AddStack", stk.ID, "st"), name: stk.Name, org: o,
		projectID: st.mustProject("AddStack", o, stk.ProjectID),
	}
	st.stacks[rec.id] = rec
	return rec.id
}

func (st *store) listStacks(r *http.Request) (int, any, *apiError) {
	o, p, apiErr := st.orgPage(r)
	if apiErr != nil {
		return fail(apiErr)
	}
	q := r.URL.Query()
	name, prj := strings.ToLower(q.Get("search[name]")), q.Get("filter[project][id]")
	var all []*stack
	for _, s := range sortedBy(st.stacks, func(s *stack) int { return s.seq }) {
		if s.org == o && strings.Contains(strings.ToLower(s.name), name) && (prj == "" || s.projectID == prj) {
			all = append(all, s)
		}
	}
	return pageOf(r, p, all, stackResource)
}

func (st *store) readStack(r *http.Request) (int, any, *apiError) {
	s, apiErr := find(st.stacks, r.PathValue("id"), "stack")
	if apiErr != nil {
		return fail(apiErr)
	}
	return one(http.StatusOK, stackResource(s), nil)
}

func stackResource(s *stack) resource {
	return resource{
		ID: s.id, Type: "stacks",
		Attributes: map[string]any{"name": s.name},
		Relationships: map[string]relationship{
			"organization": toOne("organizations", s.org.name),
			"project":      toOne("projects", s.projectID),
		},
		Links: map[string]string{"self": apiPath("stacks", s.id)},
	}
}
