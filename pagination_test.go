package tfe

import (
	"context"
	"errors"
	"testing"
)

// pagesOf serves total items in pages the way the API does.
func pagesOf(total int, withMeta bool, calls *[]ListOptions) pageFetcher[int] {
	return func(_ context.Context, o ListOptions) ([]*int, *Pagination, error) {
		*calls = append(*calls, o)
		size := o.PageSize
		start := (o.PageNumber - 1) * size
		var items []*int
		for i := start; i < min(start+size, total); i++ {
			v := i
			items = append(items, &v)
		}
		if !withMeta {
			return items, nil, nil
		}
		pages := (total + size - 1) / size
		p := &Pagination{CurrentPage: o.PageNumber, TotalPages: pages, TotalCount: total}
		if o.PageNumber < pages {
			p.NextPage = o.PageNumber + 1
		}
		return items, p, nil
	}
}

func collectInts(t *testing.T, seq func(func(*int, error) bool)) ([]int, error) {
	t.Helper()
	var got []int
	for v, err := range seq {
		if err != nil {
			return got, err
		}
		got = append(got, *v)
	}
	return got, nil
}

func TestIterateReadsEveryPageOnce(t *testing.T) {
	var calls []ListOptions
	got, err := collectInts(t, iterate(context.Background(), ListOptions{}, pagesOf(250, true, &calls)))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 250 || got[249] != 249 {
		t.Fatalf("got %d items", len(got))
	}
	if len(calls) != 3 || calls[0].PageSize != 100 || calls[2].PageNumber != 3 {
		t.Fatalf("calls = %+v, want 3 pages of 100", calls)
	}
}

func TestIterateStopsWithoutMetaOnEmptyPageAndWithoutProgress(t *testing.T) {
	var calls []ListOptions
	got, _ := collectInts(t, iterate(context.Background(), ListOptions{}, pagesOf(250, false, &calls)))
	if len(calls) != 1 || len(got) != 100 {
		t.Errorf("no meta: %d calls, %d items; want 1 call", len(calls), len(got))
	}
	empty := 0
	_, _ = collectInts(t, iterate(context.Background(), ListOptions{}, func(context.Context, ListOptions) ([]*int, *Pagination, error) {
		empty++
		return nil, &Pagination{CurrentPage: 1, NextPage: 2, TotalPages: 5}, nil
	}))
	if empty != 1 {
		t.Errorf("empty page: %d calls", empty)
	}
	stuck := 0
	_, _ = collectInts(t, iterate(context.Background(), ListOptions{}, func(_ context.Context, o ListOptions) ([]*int, *Pagination, error) {
		stuck++
		v := 1
		return []*int{&v}, &Pagination{CurrentPage: 1, NextPage: 1, TotalPages: 9}, nil
	}))
	if stuck != 1 {
		t.Errorf("a next page that does not move forward: %d calls", stuck)
	}
	// total-pages without next-page still moves on.
	pages := 0
	_, _ = collectInts(t, iterate(context.Background(), ListOptions{}, func(_ context.Context, o ListOptions) ([]*int, *Pagination, error) {
		pages++
		v := 1
		return []*int{&v}, &Pagination{CurrentPage: o.PageNumber, TotalPages: 3}, nil
	}))
	if pages != 3 {
		t.Errorf("total-pages only: %d calls, want 3", pages)
	}
}

func TestIterateHonoursCallerSizeAndBreak(t *testing.T) {
	var calls []ListOptions
	n := 0
	for v, err := range iterate(context.Background(), ListOptions{PageSize: 10, PageNumber: 2}, pagesOf(100, true, &calls)) {
		if err != nil || *v != 10+n {
			t.Fatalf("item %d = %v, %v", n, *v, err)
		}
		n++
		if n == 15 {
			break
		}
	}
	if len(calls) != 2 || calls[0].PageSize != 10 || calls[0].PageNumber != 2 {
		t.Fatalf("calls = %+v", calls)
	}
}

func TestIterateYieldsTheErrorOnce(t *testing.T) {
	boom := errors.New("boom")
	count := 0
	for _, err := range iterate(context.Background(), ListOptions{}, func(context.Context, ListOptions) ([]*int, *Pagination, error) {
		return nil, nil, boom
	}) {
		count++
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
	}
	if count != 1 {
		t.Fatalf("yielded %d times", count)
	}
}

func TestListOptionsValidate(t *testing.T) {
	for _, o := range []ListOptions{{PageSize: 101}, {PageSize: -1}, {PageNumber: -1}} {
		if err := o.validate(); !errors.Is(err, ErrInvalidPagination) || !errors.Is(err, ErrValidation) {
			t.Errorf("%+v: %v", o, err)
		}
	}
	for _, o := range []ListOptions{{}, {PageSize: 100, PageNumber: 7}} {
		if err := o.validate(); err != nil {
			t.Errorf("%+v: %v", o, err)
		}
	}
}
