package tfe

// RegistryModules manages private registry modules.
//
// Its methods land with the service's issue; this declaration lets the
// Client wire every service from the start.
type RegistryModules interface{}

// registryModules implements RegistryModules.
type registryModules struct {
	client *Client
}

var _ RegistryModules = (*registryModules)(nil)
