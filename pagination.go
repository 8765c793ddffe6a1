package tfe

import (
	"context"
	"iter"
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

// pageFetcher fetches the page opts selects: its items and its pagination
// meta (nil for an answer without it).
type pageFetcher[T any] func(ctx context.Context, opts ListOptions) ([]*T, *Pagination, error)

// iterate yields every item of a list, page after page, starting from
// opts (page size 100 unless set). It stops after the last page, after an
// empty page, after an answer without pagination meta (a list the API does
// not paginate), and when the next page would not move forward. An error
// is yielded once, as the last pair.
func iterate[T any](ctx context.Context, opts ListOptions, fetch pageFetcher[T]) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		if opts.PageSize == 0 {
			opts.PageSize = iteratorPageSize
		}
		if opts.PageNumber == 0 {
			opts.PageNumber = 1
		}
		for {
			items, page, err := fetch(ctx, opts)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, item := range items {
				if !yield(item, nil) {
					return
				}
			}
			next, ok := nextPage(page, opts.PageNumber, len(items))
			if !ok {
				return
			}
			opts.PageNumber = next
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

// iterError is an iterator that yields err alone, for a ...Iter method
// whose arguments failed validation: nothing is sent.
func iterError[T any](err error) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) { yield(nil, err) }
}
