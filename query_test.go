package tfe

import (
	"github.com/stretchr/testify/assert"
	"net/url"
	"testing"
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
	if got := encodeQuery(&sampleListOptions{Ptr: Ptr(3)}); got.Encode() != "ptr=3" {
		t.Errorf("pointer: %v", got)
	}
	var nilOpts *sampleListOptions
	if got := encodeQuery(nilOpts); len(got) != 0 {
		t.Errorf("nil options: %v", got)
	}
	if got := encodeQuery(nil); len(got) != 0 {
		t.Errorf("nil: %v", got)
	}
	if got := encodeQuery(sampleListOptions{}); len(got) != 0 {
		t.Errorf("zero: %v", got)
	}
}
