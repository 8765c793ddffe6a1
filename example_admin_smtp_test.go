package tfe_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"

	"github.com/tfe-sdk/tfe"
	"github.com/tfe-sdk/tfe/tfetest"
)

// Terraform Enterprise only, with a site-admin token. Each update that
// gives TestEmailAddress makes the service send a test email through the
// relay; the password and the test address are write-only.
func ExampleAdminSMTP_Update() {
	srv := tfetest.NewServer()
	defer srv.Close()
	smtp, ctx := srv.Client().Admin.SMTP, context.Background()

	opts := tfe.AdminSMTPSettingsUpdateOptions{
		Enabled:          tfe.Ptr(true),
		Host:             tfe.Ptr("smtp.example.com"),
		Port:             tfe.Ptr(587),
		Sender:           tfe.Ptr("noreply@example.com"),
		Auth:             tfe.Ptr(tfe.SMTPAuthLogin),
		Username:         tfe.Ptr("smtp-bot"),
		Password:         tfe.Ptr("relay-password"),
		TestEmailAddress: tfe.Ptr("ops@example.com"),
	}
	settings, err := smtp.Update(ctx, opts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s:%d auth=%s user=%s; test emails sent: %d\n",
		settings.Host, settings.Port, settings.Auth, settings.Username, srv.TestEmailsSent())

	// A 401 here is the SMTP server refusing the login, not a bad API
	// token: it is ErrSMTPCredentials and not ErrUnauthorized.
	srv.FailNextSMTPUpdate(http.StatusUnauthorized)
	_, err = smtp.Update(ctx, opts)
	fmt.Println(errors.Is(err, tfe.ErrSMTPCredentials), errors.Is(err, tfe.ErrUnauthorized))
	// Output:
	// smtp.example.com:587 auth=login user=smtp-bot; test emails sent: 1
	// true false
}

// On HCP Terraform, or with a token that is not a site admin's, the admin
// API answers 404.
func ExampleAdminSMTP_Read() {
	srv := tfetest.NewServer(tfetest.WithHCPTerraform())
	defer srv.Close()

	_, err := srv.Client().Admin.SMTP.Read(context.Background())
	fmt.Println(errors.Is(err, tfe.ErrResourceNotFound))
	// Output:
	// true
}
