package tfe

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageServer answers GET /projects/prj-1/varsets as the API pages a list
// of total sets; meta says whether answers carry pagination meta. It
// records the page number and size of each request.
type pageServer struct {
	mu    sync.Mutex
	asked []ListOptions
}

func (p *pageServer) serve(ts *testServer, total int, meta bool) {
	ts.expect(exchange{method: "GET", path: "/projects/prj-1/varsets", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		number, _ := strconv.Atoi(r.URL.Query().Get("page[number]"))
		size, _ := strconv.Atoi(r.URL.Query().Get("page[size]"))
		p.mu.Lock()
		p.asked = append(p.asked, ListOptions{PageNumber: number, PageSize: size})
		p.mu.Unlock()
		respond(w, 200, pageOfSets(number, size, total, meta))
	}})
}

func (p *pageServer) requests() []ListOptions {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]ListOptions(nil), p.asked...)
}

// pageOfSets is page number of size sets out of total, as the API answers.
func pageOfSets(number, size, total int, meta bool) string {
	var items []string
	for i := (number - 1) * size; i < min(number*size, total); i++ {
		items = append(items, fmt.Sprintf(`{"id":"varset-%d","type":"varsets","attributes":{"name":"set-%d"}}`, i, i))
	}
	body := `{"data":[` + strings.Join(items, ",") + `]`
	if meta {
		pages := (total + size - 1) / size
		next := "null"
		if number < pages {
			next = strconv.Itoa(number + 1)
		}
		body += fmt.Sprintf(`,"meta":{"pagination":{"current-page":%d,"next-page":%s,"total-pages":%d,"total-count":%d}}`, number, next, pages, total)
	}
	return body + "}"
}

// names collects the names an iterator yields, and its error.
func names(seq func(func(*VariableSet, error) bool)) ([]string, error) {
	var out []string
	for vs, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, vs.Name)
	}
	return out, nil
}

func TestListIterReadsEveryPageOnce(t *testing.T) {
	ts := setup(t)
	var pages pageServer
	pages.serve(ts, 250, true)
	got, err := names(ts.client.VariableSets.ListForProjectIter(context.Background(), "prj-1", nil))
	require.NoError(t, err)
	require.Len(t, got, 250)
	assert.Equal(t, "set-249", got[249])
	assert.Equal(t, []ListOptions{{1, 100}, {2, 100}, {3, 100}}, pages.requests())
}

func TestListIterStopsWithoutMeta(t *testing.T) {
	ts := setup(t)
	var pages pageServer
	pages.serve(ts, 250, false)
	got, err := names(ts.client.VariableSets.ListForProjectIter(context.Background(), "prj-1", nil))
	require.NoError(t, err)
	assert.Len(t, got, 100, "an answer without meta is the whole list")
	assert.Len(t, pages.requests(), 1)
}

func TestListIterHonoursTheCallersPageAndBreak(t *testing.T) {
	ts := setup(t)
	var pages pageServer
	pages.serve(ts, 100, true)
	opts := &VariableSetListOptions{ListOptions: ListOptions{PageSize: 10, PageNumber: 2}, Query: "set"}
	n := 0
	for vs, err := range ts.client.VariableSets.ListForProjectIter(context.Background(), "prj-1", opts) {
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("set-%d", 10+n), vs.Name)
		if n++; n == 15 {
			break
		}
	}
	assert.Equal(t, []ListOptions{{2, 10}, {3, 10}}, pages.requests())
	assert.Equal(t, ListOptions{PageSize: 10, PageNumber: 2}, opts.ListOptions, "the caller's options are not changed")
}

func TestListIterStopsWhenPagesDoNotMoveForward(t *testing.T) {
	cases := map[string]string{
		"empty page":               `{"data":[],"meta":{"pagination":{"current-page":1,"next-page":2,"total-pages":5}}}`,
		"next page is this page":   `{"data":[{"id":"v","type":"varsets"}],"meta":{"pagination":{"current-page":1,"next-page":1,"total-pages":9}}}`,
		"next page beyond the end": `{"data":[{"id":"v","type":"varsets"}],"meta":{"pagination":{"current-page":1,"next-page":7,"total-pages":1}}}`,
	}
	for name, answer := range cases {
		t.Run(name, func(t *testing.T) {
			ts := setup(t)
			ts.expect(exchange{method: "GET", path: "/projects/prj-1/varsets", anyRequest: true, status: 200, body: answer})
			_, err := names(ts.client.VariableSets.ListForProjectIter(context.Background(), "prj-1", nil))
			require.NoError(t, err)
			assert.Equal(t, 1, ts.count())
		})
	}
}

func TestListIterFollowsTotalPagesWithoutNextPage(t *testing.T) {
	ts := setup(t)
	ts.expect(exchange{method: "GET", path: "/projects/prj-1/varsets", anyRequest: true, answer: func(w http.ResponseWriter, r *http.Request) {
		respond(w, 200, `{"data":[{"id":"v`+r.URL.Query().Get("page[number]")+`","type":"varsets"}],"meta":{"pagination":{"current-page":`+r.URL.Query().Get("page[number]")+`,"total-pages":3}}}`)
	}})
	_, err := names(ts.client.VariableSets.ListForProjectIter(context.Background(), "prj-1", nil))
	require.NoError(t, err)
	assert.Equal(t, 3, ts.count())
}

func TestListIterYieldsTheErrorOnce(t *testing.T) {
	ts := setup(t, func(c *Config) { c.RetryMax = -1 })
	ts.expect(exchange{method: "GET", path: "/projects/prj-1/varsets", anyRequest: true, status: 404, body: `{"errors":[{"status":"404","title":"not found"}]}`})
	count := 0
	for vs, err := range ts.client.VariableSets.ListForProjectIter(context.Background(), "prj-1", nil) {
		count++
		assert.Nil(t, vs)
		assert.ErrorIs(t, err, ErrResourceNotFound)
	}
	assert.Equal(t, 1, count)
}

func TestListIterRefusesBadOptionsBeforeSending(t *testing.T) {
	ts := setup(t)
	for _, opts := range []*VariableSetListOptions{{ListOptions: ListOptions{PageSize: 101}}, {ListOptions: ListOptions{PageNumber: -1}}} {
		_, err := names(ts.client.VariableSets.ListForProjectIter(context.Background(), "prj-1", opts))
		assert.ErrorIs(t, err, ErrInvalidPagination)
	}
	_, err := names(ts.client.VariableSets.ListForProjectIter(context.Background(), "prj/1", nil))
	assert.ErrorIs(t, err, ErrInvalidProjectID)
	ts.assertNoRequests()
}

func TestListOptionsValidate(t *testing.T) {
	for _, o := range []ListOptions{{PageSize: 101}, {PageSize: -1}, {PageNumber: -1}} {
		err := o.validate()
		assert.ErrorIs(t, err, ErrInvalidPagination, "%+v", o)
		assert.ErrorIs(t, err, ErrValidation, "%+v", o)
	}
	for _, o := range []ListOptions{{}, {PageSize: 100, PageNumber: 7}} {
		assert.NoError(t, o.validate(), "%+v", o)
	}
}
