package tfetest

// Demo holds the IDs SeedDemo made.
type Demo struct {
	// Organization is the organization seeded into.
	Organization string
	// ProjectID is the project "platform".
	ProjectID string
	// AgentPoolID is the agent pool "private-net".
	AgentPoolID string
	// WorkspaceID is the workspace "demo-workspace".
	WorkspaceID string
	// RegistryModuleID is the private module "app/aws".
	RegistryModuleID string
}

// SeedDemo seeds org (creating it when missing) with what the no-code and
// admin scenarios need: a project "platform", an agent pool "private-net",
// a workspace "demo-workspace" in the project, and a private registry
// module "app/aws" with versions 1.4.0 and 1.5.0 whose variables are
// region (string, required), instance_size (string, default "small") and
// db_password (string, sensitive).
func (s *Server) SeedDemo(org string) Demo {
	s.st.mu.Lock()
	_, exists := s.st.orgs[org]
	s.st.mu.Unlock()
	if !exists {
		s.AddOrganization(org, "")
	}
	d := Demo{Organization: org}
	d.ProjectID = s.AddProject(org, Project{Name: "platform"})
	d.AgentPoolID = s.AddAgentPool(org, AgentPool{Name: "private-net"})
	d.WorkspaceID = s.AddWorkspace(org, Workspace{Name: "demo-workspace", ProjectID: d.ProjectID})
	vars := []ModuleVariable{
		{Name: "region", Type: "string", Description: "Cloud region to deploy into", Required: true},
		{Name: "instance_size", Type: "string", Description: "Instance size", Default: "small", Options: []string{"small", "medium", "large"}},
		{Name: "db_password", Type: "string", Description: "Database password", Required: true, Sensitive: true},
	}
	d.RegistryModuleID = s.AddRegistryModule(org, RegistryModule{
		Name: "app", Provider: "aws",
		Versions: []ModuleVersion{{Version: "1.4.0", Variables: vars}, {Version: "1.5.0", Variables: vars}},
	})
	return d
}
