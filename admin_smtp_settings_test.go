package tfe

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

// The SMTP tests' write-only values; TestMain fails the run if the suite's
// debug log shows either.
var (
	smtpPassword    = plantSecret("smtp-pa$$w0rd-<7c1e>")
	smtpTestAddress = plantSecret("ops-7c1e@example.com")
)

// seedSMTPOptions are seed 002's SMTP settings.
func seedSMTPOptions() AdminSMTPSettingsUpdateOptions {
	return AdminSMTPSettingsUpdateOptions{
		Enabled:          Ptr(true),
		Host:             Ptr("smtp.example.com"),
		Port:             Ptr(587),
		Sender:           Ptr("noreply@example.com"),
		Auth:             Ptr(SMTPAuthLogin),
		Username:         Ptr("smtp-bot"),
		Password:         Ptr(smtpPassword),
		TestEmailAddress: Ptr(smtpTestAddress),
	}
}

func TestAdminSMTPRead(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/admin/smtp-settings", golden: "", status: 200, fixture: "smtp_settings/read.response.json"})
	got, err := ts.client.Admin.SMTP.Read(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := AdminSMTPSettings{ID: "smtp", Enabled: true, Host: "example.com", Port: 25,
		Sender: "sample_user@example.com", Auth: SMTPAuthLogin, Username: "sample_user"}
	if *got != want {
		t.Errorf("settings = %+v, want %+v", got, want)
	}
}

func TestAdminSMTPUpdate(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/admin/smtp-settings", golden: "smtp_settings/update.request.json", status: 200, fixture: "smtp_settings/update.response.json"})
	got, err := ts.client.Admin.SMTP.Update(context.Background(), seedSMTPOptions())
	if err != nil {
		t.Fatal(err)
	}
	if got.Host != "smtp.example.com" || got.Port != 587 || got.Auth != SMTPAuthLogin || got.Username != "smtp-bot" {
		t.Errorf("settings = %+v", got)
	}
}

// TestAdminSMTPDeliveryFailures checks each documented failure of the
// test message: its sentinel, an *APIError with the status, and exactly
// one request (a PATCH is never re-sent, so neither is the test email).
func TestAdminSMTPDeliveryFailures(t *testing.T) {
	cases := []struct {
		status   int
		sentinel error
	}{
		{401, ErrSMTPCredentials},
		{500, ErrSMTPServer},
		{504, ErrSMTPTimeout},
	}
	for _, tc := range cases {
		t.Run(http.StatusText(tc.status), func(t *testing.T) {
			ts := setup(t)
			ts.expect(exchange{method: "PATCH", path: "/admin/smtp-settings", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
				respond(w, tc.status, fixture(ts, "smtp_settings/error-"+strconv.Itoa(tc.status)+".response.json"))
			}})
			_, err := ts.client.Admin.SMTP.Update(context.Background(), seedSMTPOptions())
			var apiErr *APIError
			if !errors.Is(err, tc.sentinel) || !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status {
				t.Errorf("err = %v, want a %d *APIError matching %v", err, tc.status, tc.sentinel)
			}
			if errors.Is(err, ErrUnauthorized) {
				t.Errorf("err matches ErrUnauthorized, but the API token was fine: %v", err)
			}
			if !strings.Contains(err.Error(), tc.sentinel.Error()) {
				t.Errorf("the message does not say %q: %v", tc.sentinel, err)
			}
			if n := ts.count(); n != 1 {
				t.Errorf("%d requests, want exactly 1", n)
			}
		})
	}
}

func TestAdminSMTPReadUnauthorizedIsTheToken(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/admin/smtp-settings", anyRequest: true, status: 401, body: `{"errors":[{"status":"401","title":"unauthorized"}]}`})
	_, err := ts.client.Admin.SMTP.Read(context.Background())
	if !errors.Is(err, ErrUnauthorized) || errors.Is(err, ErrSMTPCredentials) {
		t.Errorf("err = %v, want ErrUnauthorized", err)
	}
}

