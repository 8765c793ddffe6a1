package tfe

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
)

// This file holds an organization's data retention policy (Terraform
// Enterprise only): the policy set on the organization itself, which
// replaces the installation's default for its workspaces.

// DataRetentionPolicyKind is the kind of a data retention policy: its
// JSON:API type on the wire.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/data-retention-policies
type DataRetentionPolicyKind string

// The kinds of data retention policy.
const (
	// DataRetentionDeleteOlder deletes backing data older than
	// DeleteOlderThanNDays days (v202401-1 and later).
	DataRetentionDeleteOlder DataRetentionPolicyKind = "data-retention-policy-delete-olders"
	// DataRetentionDontDelete keeps all backing data (v202401-1 and
	// later).
	DataRetentionDontDelete DataRetentionPolicyKind = "data-retention-policy-dont-deletes"
	// DataRetentionLegacy is the policy of v202311-1 and v202312-1, which
	// deletes data older than DeleteOlderThanNDays days.
	DataRetentionLegacy DataRetentionPolicyKind = "data-retention-policies"
)

// DataRetentionPolicy is the data retention policy set on an
// organization.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/data-retention-policies#show-data-retention-policy
type DataRetentionPolicy struct {
	// ID is the policy's ID; empty when the service answered a set
	// without a body.
	ID string `json:"-"`
	// Kind says what the policy does.
	Kind DataRetentionPolicyKind `json:"-"`
	// DeleteOlderThanNDays is the age in days past which data is deleted;
	// 0 for DataRetentionDontDelete.
	DeleteOlderThanNDays int `json:"delete-older-than-n-days"`
}

// DataRetentionPolicyDeleteOlderOptions sets a policy that deletes data
// older than a number of days.
//
// https://developer.hashicorp.com/terraform/enterprise/api-docs/data-retention-policies#create-or-update-data-retention-policy
type DataRetentionPolicyDeleteOlderOptions struct {
	// DeleteOlderThanNDays is the age in days past which backing data is
	// deleted; at least 1.
	DeleteOlderThanNDays int `json:"delete-older-than-n-days"`
}

// ErrInvalidRetentionDays is a delete-older policy of less than one day.
var ErrInvalidRetentionDays = newSentinel("the retention must be at least one day", ErrValidation)

// The releases that added the endpoint and its policy kinds.
const (
	dataRetentionSince     = "v202311-1"
	dataRetentionKindSince = "v202401-1"
)

// ReadDataRetentionPolicy implements Organizations.
func (s *organizations) ReadDataRetentionPolicy(ctx context.Context, organization string) (*DataRetentionPolicy, error) {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return nil, err
	}
	return requestWith(ctx, s.client, get(dataRetentionPath(organization), nil).since(dataRetentionSince), decodeDataRetentionPolicy)
}

// SetDataRetentionPolicyDeleteOlder implements Organizations.
func (s *organizations) SetDataRetentionPolicyDeleteOlder(ctx context.Context, organization string, opts DataRetentionPolicyDeleteOlderOptions) (*DataRetentionPolicy, error) {
	err := checkID(ErrInvalidOrg, "organization", organization)
	if err == nil && opts.DeleteOlderThanNDays < 1 {
		err = invalid(ErrInvalidRetentionDays, "DataRetentionPolicyDeleteOlderOptions.DeleteOlderThanNDays",
			"must be at least 1, got "+strconv.Itoa(opts.DeleteOlderThanNDays))
	}
	if err != nil {
		return nil, err
	}
	doc := newDocument(string(DataRetentionDeleteOlder), opts)
	return s.setDataRetention(ctx, organization, doc, &DataRetentionPolicy{Kind: DataRetentionDeleteOlder, DeleteOlderThanNDays: opts.DeleteOlderThanNDays})
}

// SetDataRetentionPolicyDontDelete implements Organizations.
func (s *organizations) SetDataRetentionPolicyDontDelete(ctx context.Context, organization string) (*DataRetentionPolicy, error) {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return nil, err
	}
	doc := newDocument(string(DataRetentionDontDelete), presentEmpty{})
	return s.setDataRetention(ctx, organization, doc, &DataRetentionPolicy{Kind: DataRetentionDontDelete})
}

// setDataRetention sends a policy and returns it as the service answers
// it, or as sent when the answer has no body (204, as the OpenAPI
// description has it).
func (s *organizations) setDataRetention(ctx context.Context, organization string, doc any, sent *DataRetentionPolicy) (*DataRetentionPolicy, error) {
	a, err := s.client.do(ctx, post(dataRetentionPath(organization), doc).since(dataRetentionKindSince))
	if err != nil {
		return nil, err
	}
	if len(a.body) == 0 || a.status == http.StatusNoContent {
		return sent, nil
	}
	p, err := decodeDataRetentionPolicy(a.body)
	if err == nil && p == nil {
		err = errNoData
	}
	if err != nil {
		return nil, a.decodeError(err)
	}
	return p, nil
}

// presentEmpty is attributes that are sent, empty ("attributes": {}):
// the OpenAPI description requires the member even where the kind has
// none.
type presentEmpty struct{}

// IsZero keeps the member in the document (omitzero asks it).
func (presentEmpty) IsZero() bool { return false }

// DeleteDataRetentionPolicy implements Organizations.
func (s *organizations) DeleteDataRetentionPolicy(ctx context.Context, organization string) error {
	if err := checkID(ErrInvalidOrg, "organization", organization); err != nil {
		return err
	}
	return s.client.requestNoContent(ctx, del(dataRetentionPath(organization), nil).since(dataRetentionSince))
}

// dataRetentionPath is the policy's path for an organization.
func dataRetentionPath(organization string) string {
	return apiPath("organizations", organization, "relationships", "data-retention-policy")
}

// dataRetentionDecoders decode the policy of each kind: the answer's data
// is one of several resource types.
var dataRetentionDecoders = func() map[DataRetentionPolicyKind]*decoder[DataRetentionPolicy, noRelationships, DataRetentionPolicy] {
	decoders := map[DataRetentionPolicyKind]*decoder[DataRetentionPolicy, noRelationships, DataRetentionPolicy]{}
	for _, k := range []DataRetentionPolicyKind{DataRetentionDeleteOlder, DataRetentionDontDelete, DataRetentionLegacy} {
		decoders[k] = newDecoder(attributesOnly(string(k), func(p *DataRetentionPolicy, id string) {
			p.ID, p.Kind = id, k
		}))
	}
	return decoders
}()

// decodeDataRetentionPolicy decodes a policy of any kind; null data is no
// policy (nil, nil).
func decodeDataRetentionPolicy(body []byte) (*DataRetentionPolicy, error) {
	var peek struct {
		Data *struct {
			Type string `json:"type"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &peek); err != nil {
		return nil, err
	}
	if peek.Data == nil {
		return nil, nil
	}
	d, known := dataRetentionDecoders[DataRetentionPolicyKind(peek.Data.Type)]
	if !known {
		d = dataRetentionDecoders[DataRetentionDeleteOlder] // refuses the type with a clear error
	}
	return d.one(body)
}
