package tfe

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
)

type includeOpt string

type sampleListOptions struct {
	ListOptions
	Query    string       `query:"q"`
	Provider string       `query:"filter[provider]"`
	Include  []includeOpt `query:"include"`
	Flag     bool         `query:"flag"`
	Ptr      *int         `query:"ptr"`
	Skipped  string
	hidden   string `query:"hidden"`
}

func TestEncodeQuery(t *testing.T) {
	o := &sampleListOptions{
		ListOptions: ListOptions{PageNumber: 2, PageSize: 100},
		Query:       "prod", Include: []includeOpt{"vars", "workspaces"}, Flag: true, Ptr: Ptr(0),
		Skipped: "x", hidden: "y",
	}
	want := url.Values{"page[number]": {"2"}, "page[size]": {"100"}, "q": {"prod"}, "include": {"vars,workspaces"}, "flag": {"true"}}
	assert.Equal(t, want, encodeQuery(o))
	assert.Equal(t, "ptr=3", encodeQuery(&sampleListOptions{Ptr: Ptr(3)}).Encode(), "pointer")
	var nilOpts *sampleListOptions
	assert.Empty(t, encodeQuery(nilOpts), "nil options")
	assert.Empty(t, encodeQuery(nil), "nil")
	assert.Empty(t, encodeQuery(sampleListOptions{}), "zero")
}