func TestAdminSMTPNotFoundSaysTerraformEnterpriseOnly(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/admin/smtp-settings", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
	ts.expect(exchange{method: "PATCH", path: "/admin/smtp-settings", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
	_, readErr := ts.client.Admin.SMTP.Read(context.Background())
	_, updateErr := ts.client.Admin.SMTP.Update(context.Background(), AdminSMTPSettingsUpdateOptions{Enabled: Ptr(false)})
	for _, err := range []error{readErr, updateErr} {
		var apiErr *APIError
		if !errors.Is(err, ErrResourceNotFound) || !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
			t.Errorf("err = %v, want a 404 *APIError matching ErrResourceNotFound", err)
		}
		if err != nil && !strings.Contains(err.Error(), "only on Terraform Enterprise") {
			t.Errorf("the error does not say Terraform Enterprise only: %v", err)
		}
	}
}

// TestAdminSMTPErrorNeverShowsTheWriteOnlyValues has the service echo the
// password and the test address in its error; neither reaches the error
// (nor, by TestMain's check, the debug log).
func TestAdminSMTPErrorNeverShowsTheWriteOnlyValues(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/admin/smtp-settings", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 500, `{"errors":[{"status":"500","title":"`+jsonEscape(smtpPassword)+`",`+
			`"detail":"550 mailbox <`+smtpTestAddress+`> unavailable"}]}`)
	}})
	_, err := ts.client.Admin.SMTP.Update(context.Background(), seedSMTPOptions())
	if !errors.Is(err, ErrSMTPServer) {
		t.Fatalf("err = %v, want ErrSMTPServer", err)
	}
	if msg := err.Error(); strings.Contains(msg, smtpTestAddress) || strings.Contains(msg, smtpPassword) {
		t.Errorf("the error shows a write-only value: %v", err)
	}
}

func TestAdminSMTPOptionsKeepTheSecretsOutOfJSON(t *testing.T) {
	b, err := json.Marshal(seedSMTPOptions())
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); strings.Contains(s, smtpPassword) || strings.Contains(s, smtpTestAddress) || !strings.Contains(s, "smtp-bot") {
		t.Errorf("marshalled options = %s", s)
	}
}

func TestAdminSMTPRefusesBadOptions(t *testing.T) {
	cases := []struct {
		name     string
		opts     AdminSMTPSettingsUpdateOptions
		sentinel error
	}{
		{"port zero", AdminSMTPSettingsUpdateOptions{Port: Ptr(0)}, ErrInvalidSMTPPort},
		{"port too high", AdminSMTPSettingsUpdateOptions{Port: Ptr(65536)}, ErrInvalidSMTPPort},
		{"unknown auth", AdminSMTPSettingsUpdateOptions{Auth: Ptr(SMTPAuthType("cram-md5"))}, ErrInvalidSMTPAuth},
		{"bad sender", AdminSMTPSettingsUpdateOptions{Sender: Ptr("noreply")}, ErrInvalidEmail},
		{"test address with a name", AdminSMTPSettingsUpdateOptions{TestEmailAddress: Ptr("Ops <" + smtpTestAddress + ">")}, ErrInvalidEmail},
		{"test address without domain", AdminSMTPSettingsUpdateOptions{TestEmailAddress: Ptr("ops-7c1e@")}, ErrInvalidEmail},
		{"nothing set", AdminSMTPSettingsUpdateOptions{}, ErrNothingToUpdate},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ts := setup(t)
			_, err := ts.client.Admin.SMTP.Update(context.Background(), tc.opts)
			assertLocalError(t, ts, err, tc.sentinel)
			if err != nil && strings.Contains(err.Error(), "ops-7c1e") {
				t.Errorf("the error repeats the test address: %v", err)
			}
		})
	}
}

func TestAdminSMTPMalformedAnswer(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/admin/smtp-settings", anyRequest: true, status: 200, body: `{"data":{"id":"smtp","type":"smtp-settings","attributes":{"port":"twenty-five"}}}`})
	_, err := ts.client.Admin.SMTP.Read(context.Background())
	wantDecodeError(t, err)
}
