package tfe

import (
	"context"
	"iter"
	"maps"
	"net/url"
	"strconv"
)

// iteratorPageSize is the page size iterators ask for unless the caller set
// one: the API's maximum, so listing N items takes ceil(N/100) requests.
const iteratorPageSize = 100

// ListOptions selects a page of a list. Every ...ListOptions struct embeds
// it. The zero value asks for the API's defaults (page 1, 20 items).
type ListOptions struct {
	// PageNumber is the page to return, from 1 (page[number]).
	PageNumber int `query:"page[number]"`
	// PageSize is the number of items per page, 1..100 (page[size]).
	PageSize int `query:"page[size]"`
}

// validate checks the page number and size.
func (o ListOptions) validate() error {
	if o.PageNumber < 0 {
		return invalid(ErrInvalidPagination, "ListOptions.PageNumber", "must not be negative")
	}
	if o.PageSize < 0 || o.PageSize > 100 {
		return invalid(ErrInvalidPagination, "ListOptions.PageSize", "must be between 1 and 100")
	}
	return nil
}

// Pagination is the page metadata of a list answer.
type Pagination struct {
	// CurrentPage is the number of this page.
	CurrentPage int `json:"current-page"`
	// PreviousPage is the number of the page before, 0 on the first.
	PreviousPage int `json:"prev-page"`
	// NextPage is the number of the page after, 0 on the last.
	NextPage int `json:"next-page"`
	// TotalPages is the number of pages.
	TotalPages int `json:"total-pages"`
	// TotalCount is the number of items across all pages.
	TotalCount int `json:"total-count"`
}

// validator is list options that check themselves (ListOptions and
// every ...ListOptions that embeds it).
type validator interface{ validate() error }

// listing is one list endpoint with the caller's options, checked: its
// path, its query (paging included), and the validation error, if any,
// which stops the call before anything is sent.
type listing struct {
	path  string
	query url.Values
	err   error
	// whole marks an endpoint that answers the whole list, without
	// pagination meta, whatever page it is asked for (workspace and
	// variable-set variables): the SDK cuts the page the options ask for
	// from the answer. An answer that does carry pagination meta is taken
	// as the server's own page.
	whole bool
}

// answeredWhole returns l marked as an endpoint that answers the whole
// list (see listing.whole).
func (l listing) answeredWhole() listing {
	l.whole = true
	return l
}

// newListing checks opts (nil means none) after checks, the checks of the
// path's IDs, and encodes opts as the query.
func newListing[O validator](path string, opts *O, checks ...error) listing {
	err := firstError(checks...)
	if err == nil && opts != nil {
		err = (*opts).validate()
	}
	return listing{path: path, query: encodeQuery(opts), err: err}
}

// listPage returns the page of l the options ask for.
func listPage[A, R, M any](ctx context.Context, c *Client, l listing, d *decoder[A, R, M]) ([]*M, *Pagination, error) {
	if l.err != nil {
		return nil, nil, l.err
	}
	items, page, err := requestMany(ctx, c, get(l.path, l.query), d)
	if err == nil && page == nil && l.whole {
		items, page = cutPage(items, l.query)
	}
	return items, page, err
}

// apiPageSize is the page size the API uses when a request names none.
const apiPageSize = 20

// cutPage returns the page query asks for out of a whole list, with its
// Pagination; without page[number] and page[size] it returns the whole
// list and no Pagination, as the API answered it.
func cutPage[M any](items []*M, query url.Values) ([]*M, *Pagination) {
	if !query.Has("page[number]") && !query.Has("page[size]") {
		return items, nil
	}
	number, size := queryInt(query, "page[number]", 1), queryInt(query, "page[size]", apiPageSize)
	total := max(1, (len(items)+size-1)/size)
	page := &Pagination{CurrentPage: number, PreviousPage: number - 1, TotalPages: total, TotalCount: len(items)}
	if number < total {
		page.NextPage = number + 1
	}
	start := min(len(items), (number-1)*size)
	return items[start:min(len(items), start+size)], page
}

// queryInt returns the positive integer query parameter name, else def.
func queryInt(query url.Values, name string, def int) int {
	if n, err := strconv.Atoi(query.Get(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// listIter yields every item of l, page after page, starting from the
// options' page (page size 100 unless set). It stops after the last page,
// after an empty page, after an answer without pagination meta (a list
// the API does not paginate: for a listing answered whole, the items
// before the options' page are skipped), and when the next page would not
// move forward. An error (the validation error, before anything is sent) is
// yielded once, as the last pair.
func listIter[A, R, M any](ctx context.Context, c *Client, l listing, d *decoder[A, R, M]) iter.Seq2[*M, error] {
	return func(yield func(*M, error) bool) {
		if l.err != nil {
			yield(nil, l.err)
			return
		}
		query := maps.Clone(l.query)
		if query.Get("page[size]") == "" {
			query.Set("page[size]", strconv.Itoa(iteratorPageSize))
		}
		current := queryInt(query, "page[number]", 1)
		for {
			query.Set("page[number]", strconv.Itoa(current))
			items, page, err := requestMany(ctx, c, get(l.path, query), d)
			if err != nil {
				yield(nil, err)
				return
			}
			if page == nil && l.whole {
				items = items[min(len(items), (current-1)*queryInt(query, "page[size]", iteratorPageSize)):]
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			next, ok := nextPage(page, current, len(items))
			if !ok {
				return
			}
			current = next
		}
	}
}

// nextPage returns the page after current, or false when listing is done.
func nextPage(page *Pagination, current, itemCount int) (int, bool) {
	if page == nil || itemCount == 0 {
		return 0, false
	}
	next := page.NextPage
	if next == 0 && page.TotalPages > current {
		next = current + 1
	}
	if next <= current || (page.TotalPages > 0 && next > page.TotalPages) {
		return 0, false
	}
	return next, true
}
