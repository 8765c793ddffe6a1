// Package tfe is a typed client for the HCP Terraform and Terraform
// Enterprise API: workspaces and projects, workspace variables, variable
// sets, private registry and no-code modules, organizations and their
// defaults, API token TTL policies, and Terraform Enterprise's SMTP
// settings; any other endpoint through Client.NewRequest and Client.Do.
//
// # Getting a client
//
// NewClient takes a Config; nil reads the environment:
//
//	client, err := tfe.NewClient(nil) // TFE_ADDRESS, TFE_TOKEN, ...
//
// The token is taken from Config.Token, else TFE_TOKEN, else
// TF_TOKEN_<host> (the Terraform CLI's variable: app_terraform_io for
// app.terraform.io), else the entry for the address's host in the file
// `terraform login` writes (~/.terraform.d/credentials.tfrc.json, or
// %APPDATA%\terraform.d\credentials.tfrc.json on Windows). NewClient sends
// no request. The token is never sent over plain http:// to a host that is
// not loopback (unless Config.SendTokenOverPlainHTTP), and never follows a
// redirect to another host; a request body never follows a redirect to
// another origin.
//
// Each API area is a service on the Client (client.Variables,
// client.VariableSets, client.NoCodeModules, client.Admin.SMTP, ...). Every
// service is a small interface, so code that uses one area can be tested
// with a fake of that area alone. Methods may be added to these interfaces
// in minor versions; embed the interface in a fake to stay compatible.
//
// # Options
//
// Methods take ctx first, IDs next, options last. Required option fields
// are plain values; optional ones are pointers (tfe.Ptr(v) makes one), so
// "not given" and "zero" differ. The few fields the API lets a caller clear
// are Nullable: left zero they are not sent, tfe.Null[T]() sends null,
// tfe.NullableOf(v) sends v.
//
// # What is checked before sending
//
// A method refuses these with a *ValidationError, before any request:
//
//   - The shape of each ID or name that goes into the URL path or into a
//     relationship of the body: not empty, not "." or "..", and free of
//     / \ ? # %, whitespace, control characters and invalid UTF-8. Only the
//     shape: prefixes such as "ws-" are not checked, nor is existence, so
//     client.Variables.List(ctx, "bogus", nil) is sent and comes back 404
//     (ErrResourceNotFound).
//   - The options, by the rules each options type documents: required
//     fields, values from a fixed list (category, execution mode, registry
//     name, SMTP auth), the agent pool with execution mode agent and only
//     with it, updates that set at least one field, page sizes of 1..100,
//     TTL caps of a positive whole number of milliseconds, SMTP ports and
//     email addresses.
//
// Whether an object exists, may be seen, or a name is free only the
// service knows: it answers with an *APIError (404, 422).
//
// # Errors
//
// A non-2xx answer is an *APIError carrying the status, method, path and
// the API's error objects (with their source pointers), even when the body
// was an HTML page or empty. It matches ErrUnauthorized, ErrForbidden,
// ErrResourceNotFound, ErrConflict, ErrUnprocessable and ErrRateLimited
// with errors.Is. The API answers 404 both for "not found" and for "not
// allowed to see it"; on an endpoint older Terraform Enterprise releases
// lack, the message also says the release may lack it. A lookup by name
// that several resources match is an *AmbiguousError (ErrAmbiguous). Local validation errors (see above) are
// *ValidationError and match ErrValidation plus a specific sentinel
// (ErrRequiredKey, ErrInvalidWorkspaceID, ...). A 2xx answer that cannot be decoded is a
// *DecodeError naming the path, never a zero-value success. Error messages
// never contain the token or a write-only value.
//
// # Pagination
//
// List methods return one page (ListOptions selects it) with its
// Pagination. Each has an ...Iter companion returning iter.Seq2 that reads
// every page, 100 items at a time unless a size is set, and stops after
// the last page, an empty page, or an answer without pagination meta:
//
//	for v, err := range client.VariableSets.ListIter(ctx, "my-org", nil) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(v.Name)
//	}
//
// The API answers the variable lists (Variables.List and ListAll,
// VariableSetVariables.List) whole, whatever page they are asked for; the
// SDK cuts the page the options ask for, so ListOptions means the same
// there, and their iterators send one request.
//
// # Names, and writes safe to repeat
//
// Pipelines know names: client.Workspaces.Read(ctx, "acme", "prod-app")
// returns the workspace and its ID, and Projects.List filters by name.
// Variables.Upsert and VariableSetVariables.Upsert set a variable whether
// or not it exists, and change nothing when it is as asked: a pipeline of
// upserts can run again, or run after being killed half-way, and ends in
// the same state without duplicates.
//
// # Other endpoints, and the server
//
// Client.NewRequest and Client.Do reach an endpoint no service wraps, on
// the same request path (rate limit, retries, redacted logs, typed
// errors); Document and Resource give a caller's struct of attributes the
// JSON:API shape. Client.ServerInfo says whether the server is HCP
// Terraform or Terraform Enterprise, and its versions, from the answers
// already received (or one ping).
//
// # Retries and rate limits
//
// All goroutines of a Client share one token bucket at Config.RateLimit
// (default 30 requests a second, the API's limit), lowered when the server's
// X-RateLimit-Limit says less. A 429 is retried after the wait the server
// names (X-RateLimit-Reset or Retry-After) plus jitter. 502, 503, 504 and
// transport errors are retried, with exponential backoff between
// RetryWaitMin and RetryWaitMax, only for GET, HEAD, PUT, DELETE and
// OPTIONS: a POST or PATCH is never re-sent once the server may have acted
// on it; a connection that was never established is retried for every
// method. A 2xx
// answer whose body the connection cuts short counts as a transport error;
// for a POST or PATCH it is a *DecodeError carrying the 2xx status. At most
// RetryMax retries (default 5). Every wait ends when the context ends, with
// an error matching ctx.Err().
//
// # Logging
//
// Config.Logger (a *slog.Logger) receives a debug record for each attempt
// (method, path, status, attempt, duration) and, at debug level, the
// request and answer bodies, cut to 4 KB. Everything is redacted first: the
// Authorization header and any header or JSON key naming a token, secret,
// password or private key; the value of a sensitive variable (and every
// variable value the SDK sends); the SMTP test address; hosted blob URLs.
// With no Logger, TFE_LOG=debug logs to stderr; otherwise the client is
// silent.
//
// # Testing your code
//
// Package tfetest runs an in-memory fake of this API: tfetest.NewServer()
// starts it, srv.Client() returns a Client configured for it, and its
// seeding, fault and request-recording helpers let a test set the scene
// and check what was sent.
package tfe
