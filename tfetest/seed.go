package tfetest

import (
	"slices"
)

// Seeding: what users cannot create through the API the fake serves.
// Each method panics on misuse (an unknown organization, a duplicate ID or
// name), as a test helper should, so a broken fixture fails at once.

// Project is a project to seed with AddProject.
type Project struct {
	// ID is optional; a prj-… ID is generated when empty.
	ID string
	// Name is the project's name.
	Name string
}

// AgentPool is an agent pool to seed with AddAgentPool.
type AgentPool struct {
	// ID is optional; an apool-… ID is generated when empty.
	ID string
	// Name is the pool's name.
	Name string
}

// Workspace is a workspace to seed with AddWorkspace, and what
// Server.Workspace reports.
type Workspace struct {
	// ID is optional; a ws-… ID is generated when empty.
	ID string
	// Name is the workspace name, unique in its organization.
	Name string
	// ProjectID defaults to the organization's default project.
	ProjectID string
	// Description is the workspace description.
	Description string
	// ExecutionMode is remote (the default), local or agent.
	ExecutionMode string
	// AgentPoolID is required with agent mode and refused otherwise.
	AgentPoolID string
	// TerraformVersion defaults to a recent release.
	TerraformVersion string
	// AutoApply is the workspace's auto-apply setting.
	AutoApply bool

	// Organization is reported by Server.Workspace; AddWorkspace ignores it.
	Organization string
	// NoCodeModuleID is the no-code module the workspace was made from
	// (reported only).
	NoCodeModuleID string
	// ModuleVersion is the module version the workspace runs; a confirmed
	// upgrade moves it (reported only).
	ModuleVersion string
}

// RegistryModule is a private registry module to seed with
// AddRegistryModule, with its published versions.
type RegistryModule struct {
	// ID is optional; a mod-… ID is generated when empty.
	ID string
	// Name is the module name.
	Name string
	// Provider is the module's provider, e.g. aws.
	Provider string
	// RegistryName is private (the default) or public.
	RegistryName string
	// Namespace defaults to the organization name.
	Namespace string
	// Versions are the published versions.
	Versions []ModuleVersion
}

// ModuleVersion is a published version of a registry module and the
// variables it declares.
type ModuleVersion struct {
	// Version is the semantic version, e.g. 1.4.0.
	Version string
	// Variables are the input variables the version declares.
	Variables []ModuleVariable
}

// ModuleVariable is a variable a module version declares, as the no-code
// module-variables endpoint reports it.
type ModuleVariable struct {
	// Name is the variable name.
	Name string
	// Type is the Terraform type, e.g. string.
	Type string
	// Description is the variable's description.
	Description string
	// Default is the default value, nil for none.
	Default any
	// Required reports that the variable has no default.
	Required bool
	// Sensitive reports a sensitive variable.
	Sensitive bool
	// Options are allowed values the module author lists.
	Options []string
}

// AddOrganization seeds an organization (email defaults to
// <name>@example.com) with its default project and default token TTL
// policies. Organizations can also be created through the API.
func (s *Server) AddOrganization(name, email string) {
	st := s.lock()
	defer st.mu.Unlock()
	if _, ok := st.orgs[name]; ok || !validName(name) {
		panic("tfetest: AddOrganization: invalid or duplicate organization name " + quote(name))
	}
	if email == "" {
		email = name + "@example.com"
	}
	st.addOrg(st.newOrg(name, email))
}

// DefaultProjectID returns the ID of the default project of org.
func (s *Server) DefaultProjectID(org string) string {
	st := s.lock()
	defer st.mu.Unlock()
	return st.mustOrg("DefaultProjectID", org).defaultProjectID
}

// AddProject seeds a project in org and returns its ID.
func (s *Server) AddProject(org string, p Project) string {
	st := s.lock()
	defer st.mu.Unlock()
	o := st.mustOrg("AddProject", org)
	prj := &project{id: st.mustNewID("AddProject", p.ID, "prj"), name: p.Name, org: o}
	st.addProject(prj)
	return prj.id
}

// AddAgentPool seeds an agent pool in org and returns its ID.
func (s *Server) AddAgentPool(org string, p AgentPool) string {
	st := s.lock()
	defer st.mu.Unlock()
	o := st.mustOrg("AddAgentPool", org)
	pool := &agentPool{id: st.mustNewID("AddAgentPool", p.ID, "apool"), name: p.Name, org: o, orgScoped: true}
	st.addAgentPool(pool)
	return pool.id
}

