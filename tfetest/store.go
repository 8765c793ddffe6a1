package tfetest

import (
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// store is the fake's whole state, guarded by one mutex. Handlers hold mu
// for the length of one request, so each request is atomic.
type store struct {
	mu  sync.Mutex
	now func() time.Time
	rng *rand.Rand
	seq int

	orgs       map[string]*org // by name
	projects   map[string]*project
	workspaces map[string]*workspace
	pools      map[string]*agentPool
	vars       map[string]*variable
	varsets    map[string]*varset
	modules    map[string]*registryModule
	noCode     map[string]*noCodeModule
	runs       map[string]*upgradeRun
	stacks     map[string]*stack

	smtp          smtpSettings
	smtpFailures  []int // statuses the next SMTP PATCHes answer
	testEmails    int
	upgradeStates []string
	hcp           bool // acting as HCP Terraform (WithHCPTerraform)

	teams      map[string]*team      // by ID
	teamTokens map[string]*teamToken // by token value
}

type org struct {
	seq              int
	name, email      string
	externalID       string
	createdAt        time.Time
	execMode         string
	poolID           string
	maxTTLEnabled    bool
	settings         map[string]any // the other writable attributes
	defaultProjectID string
	ttl              map[string]*ttlPolicy
	retention        *retentionPolicy // Terraform Enterprise only
}

type project struct {
	seq         int
	id, name    string
	org         *org
	description string
	execMode    string // "" follows the organization's default
	poolID      string
	settings    map[string]any // the other writable attributes
	tagBindings []tagBinding
	createdAt   time.Time
}

type agentPool struct {
	seq       int
	id, name  string
	org       *org
	orgScoped bool
	createdAt time.Time
}

type workspace struct {
	seq              int
	id, name         string
	org              *org
	projectID        string
	description      string
	execMode         string
	poolID           string
	terraformVersion string
	autoApply        bool
	sourceName       string
	sourceURL        string
	noCodeID         string
	moduleVersion    string
	createdAt        time.Time
	inherits         bool           // execution mode and pool follow the organization's default
	settings         map[string]any // the other writable attributes
	tagNames         []string
	tagBindings      []tagBinding
	updatedAt        time.Time
}

// tagBinding is a key/value tag of a workspace, project or module.
type tagBinding struct {
	id, key, value string
}

type variable struct {
	seq         int
	id          string
	key, value  string
	description string
	category    string
	hcl         bool
	sensitive   bool
	versionID   string
	createdAt   time.Time
	wsID        string // set for a workspace variable
	varsetID    string // set for a variable set variable
}

type varset struct {
	seq         int
	id          string
	org         *org
	name        string
	description string
	global      bool
	priority    bool
	wsIDs       []string
	prjIDs      []string
	stackIDs    []string
	varIDs      []string
	parentType  string
	parentID    string
	updatedAt   time.Time
}

type registryModule struct {
	seq                  int
	id                   string
	org                  *org
	name, namespace      string
	provider, registry   string
	noCode               bool
	versions             []*moduleVersion
	createdAt, updatedAt time.Time
	testConfig           map[string]any // nil until a PATCH sets it
	tagBindings          []tagBinding
}

type moduleVersion struct {
	version string
	vars    []moduleVar
	id      string
	status  string // pending until its archive is uploaded, then ok
	token   string // the secret of its upload link
	created time.Time
	updated time.Time
}

// stack is a Stack, seeded with AddStack (the API needs VCS to make one).
type stack struct {
	seq       int
	id, name  string
	org       *org
	projectID string
}

type moduleVar struct {
	id string
	ModuleVariable
}

type noCodeModule struct {
	seq        int
	id         string
	org        *org
	moduleID   string
	enabled    bool
	versionPin string
	options    []*varOption
}

type varOption struct {
	id, name, typ string
	options       []any
}

type upgradeRun struct {
	id, ncID, wsID string
	version        string
	message        string
	states         []string
	pos            int
	applied        bool
	vars           []*variable
}

type ttlPolicy struct {
	id               string
	tokenType        string
	maxTTLms         int64
	created, updated time.Time
}

type smtpSettings struct {
	enabled            bool
	host, sender, auth string
	port               int64
	username, password string
}

func newStore(now func() time.Time) *store {
	return &store{
		now:           now,
		rng:           rand.New(rand.NewPCG(0x7466652d66616b65, 0x74666574657374)),
		orgs:          map[string]*org{},
		projects:      map[string]*project{},
		workspaces:    map[string]*workspace{},
		pools:         map[string]*agentPool{},
		stacks:        map[string]*stack{},
		vars:          map[string]*variable{},
		varsets:       map[string]*varset{},
		modules:       map[string]*registryModule{},
		noCode:        map[string]*noCodeModule{},
		runs:          map[string]*upgradeRun{},
		teams:         map[string]*team{},
		teamTokens:    map[string]*teamToken{},
		smtp:          smtpSettings{auth: "none", port: 25},
		upgradeStates: slices.Clone(defaultUpgradeStates),
	}
}

const idAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// newID makes an ID like the service's: prefix, a dash, 16 alphanumerics.
// The generator is seeded with a constant, so a test that makes the same
// calls in the same order sees the same IDs.
func (s *store) newID(prefix string) string {
	b := make([]byte, 16)
	for i := range b {
		b[i] = idAlphabet[s.rng.IntN(len(idAlphabet))]
	}
	return prefix + "-" + string(b)
}

// nextSeq numbers objects in creation order, the order lists answer in.
func (s *store) nextSeq() int { s.seq++; return s.seq }

// sortedBy returns the values of m ordered by their sequence number.
func sortedBy[T any](m map[string]*T, seq func(*T) int) []*T {
	out := make([]*T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b *T) int { return seq(a) - seq(b) })
	return out
}

func (s *store) timestamp() time.Time { return s.now().UTC().Truncate(time.Millisecond) }

// formatTime renders a timestamp the way the service does.
func formatTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// lock takes the store's mutex and returns the store; handlers defer
// st.mu.Unlock().
func (s *Server) lock() *store {
	s.st.mu.Lock()
	return s.st
}
