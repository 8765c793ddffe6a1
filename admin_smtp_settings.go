package tfe

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// AdminSMTP manages the SMTP relay Terraform Enterprise sends its email
// through. Terraform Enterprise only; it needs a site admin's token. On
// HCP Terraform every call fails with an error matching
// ErrResourceNotFound. Methods may be added in later versions.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#list-smtp-settings
type AdminSMTP interface {
	// Read returns the SMTP settings. Terraform Enterprise only.
	//
	// GET /admin/smtp-settings
	// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#list-smtp-settings
	Read(ctx context.Context) (*AdminSMTPSettings, error)

	// Update changes the settings opts sets and leaves the others. With a
	// TestEmailAddress the service sends a test message during the
	// request; when delivery fails the error matches ErrSMTPCredentials
	// (401), ErrSMTPServer (500) or ErrSMTPTimeout (504), and is an
	// *APIError. The request is never re-sent, so neither is the test
	// message. Terraform Enterprise only.
	//
	// PATCH /admin/smtp-settings
	// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#update-smtp-settings
	Update(ctx context.Context, opts AdminSMTPSettingsUpdateOptions) (*AdminSMTPSettings, error)
}

// adminSMTP implements AdminSMTP.
type adminSMTP struct {
	client *Client
}

var _ AdminSMTP = (*adminSMTP)(nil)

// Errors of AdminSMTP.Update, matched with errors.Is on its *APIError.
// Terraform Enterprise only.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#update-smtp-settings
var (
	// ErrSMTPServer is a 500 answer to AdminSMTP.Update: the SMTP server
	// answered the test message with an error.
	ErrSMTPServer = errors.New("SMTP server returned an error")
	// ErrSMTPTimeout is a 504 answer to AdminSMTP.Update: the SMTP server
	// did not answer in time.
	ErrSMTPTimeout = errors.New("SMTP server timed out")
)

// Local validation errors of AdminSMTPSettingsUpdateOptions.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#update-smtp-settings
var (
	// ErrInvalidSMTPAuth is an auth type other than none, plain and login.
	ErrInvalidSMTPAuth = newSentinel("SMTP auth must be one of none, plain, login", ErrValidation)
	// ErrInvalidSMTPPort is a port outside 1..65535.
	ErrInvalidSMTPPort = newSentinel("SMTP port must be between 1 and 65535", ErrValidation)
)

// SMTPAuthType is how Terraform Enterprise authenticates to the SMTP
// server.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#update-smtp-settings
type SMTPAuthType string

// The SMTP authentication types.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#update-smtp-settings
const (
	// SMTPAuthNone sends no credentials.
	SMTPAuthNone SMTPAuthType = "none"
	// SMTPAuthPlain uses the PLAIN mechanism with Username and Password.
	SMTPAuthPlain SMTPAuthType = "plain"
	// SMTPAuthLogin uses the LOGIN mechanism with Username and Password.
	SMTPAuthLogin SMTPAuthType = "login"
)

// valid reports whether a is one of the known types.
func (a SMTPAuthType) valid() bool {
	return a == SMTPAuthNone || a == SMTPAuthPlain || a == SMTPAuthLogin
}

// AdminSMTPSettings are Terraform Enterprise's SMTP settings. The password
// and the test address are write-only: the service never returns them.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#list-smtp-settings
type AdminSMTPSettings struct {
	// ID is the settings' ID, always "smtp".
	ID string `json:"-"`
	// Enabled reports whether email is sent.
	Enabled bool `json:"enabled"`
	// Host is the SMTP server's host.
	Host string `json:"host"`
	// Port is the SMTP server's port.
	Port int `json:"port"`
	// Sender is the From address of the email.
	Sender string `json:"sender"`
	// Auth is the authentication type.
	Auth SMTPAuthType `json:"auth"`
	// Username authenticates with plain and login.
	Username string `json:"username"`
}