// AddWorkspace seeds a workspace in org and returns its ID. The agent pool
// rules of the API apply: agent mode needs a pool of org, other modes none.
func (s *Server) AddWorkspace(org string, ws Workspace) string {
	st := s.lock()
	defer st.mu.Unlock()
	o := st.mustOrg("AddWorkspace", org)
	w := &workspace{
		id: st.mustNewID("AddWorkspace", ws.ID, "ws"), name: ws.Name, org: o,
		projectID:   st.mustProject("AddWorkspace", o, ws.ProjectID),
		description: ws.Description, execMode: ws.ExecutionMode, poolID: ws.AgentPoolID,
		terraformVersion: ws.TerraformVersion, autoApply: ws.AutoApply,
	}
	if w.execMode == "" {
		w.execMode = "remote"
	}
	if w.terraformVersion == "" {
		w.terraformVersion = defaultTerraformVersion
	}
	if !validName(w.name) || st.workspaceByName(o, w.name) != nil {
		panic("tfetest: AddWorkspace: invalid or duplicate workspace name " + quote(w.name))
	}
	if !contains(execModes, w.execMode) {
		panic("tfetest: AddWorkspace: unknown execution mode " + quote(w.execMode))
	}
	if apiErr := st.checkPool(o, w.execMode, w.poolID, ""); apiErr != nil {
		panic("tfetest: AddWorkspace: " + apiErr.Detail)
	}
	st.addWorkspace(w)
	return w.id
}

// Workspace reports a workspace as the server holds it, whether seeded or
// made from a no-code module, so a test can check what a confirm changed.
func (s *Server) Workspace(id string) (Workspace, bool) {
	st := s.lock()
	defer st.mu.Unlock()
	ws, ok := st.workspaces[id]
	if !ok {
		return Workspace{}, false
	}
	mode, pool := st.execution(ws)
	return Workspace{
		ID: ws.id, Name: ws.name, ProjectID: ws.projectID, Description: ws.description,
		ExecutionMode: mode, AgentPoolID: pool, TerraformVersion: ws.terraformVersion,
		AutoApply: ws.autoApply, Organization: ws.org.name, NoCodeModuleID: ws.noCodeID,
		ModuleVersion: ws.moduleVersion,
	}, true
}

// AddRegistryModule seeds a registry module with its published versions in
// org and returns its ID.
func (s *Server) AddRegistryModule(org string, m RegistryModule) string {
	st := s.lock()
	defer st.mu.Unlock()
	o := st.mustOrg("AddRegistryModule", org)
	rm := &registryModule{
		id: st.mustNewID("AddRegistryModule", m.ID, "mod"), org: o, name: m.Name, provider: m.Provider,
		registry: m.RegistryName, namespace: m.Namespace,
	}
	if rm.registry == "" {
		rm.registry = "private"
	}
	if rm.namespace == "" {
		rm.namespace = o.name
	}
	if !validName(rm.name) || !validName(rm.provider) || st.findModule(o, rm.registry, rm.namespace, rm.name, rm.provider) != nil {
		panic("tfetest: AddRegistryModule: invalid or duplicate module " + quote(rm.name) + "/" + quote(rm.provider))
	}
	st.addModule(rm)
	for _, v := range m.Versions {
		st.addModuleVersion(rm, v)
	}
	return rm.id
}

// AddModuleVersion publishes another version of a seeded registry module.
func (s *Server) AddModuleVersion(moduleID string, v ModuleVersion) {
	st := s.lock()
	defer st.mu.Unlock()
	m, ok := st.modules[moduleID]
	if !ok {
		panic("tfetest: AddModuleVersion: unknown module " + quote(moduleID))
	}
	st.addModuleVersion(m, v)
}

func (st *store) addModuleVersion(m *registryModule, v ModuleVersion) {
	if v.Version == "" || m.version(v.Version) != nil {
		panic("tfetest: invalid or duplicate module version " + quote(v.Version))
	}
	now := st.timestamp()
	mv := &moduleVersion{version: v.Version, id: st.newID("modver"), status: "ok", created: now, updated: now}
	for _, mvar := range v.Variables {
		mvar.Options = slices.Clone(mvar.Options)
		mv.vars = append(mv.vars, moduleVar{id: st.newID("rmvar"), ModuleVariable: mvar})
	}
	m.versions = append(m.versions, mv)
	m.updatedAt = st.timestamp()
}

// SetUpgradeStates replaces the run-state script of upgrades initiated
// from now on (see WithUpgradeStates).
func (s *Server) SetUpgradeStates(states ...string) {
	st := s.lock()
	defer st.mu.Unlock()
	st.upgradeStates = slices.Clone(states)
}

func (st *store) mustOrg(fn, name string) *org {
	o, ok := st.orgs[name]
	if !ok {
		panic("tfetest: " + fn + ": unknown organization " + quote(name))
	}
	return o
}

// mustProject returns the project ID a seed gives for o, o's default
// project when id is empty; it panics when o has no such project.
func (st *store) mustProject(fn string, o *org, id string) string {
	if id == "" {
		return o.defaultProjectID
	}
	if p, ok := st.projects[id]; !ok || p.org != o {
		panic("tfetest: " + fn + ": project " + quote(id) + " not found in " + quote(o.name))
	}
	return id
}

// mustNewID returns id when free, a new ID with prefix when id is empty.
func (st *store) mustNewID(fn, id, prefix string) string {
	if id == "" {
		return st.newID(prefix)
	}
	_, a := st.workspaces[id]
	_, b := st.projects[id]
	_, c := st.pools[id]
	_, d := st.modules[id]
	_, e := st.stacks[id]
	if a || b || c || d || e {
		panic("tfetest: " + fn + ": duplicate ID " + quote(id))
	}
	return id
}
