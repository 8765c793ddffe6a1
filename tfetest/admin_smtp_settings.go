package tfetest

import (
	"net/http"
	"strconv"
	"strings"
)

// Handlers for the admin SMTP settings (Terraform Enterprise only):
// admin/smtp-settings, GET and PATCH. password and test-email-address are
// write-only and never answered.

func (st *store) readSMTP(r *http.Request) (int, any, *apiError) {
	return one(http.StatusOK, smtpResource(st.smtp), nil)
}

// updateSMTP applies the settings and, when the body names a test
// address, "sends" a test email, which FailNextSMTPUpdate can make fail.
func (st *store) updateSMTP(r *http.Request) (int, any, *apiError) {
	// The docs' sample body has no data.type; the SDKs send smtp-settings.
	in, apiErr := readResource(r, []string{"smtp-settings", ""}, smtpAttrs)
	if apiErr != nil {
		return fail(apiErr)
	}
	next, apiErr := draftSMTP(in, st.smtp)
	if apiErr != nil {
		return fail(apiErr)
	}
	if addr, _ := in.str("test-email-address"); addr != "" {
		st.testEmails++
	}
	if len(st.smtpFailures) > 0 {
		status := st.smtpFailures[0]
		st.smtpFailures = st.smtpFailures[1:]
		return fail(smtpFailure(status))
	}
	st.smtp = next
	return one(http.StatusOK, smtpResource(st.smtp), nil)
}

func draftSMTP(in *input, cur smtpSettings) (smtpSettings, *apiError) {
	if v, ok := in.boolean("enabled"); ok {
		cur.enabled = v
	}
	if v, ok := in.str("host"); ok {
		cur.host = v
	}
	if v, ok := in.integer("port"); ok {
		if v < 1 || v > 65535 {
			return cur, errInvalid(in.attr("port"), "port must be between 1 and 65535")
		}
		cur.port = v
	}
	if v, ok := in.str("sender"); ok {
		if !strings.Contains(v, "@") {
			return cur, errInvalid(in.attr("sender"), "sender must be an email address")
		}
		cur.sender = v
	}
	if v, ok := in.str("auth"); ok {
		if v != "none" && v != "plain" && v != "login" {
			return cur, errInvalid(in.attr("auth"), "auth must be none, plain or login; got "+quote(v))
		}
		cur.auth = v
	}
	if v, ok := in.str("username"); ok {
		cur.username = v
	}
	if v, ok := in.str("password"); ok {
		cur.password = v
	}
	if v, ok := in.str("test-email-address"); ok && v != "" && !strings.Contains(v, "@") {
		return cur, errInvalid(in.attr("test-email-address"), "test-email-address must be an email address")
	}
	if cur.enabled && (cur.host == "" || cur.sender == "") {
		return cur, errInvalid(in.attr("enabled"), "host and sender are required when SMTP is enabled")
	}
	if cur.enabled && cur.auth != "none" && cur.username == "" {
		return cur, errInvalid(in.attr("username"), "username is required when auth is "+cur.auth)
	}
	return cur, nil
}

// smtpFailure is what the endpoint answers when sending the test email
// fails: 401 when the SMTP server refused the credentials, 500 on an SMTP
// server error, 504 when it timed out.
func smtpFailure(status int) *apiError {
	detail := map[int]string{
		http.StatusUnauthorized:        "SMTP authentication failed: the SMTP server refused the credentials",
		http.StatusInternalServerError: "SMTP server error while sending the test email",
		http.StatusGatewayTimeout:      "timed out waiting for the SMTP server",
	}[status]
	if detail == "" {
		detail = "sending the test email failed with status " + strconv.Itoa(status)
	}
	title := strings.ToLower(http.StatusText(status))
	return &apiError{Status: status, Title: title, Detail: detail}
}

func smtpResource(c smtpSettings) resource {
	return resource{
		ID:   "smtp",
		Type: "smtp-settings",
		Attributes: map[string]any{
			"enabled":  c.enabled,
			"host":     c.host,
			"port":     c.port,
			"sender":   c.sender,
			"auth":     c.auth,
			"username": c.username,
		},
	}
}

// FailNextSMTPUpdate makes the next PATCH admin/smtp-settings answer
// status with a JSON:API error instead of saving: 401 (the SMTP server
// refused the credentials), 500 (SMTP server error) or 504 (SMTP timeout),
// as the real endpoint does when its test email fails. Calls queue up, one
// per PATCH. The failing PATCH still counts in TestEmailsSent when it
// named a test address, since the service tried to send it.
func (s *Server) FailNextSMTPUpdate(status int) {
	st := s.lock()
	defer st.mu.Unlock()
	st.smtpFailures = append(st.smtpFailures, status)
}

// TestEmailsSent reports how many SMTP settings PATCHes carried a
// test-email-address, each of which makes the service send a test email;
// a test can check that a client did not re-send such a PATCH.
func (s *Server) TestEmailsSent() int {
	st := s.lock()
	defer st.mu.Unlock()
	return st.testEmails
}
