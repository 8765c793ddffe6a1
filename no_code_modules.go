package tfe

// NoCodeModules manages no-code provisioning.
//
// Its methods land with the service's issue; this declaration lets the
// Client wire every service from the start.
type NoCodeModules interface{}

// noCodeModules implements NoCodeModules.
type noCodeModules struct {
	client *Client
}

var _ NoCodeModules = (*noCodeModules)(nil)
