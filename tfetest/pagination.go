package tfetest

import (
	"net/http"
	"strconv"
)

const (
	defaultPageSize = 20
	maxPageSize     = 100
)

// pageReq is the page a list request asked for.
type pageReq struct {
	number, size int
}

// parsePage reads page[number] (default 1) and page[size] (default 20).
// A value that is not a positive integer answers 422 with
// source.parameter; a size above 100 is clamped to 100, as the service
// does.
func parsePage(r *http.Request) (pageReq, *apiError) {
	q := r.URL.Query()
	p := pageReq{number: 1, size: defaultPageSize}
	for _, f := range []struct {
		name string
		dst  *int
	}{{"page[number]", &p.number}, {"page[size]", &p.size}} {
		raw := q.Get(f.name)
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 {
			return p, errInvalidParam(f.name, f.name+" must be a positive integer, got "+quote(raw))
		}
		*f.dst = n
	}
	p.size = min(p.size, maxPageSize)
	return p, nil
}

// orgPage reads what a list under organizations/:org asks for: the
// organization (404 when there is none) and then the page.
func (st *store) orgPage(r *http.Request) (*org, pageReq, *apiError) {
	o, apiErr := st.findOrg(r.PathValue("org"))
	if apiErr != nil {
		return nil, pageReq{}, apiErr
	}
	p, apiErr := parsePage(r)
	return o, p, apiErr
}

// paginate returns the slice of items on page p.
func paginate[T any](items []T, p pageReq) []T {
	start := (p.number - 1) * p.size
	if start >= len(items) {
		return nil
	}
	return items[start:min(start+p.size, len(items))]
}

// pageDocument is one page of a paginated list with the documented
// links {self, first, prev, next, last} and meta.pagination {current-page,
// page-size, prev-page, next-page, total-pages, total-count}; prev and
// next are null where there is no such page.
func pageDocument(r *http.Request, p pageReq, total int, data, included []resource) document {
	if data == nil {
		data = []resource{}
	}
	pages := max(1, (total+p.size-1)/p.size)
	var prev, next any
	if p.number > 1 {
		prev = min(p.number-1, pages)
	}
	if p.number < pages {
		next = p.number + 1
	}
	link := func(n any) any {
		if n == nil {
			return nil
		}
		return pageLink(r, n.(int), p.size)
	}
	return document{
		Data:     data,
		Included: included,
		Links: map[string]any{
			"self":  pageLink(r, p.number, p.size),
			"first": pageLink(r, 1, p.size),
			"prev":  link(prev),
			"next":  link(next),
			"last":  pageLink(r, pages, p.size),
		},
		Meta: map[string]any{"pagination": map[string]any{
			"current-page": p.number,
			"page-size":    p.size,
			"prev-page":    prev,
			"next-page":    next,
			"total-pages":  pages,
			"total-count":  total,
		}},
	}
}

// pageLink is the absolute URL of page n, keeping the other query
// parameters of the request.
func pageLink(r *http.Request, n, size int) string {
	q := r.URL.Query()
	q.Set("page[number]", strconv.Itoa(n))
	q.Set("page[size]", strconv.Itoa(size))
	return absoluteURL(r, r.URL.Path, q.Encode())
}
