package tfe

// AdminSMTP manages Terraform Enterprise's SMTP settings.
//
// Its methods land with the service's issue; this declaration lets the
// Client wire every service from the start.
type AdminSMTP interface{}

// adminSMTP implements AdminSMTP.
type adminSMTP struct {
	client *Client
}

var _ AdminSMTP = (*adminSMTP)(nil)