// AdminSMTPSettingsUpdateOptions changes the SMTP settings: nil leaves a
// setting as it is. At least one field must be set. Password and
// TestEmailAddress are write-only: the SDK never logs them or puts them in
// an error, and they are left out when the options are marshalled to JSON.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/admin/settings#update-smtp-settings
type AdminSMTPSettingsUpdateOptions struct {
	// Enabled turns email on; then every other setting must be valid.
	Enabled *bool `json:"enabled,omitempty"`
	// Host is the SMTP server's host.
	Host *string `json:"host,omitempty"`
	// Port is the SMTP server's port, 1..65535.
	Port *int `json:"port,omitempty"`
	// Sender is the From address, a bare address such as
	// noreply@example.com.
	Sender *string `json:"sender,omitempty"`
	// Auth is none, plain or login.
	Auth *SMTPAuthType `json:"auth,omitempty"`
	// Username authenticates with plain and login.
	Username *string `json:"username,omitempty"`
	// Password authenticates with plain and login. Write-only.
	Password *string `json:"-"`
	// TestEmailAddress receives a test message sent during the update; the
	// service does not keep it. Write-only.
	TestEmailAddress *string `json:"-"`
}

// validate checks the options before any request; errors never repeat the
// password or an address.
func (o AdminSMTPSettingsUpdateOptions) validate() error {
	const options = "AdminSMTPSettingsUpdateOptions"
	if o.Port != nil && (*o.Port < 1 || *o.Port > 65535) {
		return invalid(ErrInvalidSMTPPort, options+".Port", fmt.Sprintf("got %d", *o.Port))
	}
	if o.Auth != nil && !o.Auth.valid() {
		return invalid(ErrInvalidSMTPAuth, options+".Auth", fmt.Sprintf("got %q", cutString(string(*o.Auth), 16)))
	}
	if o.Sender != nil {
		if err := checkEmail(options+".Sender", *o.Sender); err != nil {
			return err
		}
	}
	if o.TestEmailAddress != nil {
		return checkEmail(options+".TestEmailAddress", *o.TestEmailAddress)
	}
	return nil
}

// smtpSettingsAttributes are the attributes of an update: the options,
// whose own tags name the settings, and the write-only values, which the
// options keep out of JSON so that marshalling them elsewhere cannot
// leak them.
type smtpSettingsAttributes struct {
	AdminSMTPSettingsUpdateOptions
	Password         *string `json:"password,omitempty"`
	TestEmailAddress *string `json:"test-email-address,omitempty"`
}

// smtpSettingsPath is the settings' path.
const smtpSettingsPath = "admin/smtp-settings"

// Read implements AdminSMTP.
func (s *adminSMTP) Read(ctx context.Context) (*AdminSMTPSettings, error) {
	settings, err := requestOne(ctx, s.client, get(smtpSettingsPath, nil), smtpSettingsDecoder)
	return settings, smtpError(err)
}

// Update implements AdminSMTP.
func (s *adminSMTP) Update(ctx context.Context, opts AdminSMTPSettingsUpdateOptions) (*AdminSMTPSettings, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if opts == (AdminSMTPSettingsUpdateOptions{}) {
		return nil, nothingToUpdate("AdminSMTPSettingsUpdateOptions")
	}
	attrs := smtpSettingsAttributes{opts, opts.Password, opts.TestEmailAddress}
	cl := patch(smtpSettingsPath, newDocument("smtp-settings", attrs)).hiding(deref(opts.Password), deref(opts.TestEmailAddress))
	settings, err := requestOne(ctx, s.client, cl, smtpSettingsDecoder)
	return settings, smtpError(err)
}

// smtpError explains the answers this endpoint gives its own meaning: 404
// (no admin API here, or not a site admin) for both methods, and 401, 500
// and 504, which only Update's test message causes (a Read answers 401
// for a bad API token, as every endpoint does).
func smtpError(err error) error {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return err
	}
	if apiErr.StatusCode == http.StatusNotFound {
		return fmt.Errorf("%w (the admin API exists only on Terraform Enterprise, for site admins; HCP Terraform answers 404)", err)
	}
	if apiErr.Method == http.MethodPatch {
		apiErr.kind = smtpDeliveryErrors[apiErr.StatusCode]
	}
	return err
}

// smtpDeliveryErrors map the statuses of a failed test message to their
// sentinels.
var smtpDeliveryErrors = map[int]error{
	http.StatusUnauthorized:        ErrSMTPCredentials,
	http.StatusInternalServerError: ErrSMTPServer,
	http.StatusGatewayTimeout:      ErrSMTPTimeout,
}

// smtpSettingsDecoder decodes smtp-settings resources.
var smtpSettingsDecoder = newDecoder(attributesOnly("smtp-settings", func(s *AdminSMTPSettings, id string) { s.ID = id }))
