package tfetest

import (
	"reflect"
	"testing"
)

func TestInspectReportsWritesWithSensitiveValues(t *testing.T) {
	srv, a := newAPI(t, WithOrganization("acme"))
	ws := srv.AddWorkspace("acme", Workspace{Name: "web"})
	if got := srv.WorkspaceVariables(ws); got != nil {
		t.Fatalf("a new workspace has variables %+v", got)
	}
	a.do("POST", "workspaces/"+ws+"/vars", res("vars", map[string]any{"key": "k", "value": "hidden", "category": "env", "sensitive": true}, nil)).want(201)
	vars := srv.WorkspaceVariables(ws)
	if len(vars) != 1 || vars[0].ID == "" || vars[0].Key != "k" || vars[0].Value != "hidden" || !vars[0].Sensitive || vars[0].Category != "env" {
		t.Fatalf("after create: %+v", vars)
	}
	if got := srv.WorkspaceVariables("ws-nope"); got != nil {
		t.Fatalf("an unknown workspace has variables %+v", got)
	}

	id := srv.AddVariableSet("acme", VariableSet{Name: "s", WorkspaceIDs: []string{ws}, Variables: []Variable{{Key: "a", Value: "v", Sensitive: true}}})
	a.do("PUT", "varsets/"+id, res("varsets", map[string]any{"description": "put"}, nil)).want(200)
	vs, ok := srv.VariableSet(id)
	want := VariableSet{ID: id, Name: "s", Description: "put", WorkspaceIDs: []string{ws}, Variables: []Variable{{ID: vs.Variables[0].ID, Key: "a", Value: "v", Category: "terraform", Sensitive: true}}}
	if !ok || !reflect.DeepEqual(vs, want) {
		t.Fatalf("VariableSet = %+v, %v\nwant %+v", vs, ok, want)
	}
	if _, ok := srv.VariableSet("varset-nope"); ok {
		t.Fatal("an unknown set was found")
	}
}
