package tfe

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	require.NoError(t, err)
	want := AdminSMTPSettings{ID: "smtp", Enabled: true, Host: "example.com", Port: 25,
		Sender: "sample_user@example.com", Auth: SMTPAuthLogin, Username: "sample_user"}
	assert.Equal(t, want, *got)
}

func TestAdminSMTPUpdate(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "PATCH", path: "/admin/smtp-settings", golden: "smtp_settings/update.request.json", status: 200, fixture: "smtp_settings/update.response.json"})
	got, err := ts.client.Admin.SMTP.Update(context.Background(), seedSMTPOptions())
	require.NoError(t, err)
	assert.Equal(t, "smtp.example.com", got.Host, "host")
	assert.Equal(t, 587, got.Port, "port")
	assert.Equal(t, SMTPAuthLogin, got.Auth, "auth")
	assert.Equal(t, "smtp-bot", got.Username, "username")
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
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.sentinel)
			var apiErr *APIError
			if assert.ErrorAs(t, err, &apiErr) {
				assert.Equal(t, tc.status, apiErr.StatusCode, "the *APIError's status")
			}
			assert.NotErrorIs(t, err, ErrUnauthorized, "the API token was fine")
			assert.Contains(t, err.Error(), tc.sentinel.Error(), "the message says the sentinel's")
			assert.Equal(t, 1, ts.count(), "requests")
		})
	}
}

func TestAdminSMTPReadUnauthorizedIsTheToken(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/admin/smtp-settings", anyRequest: true, status: 401, body: `{"errors":[{"status":"401","title":"unauthorized"}]}`})
	_, err := ts.client.Admin.SMTP.Read(context.Background())
	assert.ErrorIs(t, err, ErrUnauthorized)
	assert.NotErrorIs(t, err, ErrSMTPCredentials, "a 401 on a read is the API token")
}

func TestAdminSMTPNotFoundSaysTerraformEnterpriseOnly(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/admin/smtp-settings", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
	ts.expect(exchange{method: "PATCH", path: "/admin/smtp-settings", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
	_, readErr := ts.client.Admin.SMTP.Read(context.Background())
	_, updateErr := ts.client.Admin.SMTP.Update(context.Background(), AdminSMTPSettingsUpdateOptions{Enabled: Ptr(false)})
	for _, err := range []error{readErr, updateErr} {
		assert.ErrorIs(t, err, ErrResourceNotFound)
		var apiErr *APIError
		if assert.ErrorAs(t, err, &apiErr) {
			assert.Equal(t, 404, apiErr.StatusCode, "the *APIError's status")
		}
		if err != nil {
			assert.Contains(t, err.Error(), "only on Terraform Enterprise")
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
	require.ErrorIs(t, err, ErrSMTPServer)
	assert.NotContains(t, err.Error(), smtpTestAddress, "the error shows a write-only value")
	assert.NotContains(t, err.Error(), smtpPassword, "the error shows a write-only value")
}

func TestAdminSMTPOptionsKeepTheSecretsOutOfJSON(t *testing.T) {
	b, err := json.Marshal(seedSMTPOptions())
	require.NoError(t, err)
	assert.NotContains(t, string(b), smtpPassword, "the marshalled options")
	assert.NotContains(t, string(b), smtpTestAddress, "the marshalled options")
	assert.Contains(t, string(b), "smtp-bot", "the marshalled options")
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
			if err != nil {
				assert.NotContains(t, err.Error(), "ops-7c1e", "the error repeats the test address")
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
